#include "answer_values.hpp"

#include <cmath>

namespace myoscreen::detail {

std::string expected_json(const Question& q) {
    switch (q.type) {
    case QuestionType::yes_no: return "expected true or false";
    case QuestionType::choice: return "expected a choice code as a string";
    case QuestionType::multi_choice: return "expected an array of choice codes";
    default: return "expected a number, or a string with a unit";
    }
}

Reason answer_from_bool(const Question& q, bool v, Answer& out) {
    if (q.type != QuestionType::yes_no) return expected_json(q);
    out = Answer{true, v ? 1.0 : 0.0, 0};
    return std::nullopt;
}

Reason answer_from_number(const Question& q, double v, Answer& out) {
    if (q.type != QuestionType::integer && q.type != QuestionType::number) return expected_json(q);
    if (!std::isfinite(v)) return "not a finite number";
    if (q.type == QuestionType::integer && v != std::floor(v)) return "must be a whole number";
    if (v < q.min || v > q.max) return "must be " + describe_range(q);
    out = Answer{true, v, 0};
    return std::nullopt;
}

Reason answer_from_string(const Question& q, std::string_view s, Answer& out) {
    if (q.type == QuestionType::choice) {
        const int i = q.choice_index(s);
        if (i < 0) return std::string(not_a_choice_code);
        out = Answer{true, static_cast<double>(i), 0};
        return std::nullopt;
    }
    if (q.type == QuestionType::multi_choice) return expected_json(q);
    // "yes"/"no", or a number with a unit ("154 lb", "5 ft 8 in").
    if (auto e = parse_typed_answer(q, s, out)) return e->reason;
    return std::nullopt;
}

Reason add_choice_code(const Question& q, std::string_view code, std::uint64_t& set) {
    const int i = q.choice_index(code);
    if (i < 0) return std::string(not_a_choice_code);
    if (set >> i & 1U) return "a choice is listed twice";
    set |= std::uint64_t{1} << i;
    return std::nullopt;
}

Reason answer_from_codes(const Question& q, std::uint64_t set, Answer& out) {
    if (q.exclusive >= 0) {
        const std::uint64_t ex = std::uint64_t{1} << q.exclusive;
        if ((set & ex) && (set & ~ex)) return "'" + q.choices[q.exclusive].code + "' cannot be combined with other choices";
        if (set == 0) set = ex;  // [] means none of them
    }
    out = Answer{true, 0, set};
    return std::nullopt;
}

}  // namespace myoscreen::detail
