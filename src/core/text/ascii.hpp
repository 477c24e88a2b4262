// ASCII helpers that do not consult the locale: spaces, case folding and
// trimming of units, codes and yes/no words (every batch cell goes through them).
#pragma once

#include <string>
#include <string_view>

namespace myoscreen::detail {

// What std::isspace accepts in the C locale, without its call per byte.
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// ASCII letters only, without the locale: units, codes and yes/no words.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}
std::string_view trim_slow(std::string_view s);
// Without surrounding spaces; inline, as most text (every batch cell) has none.
inline std::string_view trim(std::string_view s) {
    if (s.empty() || (!is_space(s.front()) && !is_space(s.back()))) return s;
    return trim_slow(s);
}

// A column name or JSON key as people export it, in the form of an id:
// trimmed, ASCII letters in lower case, each run of spaces, hyphens and
// underscores one underscore ("Weight KG" and "weight-kg" → "weight_kg").
std::string id_form(std::string_view name);

}  // namespace myoscreen::detail
