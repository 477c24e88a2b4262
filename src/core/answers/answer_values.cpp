// The value rules (answer_values.hpp, docs/answers.md): CSV cells, JSON
// values and typed numbers and yes/no become answers here, and only here.
#include "answers/answer_values.hpp"

#include <algorithm>
#include <cmath>

#include "answers/answer_text.hpp"
#include "answers/units.hpp"

namespace myoscreen::detail {

std::string expected_json(const Question& q) {
    switch (q.type) {
    case QuestionType::yes_no: return "expected true or false";
    case QuestionType::choice: return q.amounts ? "expected a choice code as a string, or an amount as a number" : "expected a choice code as a string";
    case QuestionType::multi_choice: return "expected an array of choice codes";
    default: return "expected a number, or a string with a unit";
    }
}

std::optional<bool> yes_no_word(std::string_view text) {
    const std::string_view t = trim(text);
    static constexpr std::string_view yes[] = {"yes", "true", "y", "1"}, no[] = {"no", "false", "n", "0"};
    for (std::string_view w : yes)
        if (iequals(t, w)) return true;
    for (std::string_view w : no)
        if (iequals(t, w)) return false;
    return std::nullopt;
}

int choice_code(const Question& q, std::string_view text) {
    const std::string_view t = trim(text);
    if (const int i = q.choice_index(t); i >= 0) return i;  // as written: the usual case
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        if (iequals(q.choices[i].code, t)) return static_cast<int>(i);
    return -1;
}

Reason add_choice_code(const Question& q, std::string_view code, std::uint64_t& set, const AnswerWords* words) {
    int i = choice_code(q, code);
    if (i < 0)
        if (auto why = choice_item_forgiving(q, code, TextWays{.words = words}, i)) return why;
    if (set >> i & 1U) return refuse(Refusal::duplicate_choice, "a choice is listed twice");
    set |= std::uint64_t{1} << i;
    return std::nullopt;
}

Reason answer_from_codes(const Question& q, std::uint64_t set, Answer& out) {
    if (q.exclusive >= 0) {
        const std::uint64_t ex = std::uint64_t{1} << q.exclusive;
        if ((set & ex) && (set & ~ex)) return refuse(Refusal::none_with_others, "'" + q.choices[q.exclusive].code + "' cannot be combined with other choices");
        if (set == 0) set = ex;  // [] means none of them
    }
    out = Answer{true, 0, set};
    return std::nullopt;
}

Reason answer_from_number(const Question& q, double v, Answer& out) {
    if (q.amounts) {
        int i = -1;
        if (auto why = amount_to_choice(q, v, false, i)) return why;
        out = Answer{true, static_cast<double>(i), 0};
        return std::nullopt;
    }
    if (q.type != QuestionType::integer && q.type != QuestionType::number) return refuse(Refusal::wrong_json_type, expected_json(q));
    if (!std::isfinite(v)) return refuse(Refusal::not_finite, "not a finite number");
    if (q.type == QuestionType::integer) {
        // Unit conversion is binary floating point: 4.1 h is 245.99999999999997 min.
        const double r = std::round(v);
        if (std::fabs(v - r) > 1e-9 * std::max(1.0, std::fabs(v))) {
            const std::string_view unit = to_string(q.unit);
            return refuse(Refusal::not_an_integer, unit.empty() ? "must be a whole number" : "must be a whole number of " + std::string(unit));
        }
        v = r;
    }
    if (v < q.min || v > q.max) return refuse(Refusal::out_of_range, "must be " + describe_range(q));
    out = Answer{true, v, 0};
    return std::nullopt;
}

Reason answer_from_bool(const Question& q, bool v, Answer& out) {
    if (q.type != QuestionType::yes_no) return refuse(Refusal::wrong_json_type, expected_json(q));
    out = Answer{true, v ? 1.0 : 0.0, 0};
    return std::nullopt;
}

namespace {

Reason number_from_text(const Question& q, std::string_view text, const TextWays& ways, Answer& out) {
    // A bare number (most cells): in the column's unit, if any.
    if (ways.default_unit.empty())
        if (const auto bare = parse_number(text)) {
            if (ways.bare) *ways.bare = *bare;
            return answer_from_number(q, *bare, out);
        }
    return number_text_forgiving(q, text, ways, out);
}

Reason codes_from_text(const Question& q, std::string_view text, const TextWays& ways, Answer& out) {
    // Codes split by ';' (the fast path); anything else is read forgivingly.
    std::uint64_t set = 0;
    bool any = false;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = trim(text.substr(start, end - start));
        start = end + 1;
        if (item.empty()) continue;  // "a;b;"
        const int i = choice_code(q, item);
        if (i < 0) return choices_text_forgiving(q, text, ways, out);
        if (set >> i & 1U) return refuse(Refusal::duplicate_choice, "a choice is listed twice");
        set |= std::uint64_t{1} << i;
        any = true;
    }
    if (!any) return refuse(Refusal::no_choice, "expected one or more choices; " + what_works(q, ways.positions));
    return answer_from_codes(q, set, out);
}

}  // namespace

Reason answer_from_text(const Question& q, std::string_view text, Answer& out, const TextWays& ways) {
    text = trim(text);
    if (text.empty()) return std::nullopt;  // unanswered
    switch (q.type) {
    case QuestionType::integer:
    case QuestionType::number: return number_from_text(q, text, ways, out);
    case QuestionType::yes_no: {
        auto b = yes_no_word(text);  // the fast path: no call into the forgiving reader
        if (!b) b = yes_no_forgiving(text, ways.words);
        if (!b) return refuse(Refusal::not_yes_no, "answer yes or no");
        out = Answer{true, *b ? 1.0 : 0.0, 0};
        return std::nullopt;
    }
    case QuestionType::choice: {
        if (const int i = choice_code(q, text); i >= 0) {
            out = Answer{true, static_cast<double>(i), 0};
            return std::nullopt;
        }
        return choice_text_forgiving(q, text, ways, out);
    }
    case QuestionType::multi_choice: return codes_from_text(q, text, ways, out);
    }
    return refuse(Refusal::unsupported_question, "unsupported question type");
}

Reason answer_from_json_string(const Question& q, std::string_view s, Answer& out, const AnswerWords* words) {
    if (q.type == QuestionType::multi_choice && !trim(s).empty()) return refuse(Refusal::wrong_json_type, expected_json(q));
    return answer_from_text(q, s, out, TextWays{.words = words});
}

}  // namespace myoscreen::detail
