// Word wrapping for the text report and the dialogue (UTF-8 aware, no hyphenation).
#include "myoscreen/text.hpp"

namespace myoscreen {

int display_width(std::string_view s) {
    int w = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b) {  // ESC [ ... m
            while (i < s.size() && s[i] != 'm') ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++w;
    }
    return w;
}

void append_wrapped(std::string& out, std::string_view text, int width, int first_cols, std::string_view indent) {
    int col = first_cols;
    const int indent_w = display_width(indent);
    bool line_start = true;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        const std::string_view word = text.substr(i, j - i);
        i = j;
        if (word.empty()) continue;
        const int w = display_width(word);
        if (!line_start && col + 1 + w > width) {
            out += '\n';
            out += indent;
            col = indent_w;
            line_start = true;
        }
        if (!line_start) {
            out += ' ';
            ++col;
        }
        out += word;
        col += w;
        line_start = false;
    }
    out += '\n';
}

}  // namespace myoscreen
