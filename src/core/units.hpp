// Quantities as people type them: a number and an optional unit, converted to
// the question's base unit (1 lb = 0.45359237 kg, 1 in = 2.54 cm).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "myoscreen/definitions.hpp"

namespace myoscreen::detail {

struct Quantity {
    double value = 0;        // in the base unit
    bool converted = false;  // a unit other than the base one was given
};

// Parses "70", "70 kg", "154 lb", "5 ft 8 in", "5'8\"", "1.72 m", "30 min".
// On failure returns nullopt and sets `why` (never quoting the text).
std::optional<Quantity> parse_quantity(std::string_view text, Unit base, std::string& why);

// Parses a plain decimal number (no sign other than '-', no hex, no inf/nan).
std::optional<double> parse_number(std::string_view text);

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

}  // namespace myoscreen::detail
