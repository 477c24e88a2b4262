// Diagnostics: the masked source excerpt and the "FILE:LINE:COL: error: ..." text.
#include "myoscreen/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace myoscreen {

namespace {

// Length of a valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_len(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

void set_excerpt(Diagnostic& d, std::string_view line, std::size_t at, bool show_pointed) {
    std::string out;
    int caret = 0, col = 1;
    // Copies line[i, end) with control bytes and broken UTF-8 replaced.
    auto copy = [&](std::size_t i, std::size_t end) {
        while (i < end) {
            if (caret == 0 && i >= at) caret = col;
            const std::size_t n = utf8_len(line, i);
            const auto c = static_cast<unsigned char>(line[i]);
            if (n == 0 || i + n > end || (c < 0x20 && c != '\t') || c == 0x7F) {
                out += '?';
                ++i;
            } else {
                out.append(line.substr(i, n));
                i += n;
            }
            ++col;
        }
    };
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] != '"') {
            copy(i, i + 1 + (utf8_len(line, i) > 1 ? utf8_len(line, i) - 1 : 0));
            i += std::max<std::size_t>(1, utf8_len(line, i));
            continue;
        }
        // A string token: keys are structure and shown; values only when the
        // problem is inside them.
        std::size_t end = i + 1;
        while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
        end = std::min(end + 1, line.size());
        std::size_t after = end;
        while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
        const bool is_key = after < line.size() && line[after] == ':';
        if (is_key || (show_pointed && at > i && at < end)) {
            copy(i, end);
        } else {
            if (caret == 0 && at < end) caret = col;  // the problem is in or before the masked string
            out += "\"...\"";
            col += 5;
        }
        i = end;
    }
    if (caret == 0) caret = col;
    d.source_line = std::move(out);
    d.caret = caret;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.loc.file.empty()) out += d.loc.file + ":";
    if (d.loc.line > 0) out += fmt::format("{}:{}:", d.loc.line, d.loc.col);
    out += " error: " + d.message;
    if (!d.loc.pointer.empty()) out += " (at " + d.loc.pointer + ")";
    out += '\n';
    if (!d.source_line.empty() && d.caret > 0) {
        // Show at most 100 characters of the line, around the caret. Counted
        // in characters, as the caret is: the excerpt is valid UTF-8
        // (set_excerpt replaced anything else).
        const std::string_view line = d.source_line;
        auto byte_of = [&](int chars) {  // offset of character `chars` (0-based), or the size
            std::size_t k = 0;
            for (int n = 0; k < line.size(); ++k)
                if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80 && n++ == chars) return k;
            return line.size();
        };
        int col = d.caret;
        int first = 0;  // the first character shown
        std::string shown;
        if (col > 80 && byte_of(100) < line.size()) {
            first = col - 40;  // the caret lands 40 characters in, after "..."
            col = 40 + 3;
            shown = "...";
        }
        const std::size_t from = byte_of(first), cut = byte_of(first + 100);
        shown += line.substr(from, cut - from);
        if (cut < line.size()) shown += "...";
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
