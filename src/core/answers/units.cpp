// Numbers and quantities as people type them, converted to base units.
#include "answers/units.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace myoscreen::detail {

namespace {
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

NumberText number_from_text(std::string_view s, double& out) {
    const char* b = s.data();
    const char* e = b + s.size();
    const auto [p, ec] = std::from_chars(b, e, out);
    if (p != e || ec == std::errc::invalid_argument) return NumberText::invalid;
    if (ec == std::errc{}) return std::isfinite(out) ? NumberText::ok : NumberText::invalid;  // "inf", "nan"
    // Out of range: too large, or too small (1e-400), told apart by the
    // decimal exponent of the first significant digit.
    const char* d = b;
    const bool negative = d < e && *d == '-';
    if (d < e && (*d == '-' || *d == '+')) ++d;
    long long magnitude = -1;
    bool seen_point = false, significant = false;
    for (; d < e && (is_digit(*d) || *d == '.'); ++d) {
        if (*d == '.') seen_point = true;
        else if (significant || *d != '0') significant = true, magnitude += seen_point ? 0 : 1;
        else if (seen_point) --magnitude;
    }
    long long exponent = 0;
    if (d < e && (*d == 'e' || *d == 'E')) {
        const bool minus = ++d < e && *d == '-';
        if (d < e && (*d == '-' || *d == '+')) ++d;
        for (; d < e && is_digit(*d); ++d) exponent = std::min(exponent * 10 + (*d - '0'), 1'000'000'000LL);
        if (minus) exponent = -exponent;
    }
    if (magnitude + exponent > 0) return NumberText::too_large;
    out = negative ? -0.0 : 0.0;
    return NumberText::ok;
}

std::optional<double> parse_number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    const char* b = s.data();
    const char* e = b + s.size();
    // from_chars accepts "inf" and "nan"; answers must be ordinary numbers.
    for (const char* p = b; p < e; ++p)
        if (!(is_digit(*p) || *p == '.' || *p == '-' || *p == 'e' || *p == 'E' || *p == '+'))
            return std::nullopt;
    double v = 0;
    switch (number_from_text(s, v)) {
    case NumberText::ok: return v;
    case NumberText::too_large: return s.front() == '-' ? -HUGE_VAL : HUGE_VAL;
    case NumberText::invalid: return std::nullopt;
    }
    return std::nullopt;
}

namespace {

bool any_of(std::string_view u, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (iequals(u, n)) return true;
    return false;
}

// Splits off a leading number; returns its text and leaves the rest in `s`.
std::string_view take_number(std::string_view& s) {
    std::size_t k = 0;
    if (k < s.size() && s[k] == '-') ++k;
    while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == '.')) ++k;
    // An exponent only when followed by a digit, so "5e" is not swallowed.
    if (k + 1 < s.size() && (s[k] == 'e' || s[k] == 'E') &&
        (std::isdigit(static_cast<unsigned char>(s[k + 1])) || ((s[k + 1] == '-' || s[k + 1] == '+') && k + 2 < s.size()))) {
        k += 2;
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
    }
    std::string_view n = s.substr(0, k);
    s = trim(s.substr(k));
    return n;
}

std::string_view take_word(std::string_view& s) {
    std::size_t k = 0;
    if (!s.empty() && (s[0] == '\'' || s[0] == '"')) k = 1;
    else
        while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
    std::string_view w = s.substr(0, k);
    s = trim(s.substr(k));
    return w;
}

