// Typed answers: what a person enters at the prompt or in a piped line (and,
// through the value rules, a CSV cell). Every error reason is built from the
// definitions, never the text.
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "answer_values.hpp"
#include "myoscreen/answers.hpp"
#include "units.hpp"

namespace myoscreen {

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

}  // namespace

std::string describe_range(const Question& q) {
    return fmt::format("between {} and {} {}", fmt_num(q.min), fmt_num(q.max), to_string(q.unit));
}

std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out,
                                              std::string_view default_unit, bool strict, TypedDetail* info) {
    auto fail = [&](std::string why) { return AnswerError{q.id, std::move(why)}; };
    if (info) *info = TypedDetail{};
    text = trim(text);
    if (text.empty()) return fail("empty answer");
    // Numbers and yes/no follow the value rules everywhere; so do choices in
    // batch cells (strict). Only the prompt takes choices more loosely.
    if (strict || q.type == QuestionType::integer || q.type == QuestionType::number || q.type == QuestionType::yes_no) {
        std::optional<double> bare;
        if (auto why = detail::answer_from_text(q, text, out, default_unit, &bare)) return fail(std::move(*why));
        if (info) info->bare_number = bare;
        return std::nullopt;
    }
    if (q.type == QuestionType::choice) {
        std::string why;
        const int i = pick_choice(q, text, why);
        if (i < 0) return fail(why);
        out = Answer{true, static_cast<double>(i), 0};
        return std::nullopt;
    }
    // multi_choice at the prompt: choices as pick_choice takes them, split
    // by ',' or ';'.
    std::uint64_t set = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = trim(text.substr(start, end - start));
        start = end + 1;
        if (part.empty()) continue;
        std::string why;
        const int i = pick_choice(q, part, why);
        if (i < 0) return fail(why);
        set |= std::uint64_t{1} << i;
    }
    if (set == 0 && q.exclusive >= 0) return fail("expected one or more choices");
    if (auto why = detail::answer_from_codes(q, set, out)) return fail(std::move(*why));
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
