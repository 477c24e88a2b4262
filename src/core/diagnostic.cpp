#include "myoscreen/diagnostic.hpp"

#include <fmt/format.h>

namespace myoscreen {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.loc.file.empty()) out += d.loc.file + ":";
    if (d.loc.line > 0) out += fmt::format("{}:{}:", d.loc.line, d.loc.col);
    out += " error: " + d.message;
    if (!d.loc.pointer.empty()) out += " (at " + d.loc.pointer + ")";
    out += '\n';
    if (!d.source_line.empty() && d.loc.col > 0) {
        // Show at most 100 characters of the line, around the column.
        std::string_view line = d.source_line;
        int col = d.loc.col;
        std::string prefix;
        if (col > 80 && line.size() > 100) {
            const std::size_t cut = static_cast<std::size_t>(col - 40);
            line.remove_prefix(std::min(cut, line.size()));
            col -= static_cast<int>(cut);
            prefix = "...";
            col += 3;
        }
        std::string shown = prefix + std::string(line.substr(0, 100));
        if (line.size() > 100) shown += "...";
        out += "    " + shown + "\n";
        // Keep tabs under the caret aligned with the line above.
        std::string pad;
        int c = 1;
        for (std::size_t k = 0; k < shown.size() && c < col; ++k) {
            const unsigned char b = static_cast<unsigned char>(shown[k]);
            if ((b & 0xC0) == 0x80) continue;
            pad += shown[k] == '\t' ? '\t' : ' ';
            ++c;
        }
        out += "    " + pad + "^\n";
    }
    return out;
}

}  // namespace myoscreen
