// Line editing for the dialogue on a terminal, by Debian's libedit (BSD):
// arrows, Home/End, Ctrl-A/E/U/W, Up/Down through this dialogue's earlier
// answers, Tab completing choice words and commands, bracketed paste.
// Used only where it helps: see LineEditor::wanted().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myoscreen::cli {

class LineEditor {
public:
    // Where line editing helps: line_editing_wanted() (terminal.hpp).
    static bool wanted();

    // `read_byte` gets one byte from the terminal: 1 with the byte, 0 at end
    // of input, -1 when interrupted (the dialogue's own Ctrl-C handling).
    explicit LineEditor(std::function<int(char&)> read_byte);
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    // One line, edited after `prompt`; nullopt at end of input (Ctrl-D on
    // an empty line) or when interrupted. The terminal is as it was after.
    std::optional<std::string> read(const std::string& prompt);
    // The words Tab completes for the next read (choice codes, commands).
    void set_completions(std::vector<std::string> words);
    void remember(const std::string& line);  // for Up/Down

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace myoscreen::cli
