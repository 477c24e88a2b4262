// Located problems found while loading definitions or reading answers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace myoscreen {

// Where a problem is: a file, a 1-based line and column, and the JSON pointer
// of the value (empty when the input was not JSON or is not yet parsed).
struct SourceLoc {
    std::string file;
    int line = 0;
    int col = 0;
    std::string pointer;
};

struct Diagnostic {
    SourceLoc loc;
    std::string message;
    // The line of input with the caret's place in it (display column, 1-based).
    // String contents other than the one pointed at are masked, and control
    // bytes replaced, so a diagnostic never replays a file's data.
    std::string source_line;
    int caret = 0;
};

// Builds the masked excerpt of `line` for a problem at byte `at` of it.
// Keys are shown, string values masked as "...", except the string the
// problem is inside when `show_pointed` (an expression: its text is the rule).
void set_excerpt(Diagnostic& d, std::string_view line, std::size_t at, bool show_pointed = false);

// "FILE:LINE:COL: error: MESSAGE (at /json/pointer)" plus the source line and a
// caret, as ninja and compilers print them. Lines longer than 100 characters
// are cut around the column.
std::string format_diagnostic(const Diagnostic& d);

// Thrown by loaders when any diagnostic was collected; carries all of them.
class DefinitionsError : public std::exception {
public:
    explicit DefinitionsError(std::vector<Diagnostic> diags) : diags_(std::move(diags)) {}
    const std::vector<Diagnostic>& diagnostics() const noexcept { return diags_; }
    const char* what() const noexcept override { return "invalid definitions"; }

private:
    std::vector<Diagnostic> diags_;
};

}  // namespace myoscreen
