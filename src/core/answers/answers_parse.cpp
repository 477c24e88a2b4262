// Typed answers: what a person enters at the prompt or in a piped line (and,
// through the value rules, a CSV cell). Every error reason is built from the
// definitions, never the text.
#include <cmath>

#include <fmt/format.h>

#include "answers/answer_values.hpp"
#include "myoscreen/answers.hpp"
#include "answers/units.hpp"

namespace myoscreen {

using detail::trim;

namespace {

std::string fmt_num(double v) { return fmt::format("{:g}", v); }

}  // namespace

std::string describe_range(const Question& q) {
    return fmt::format("between {} and {} {}", fmt_num(q.min), fmt_num(q.max), to_string(q.unit));
}

std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out, const TypedOptions& opt) {
    // One parser for every source (answer_values.hpp): typed answers differ
    // only in that a number may pick a choice by its position.
    if (opt.info) *opt.info = TypedDetail{};
    if (trim(text).empty()) return AnswerError{q.id, "empty answer", Refusal::empty_answer};
    std::optional<double> bare;
    const detail::TextWays ways{.words = opt.words, .positions = !opt.strict, .default_unit = opt.default_unit, .bare = &bare};
    if (auto why = detail::answer_from_text(q, text, out, ways)) return AnswerError{q.id, std::move(why->words), why->code};
    if (opt.info) opt.info->bare_number = bare;
    return std::nullopt;
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
