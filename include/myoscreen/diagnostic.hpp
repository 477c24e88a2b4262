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
    std::string source_line;  // the line of input, for a caret under `col`
};

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