// Factor from a unit word to the base unit, or 0 when it does not fit.
double factor(std::string_view u, Unit base) {
    switch (base) {
    case Unit::kg:
        if (any_of(u, {"kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"})) return 1;
        if (any_of(u, {"lb", "lbs", "pound", "pounds"})) return 0.45359237;
        if (any_of(u, {"st", "stone", "stones"})) return 6.35029318;  // 14 lb
        return 0;
    case Unit::cm:
        if (any_of(u, {"cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters"})) return 1;
        if (any_of(u, {"m", "metre", "metres", "meter", "meters"})) return 100;
        if (any_of(u, {"in", "inch", "inches", "\""})) return 2.54;
        if (any_of(u, {"ft", "foot", "feet", "'"})) return 30.48;
        return 0;
    case Unit::years: return any_of(u, {"y", "yo", "yr", "yrs", "year", "years"}) ? 1 : 0;
    case Unit::minutes: return any_of(u, {"min", "mins", "minute", "minutes"}) ? 1 : any_of(u, {"h", "hr", "hrs", "hour", "hours"}) ? 60 : 0;
    case Unit::hours: return any_of(u, {"h", "hr", "hrs", "hour", "hours"}) ? 1 : any_of(u, {"min", "mins", "minute", "minutes"}) ? 1.0 / 60 : 0;
    case Unit::days: return any_of(u, {"d", "day", "days"}) ? 1 : any_of(u, {"wk", "wks", "week", "weeks"}) ? 7 : 0;
    case Unit::weeks: return any_of(u, {"wk", "wks", "week", "weeks"}) ? 1 : 0;
    case Unit::none: return 0;
    }
    return 0;
}

std::string units_for(Unit base) {
    switch (base) {
    case Unit::kg: return "kg, lb, or st and lb (8 st 3 lb)";
    case Unit::cm: return "cm, m, in, or ft and in (5 ft 8 in)";
    case Unit::years: return "years";
    case Unit::minutes: return "minutes or hours";
    case Unit::hours: return "hours or minutes";
    case Unit::days: return "days or weeks";
    case Unit::weeks: return "weeks";
    case Unit::none: return "no unit";
    }
    return "";
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view text, Unit base, Refused& why) {
    std::string_view s = trim(text);
    Quantity q;
    bool any = false;
    double last_factor = 0;
    // A sum of number-unit parts, largest unit first: "5 ft 8 in", "5'8\"".
    while (!s.empty()) {
        std::string_view num = take_number(s);
        auto v = parse_number(num);
        if (!v) {
            why = num.empty() ? (any ? Refused{Refusal::trailing_text, "unexpected text after the number"} : Refused{Refusal::not_a_number, "expected a number"})
                              : Refused{Refusal::not_a_number, "not a valid number"};
            return std::nullopt;
        }
        if (!std::isfinite(*v)) {
            why = {Refusal::not_finite, "not a finite number"};
            return std::nullopt;
        }
        std::string_view unit = take_word(s);
        double f = 1;
        if (!unit.empty()) {
            f = factor(unit, base);
            if (f == 0) {
                why = {Refusal::unknown_unit, "unknown unit; use " + units_for(base)};
                return std::nullopt;
            }
        } else if (any) {
            // "5 ft 8": the bare tail takes the next smaller unit (inches).
            if (last_factor == 30.48) f = 2.54;
            else if (last_factor == 6.35029318) f = 0.45359237;  // "8 st 3": pounds
            else {
                why = {Refusal::missing_unit, "a second number needs a unit"};
                return std::nullopt;
            }
        }
        if (any && f >= last_factor) {
            why = {Refusal::units_out_of_order, "give the larger unit first, as in 5 ft 8 in"};
            return std::nullopt;
        }
        if (any && *v < 0) {
            why = {Refusal::not_a_number, "not a valid number"};
            return std::nullopt;
        }
        q.value += *v * f;
        last_factor = f;
        any = true;
        if (unit.empty()) break;
    }
    if (!s.empty()) {
        why = {Refusal::trailing_text, "unexpected text after the number"};
        return std::nullopt;
    }
    if (!any) {
        why = {Refusal::not_a_number, "expected a number"};
        return std::nullopt;
    }
    if (!std::isfinite(q.value)) {
        why = {Refusal::not_finite, "not a finite number"};
        return std::nullopt;
    }
    return q;
}

}  // namespace myoscreen::detail
