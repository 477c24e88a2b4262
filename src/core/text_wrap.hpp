// Word wrapping for the text report (UTF-8 aware, no hyphenation).
#pragma once

#include <string>
#include <string_view>

namespace myoscreen::detail {

// Appends `text` wrapped to `width` columns; the first line starts after
// `first` (already written, `first_cols` wide), later lines with `indent`.
void append_wrapped(std::string& out, std::string_view text, int width, int first_cols, std::string_view indent);

// Display columns of UTF-8 text, skipping ANSI escape sequences.
int display_width(std::string_view s);

}  // namespace myoscreen::detail
