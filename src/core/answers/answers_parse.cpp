// Typed answers: what a person enters at the prompt, in a piped line or in a
// CSV cell. Every error reason is built from the definitions, never the text.
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "answer_values.hpp"
#include "myoscreen/answers.hpp"
#include "units.hpp"

namespace myoscreen {

using detail::iequals;
using detail::trim;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string fmt_num(double v) { return fmt::format("{:g}", v); }



// A choice by its number (1-based), its code, or an unambiguous prefix of
// its code or label. Returns the index or sets `why`.
int pick_choice(const Question& q, std::string_view text, std::string& why) {
    const std::string t = lower(trim(text));
    if (t.empty()) {
        why = "expected a choice";
        return -1;
    }
    if (auto n = detail::parse_number(t); n && *n == std::floor(*n)) {
        if (*n >= 1 && *n <= static_cast<double>(q.choices.size())) return static_cast<int>(*n) - 1;
        why = fmt::format("choose a number from 1 to {}", q.choices.size());
        return -1;
    }
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        if (lower(q.choices[i].code) == t || lower(q.choices[i].label) == t) return static_cast<int>(i);
    int found = -1;
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (lower(q.choices[i].code).starts_with(t) || lower(q.choices[i].label).starts_with(t)) {
            if (found >= 0 && found != static_cast<int>(i)) {
                why = "ambiguous: it could be more than one choice; type more of it or its number";
                return -1;
            }
            found = static_cast<int>(i);
        }
    }
    if (found < 0) why = "not one of the choices";
    return found;
}

// Batch data: the code itself (any letter case), nothing looser.
int exact_code(const Question& q, std::string_view text, std::string& why) {
    const std::string_view t = trim(text);
    if (const int i = q.choice_index(t); i >= 0) return i;  // as written: the usual case
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        if (iequals(q.choices[i].code, t)) return static_cast<int>(i);
    why = detail::not_a_choice_code;
    return -1;
}

std::optional<bool> yes_no(std::string_view text) {
    const std::string_view t = trim(text);
    static constexpr std::string_view yes[] = {"yes", "true", "y", "1"}, no[] = {"no", "false", "n", "0"};
    for (std::string_view w : yes)
        if (iequals(t, w)) return true;
    for (std::string_view w : no)
        if (iequals(t, w)) return false;
    return std::nullopt;
}

}  // namespace

std::string describe_range(const Question& q) {
    return fmt::format("between {} and {} {}", fmt_num(q.min), fmt_num(q.max), to_string(q.unit));
}

std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out,
                                              std::string_view default_unit, bool strict) {
    auto fail = [&](std::string why) { return AnswerError{q.id, std::move(why)}; };
    text = trim(text);
    if (text.empty()) return fail("empty answer");
    switch (q.type) {
    case QuestionType::integer:
    case QuestionType::number: {
        std::string why;
        std::string with_unit;
        std::optional<detail::Quantity> qty;
        if (const auto bare = detail::parse_number(text)) {
            // A bare number (most batch cells): in the column's unit, if any.
            if (default_unit.empty()) qty = detail::Quantity{*bare};
            else {
                with_unit = std::string(text) + " " + std::string(default_unit);
                text = with_unit;
            }
        }
        if (!qty) qty = detail::parse_quantity(text, q.unit, why);
        if (!qty) return fail(why);
        // Whole numbers are checked on what was typed in the base unit; a
        // converted value (weeks from days) must also come out whole.
        if (q.type == QuestionType::integer) {
            const double r = std::round(qty->value);
            if (std::fabs(qty->value - r) > 1e-9) return fail("must be a whole number of " + std::string(to_string(q.unit)));
            qty->value = r;
        }
        if (qty->value < q.min || qty->value > q.max) return fail("must be " + describe_range(q));
        out = Answer{true, qty->value, 0};
        return std::nullopt;
    }
    case QuestionType::yes_no: {
        auto b = yes_no(text);
        if (!b) return fail("answer yes or no");
        out = Answer{true, *b ? 1.0 : 0.0, 0};
        return std::nullopt;
    }
    case QuestionType::choice: {
        std::string why;
        int i = strict ? exact_code(q, text, why) : pick_choice(q, text, why);
        if (i < 0) return fail(why);
        out = Answer{true, static_cast<double>(i), 0};
        return std::nullopt;
    }
    case QuestionType::multi_choice: {
        std::uint64_t set = 0;
        std::size_t start = 0;
        const std::string s(text);
        while (start <= s.size()) {
            std::size_t end = s.find_first_of(strict ? ";" : ",;", start);
            if (end == std::string::npos) end = s.size();
            std::string_view part = trim(std::string_view(s).substr(start, end - start));
            start = end + 1;
            if (part.empty()) continue;
            std::string why;
            int i = strict ? exact_code(q, part, why) : pick_choice(q, part, why);
            if (i < 0) return fail(why);
            set |= std::uint64_t{1} << i;
        }
        if (q.exclusive >= 0 && (set >> q.exclusive & 1U) && (set & ~(std::uint64_t{1} << q.exclusive)))
            return fail("'" + q.choices[q.exclusive].code + "' cannot be combined with other choices");
        if (q.exclusive >= 0 && set == 0) return fail("expected one or more choices");
        out = Answer{true, 0, set};
        return std::nullopt;
    }
    }
    return fail("unsupported question type");
}

std::string describe_answer(const Question& q, const Answer& a) {
    if (!a.given) return "unanswered";
    switch (q.type) {
    case QuestionType::integer: return fmt::format("{} {}", fmt_num(a.num), to_string(q.unit));
    case QuestionType::number: return fmt::format("{:.1f} {}", a.num, to_string(q.unit));
    case QuestionType::yes_no: return a.num != 0 ? "yes" : "no";
    case QuestionType::choice: return q.choices[static_cast<std::size_t>(a.num)].label;
    case QuestionType::multi_choice: {
        std::string out;
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            if (a.set >> i & 1U) out += (out.empty() ? "" : ", ") + q.choices[i].label;
        return out;
    }
    }
    return "";
}

}  // namespace myoscreen
