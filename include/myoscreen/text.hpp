// Text helpers the report and the dialogue share: UTF-8 checking, display
// width, word wrapping and edit distance; the byte order mark every reader
// of a file or stream drops.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace myoscreen {

// The byte offset of the first invalid UTF-8 sequence in `s`, or npos.
std::size_t find_invalid_utf8(std::string_view s);

// `text` without a leading UTF-8 byte order mark (EF BB BF), which editors
// on some systems write at the start of a file.
inline std::string_view strip_bom(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

// Display columns of UTF-8 text, skipping ANSI escape sequences.
int display_width(std::string_view s);

// Appends `text` wrapped to `width` columns (no hyphenation); the first line
// starts after `first_cols` columns already written, later lines with `indent`.
void append_wrapped(std::string& out, std::string_view text, int width, int first_cols, std::string_view indent);

// Levenshtein distance between two strings (bytes), for "did you mean".
int edit_distance(std::string_view a, std::string_view b);

}  // namespace myoscreen
