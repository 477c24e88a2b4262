// The dialogue's terminal: Ctrl-C turned into a clean exit, lines read with
// libedit where that helps (else plain reads), text styled and wrapped.
#pragma once

#include <csignal>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terminal/line_editor.hpp"
#include "myoscreen/text.hpp"
#include "terminal/terminal.hpp"

namespace myoscreen::cli {

// Ctrl-C sets a flag instead of killing us, so we leave cleanly: no partial
// report, the terminal as it was. SIGINT stays blocked except while waiting
// for input (pselect), so one that arrives while we save or print is not
// lost: it is delivered at the next wait, which then ends. While one lives,
// it is the active guard the terminal waits under.
struct SigintGuard {
    struct sigaction old {};
    sigset_t waiting_mask{};
    sigset_t old_mask{};
    SigintGuard();
    ~SigintGuard();
    SigintGuard(const SigintGuard&) = delete;
    SigintGuard& operator=(const SigintGuard&) = delete;
};

class Terminal {
public:
    explicit Terminal(bool color);

    void print(std::string_view s) const;
    // Text wrapped to the terminal, every line after the first indented.
    std::string wrap(std::string_view lead, std::string_view text, std::string_view indent) const {
        std::string out(lead);
        append_wrapped(out, text, width_ - 1, display_width(lead), indent);
        return out;
    }
    // A refusal: "  Sorry: " in red, then the reason wrapped under itself.
    std::string sorry(std::string_view reason) const {
        constexpr std::string_view lead = "  Sorry: ";
        std::string out = red(lead);
        append_wrapped(out, reason, width_ - 1, static_cast<int>(lead.size()), std::string(lead.size(), ' '));
        return out;
    }
    std::string style(std::string_view s, const Style& st) const { return styled(s, st, color_); }
    // Styles text that may end in a newline, keeping the newline outside the
    // escape codes so the line that follows starts clean.
    std::string style_lines(std::string_view s, const Style& st) const {
        const bool nl = !s.empty() && s.back() == '\n';
        if (nl) s.remove_suffix(1);
        return style(s, st) + (nl ? "\n" : "");
    }
    std::string bold(std::string_view s) const { return style_lines(s, ansi::bold); }
    std::string dim(std::string_view s) const { return style_lines(s, ansi::dim); }
    std::string red(std::string_view s) const { return style(s, ansi::red); }

    // One line from stdin without its newline, after `prompt`. Ctrl-C →
    // Failure(130); Ctrl-D → nullopt. Edited with libedit where that helps.
    std::optional<std::string> read_line(const std::string& prompt = "");

    void set_completions(std::vector<std::string> words) {
        if (editor_) editor_->set_completions(std::move(words));
    }

    // Whether the last line read was over-long and dropped.
    bool last_too_long() const { return too_long_; }

private:
    bool color_;
    int width_;
    std::string buf_;
    bool discarding_ = false, too_long_ = false;
    std::unique_ptr<LineEditor> editor_;

    int fill();
    int read_byte(char& c);
    void check_interrupt();
};

}  // namespace myoscreen::cli
