// Quantities as people type them: a number and an optional unit, converted to
// the question's base unit (1 lb = 0.45359237 kg, 1 in = 2.54 cm).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "answers/answer_values.hpp"
#include "text/ascii.hpp"
#include "myoscreen/definitions.hpp"

namespace myoscreen::detail {

struct Quantity {
    double value = 0;  // in the base unit
};

// Parses "70", "70 kg", "154 lb", "5 ft 8 in", "5'8\"", "1.72 m", "30 min".
// On failure returns nullopt and sets `why`, its kind and words (never
// quoting the text).
std::optional<Quantity> parse_quantity(std::string_view text, Unit base, Refused& why);

// Parses a plain decimal number (no sign other than '-', no hex, no inf/nan).
// One beyond a double is an infinity (the caller says "not a finite number").
std::optional<double> parse_number(std::string_view text);

// A number's text as std::from_chars reads it, into `out`; a value too
// small for a double is 0, as simdjson reads it; one too large is none.
enum class NumberText { ok, too_large, invalid };
NumberText number_from_text(std::string_view text, double& out);


}  // namespace myoscreen::detail
