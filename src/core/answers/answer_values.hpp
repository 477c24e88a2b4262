// The value rules: one verdict on each answer, whether it came as a CSV cell,
// a JSON value (an --answers file, a saved session, a JSON Lines record) or,
// for numbers and yes/no, typed at the prompt. docs/answers.md states them;
// tests/unit/value_rules_cases.tsv holds one table of cases for every path.
// Each returns the reason on failure, built from the definitions only, with
// its kind (Refusal, answers.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "myoscreen/answers.hpp"

namespace myoscreen::detail {

struct Refused {
    Refusal code;
    std::string words;
};
using Reason = std::optional<Refused>;
inline Reason refuse(Refusal code, std::string words) { return Refused{code, std::move(words)}; }

// How a text came: typed (dialogue, piped lines: a number may be a choice's
// position) or a cell (CSV, JSON: it may not), the definitions' answer words
// (none: only codes, labels and digits), and the unit of a bare number (a
// CSV column named weight_lb). `bare`, if set, receives the number when a
// number question was answered without a unit and no default unit applied
// (the plausibility checks' unit alternative). Passed by reference: a batch
// reads dozens of cells a record, and fewer arguments cost less per call.
struct TextWays {
    const AnswerWords* words = nullptr;
    bool positions = false;
    std::string_view default_unit = {};
    std::optional<double>* bare = nullptr;
};

// Answers given as anything but a JSON object.
inline constexpr std::string_view not_an_object = "expected a JSON object of {question_id: answer}";

// A value as text: typed, a CSV cell or a JSON string. Blanks around it do
// not count, and blank text is unanswered (`out` untouched). Exact codes and
// plain numbers take the fast path; anything else is read forgivingly
// (answer_text.hpp): units ("154 lb", "8 st 3 lb"), yes/no words, choices by
// label or a word of it, amounts on amount questions, lists split by ';',
// ',', 'and'.
Reason answer_from_text(const Question& q, std::string_view text, Answer& out, const TextWays& ways);
// A JSON string: as text, but a multi_choice takes an array.
Reason answer_from_json_string(const Question& q, std::string_view s, Answer& out, const AnswerWords* words = nullptr);
// A number in the base unit (a JSON number, or text once its unit is
// converted): finite; for an integer question within 1e-9 (relative) of a
// whole number, which it becomes; in range. On an amount question, the
// amount, as its choice. JSON numbers for other questions are the wrong type.
Reason answer_from_number(const Question& q, double v, Answer& out);
// A JSON boolean: yes_no only.
Reason answer_from_bool(const Question& q, bool v, Answer& out);
// Yes/no words, any letter case: yes/true/y/1 and no/false/n/0.
std::optional<bool> yes_no_word(std::string_view text);

// A choice code: blanks around it do not count, letter case does not matter
// (ASCII). The choice's index, or -1.
int choice_code(const Question& q, std::string_view text);
// A multi_choice list, a code at a time (any given twice is an error), then
// the whole set ('none' alone; [] in JSON means 'none').
Reason add_choice_code(const Question& q, std::string_view code, std::uint64_t& set, const AnswerWords* words = nullptr);
Reason answer_from_codes(const Question& q, std::uint64_t set, Answer& out);
// What a question expects, for a JSON value of the wrong type.
std::string expected_json(const Question& q);

// A JSON key that is no question id: an invalid answer (docs/answers.md,
// "Value rules"). The reason names the key by its position in the object
// (1-based), never by its text, which may be data; the field is the question
// it most likely meant (a typo), or empty.
AnswerError unknown_key(const Definitions& defs, std::string_view key, std::size_t position);

}  // namespace myoscreen::detail
