// The forgiving reading of answer text (docs/answers.md, "What people
// type"): the slow path behind the value rules' exact codes and plain
// numbers. Choices by a word or phrase of their label, a label, an
// unambiguous prefix, a position (typed answers only) or, on an amount
// question, an amount; yes/no and number words from the definitions;
// "about 70", "70 years old", "8 st 3 lb", "1,62 m", typographic quotes;
// lists split by ',', ';', 'and' or spaces. Two matching choices are an
// error listing both, never a guess. Reasons never quote the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "answers/answer_values.hpp"

namespace myoscreen::detail {

// Lower case (ASCII), typographic quotes and primes as ASCII, blanks as one space.
std::string normalise_answer(std::string_view text);

Reason number_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out);
std::optional<bool> yes_no_forgiving(std::string_view text, const AnswerWords* words);
Reason choice_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out);
Reason choices_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out);
// One item of a list (a JSON array's string): its index, or the reason.
Reason choice_item_forgiving(const Question& q, std::string_view text, const TextWays& ways, int& index);
// An amount (in the amount's base unit) on an amount question, as its choice;
// `positions` as in TextWays (the advice of a refusal says "type" or "use").
Reason amount_to_choice(const Question& q, double amount, bool positions, int& index);
// What would work for this question, as advice: "type a number of falls or a word from a choice"
// typed (`positions`), "use a number ... or a choice code or label" in a file.
std::string what_works(const Question& q, bool positions);

}  // namespace myoscreen::detail
