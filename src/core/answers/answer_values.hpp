// JSON values → answers, shared by the nlohmann reader (answer files) and the
// simdjson reader (batch records), so both accept exactly the same answers.
// Each returns the reason on failure, built from the definitions only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "myoscreen/answers.hpp"

namespace myoscreen::detail {

using Reason = std::optional<std::string>;

// The one wording for a choice given by anything but one of its codes (JSON
// values and batch cells; the dialogue also takes numbers and prefixes).
inline constexpr std::string_view not_a_choice_code = "not one of the choice codes (see: myoscreen questions)";
// Answers given as anything but a JSON object.
inline constexpr std::string_view not_an_object = "expected a JSON object of {question_id: answer}";

Reason answer_from_bool(const Question& q, bool v, Answer& out);
Reason answer_from_number(const Question& q, double v, Answer& out);
Reason answer_from_string(const Question& q, std::string_view s, Answer& out);
// A multi_choice array: each code in turn, then the whole set.
Reason add_choice_code(const Question& q, std::string_view code, std::uint64_t& set);
Reason answer_from_codes(const Question& q, std::uint64_t set, Answer& out);
// What a question expects, for a value of the wrong JSON type.
std::string expected_json(const Question& q);

// A JSON key that is no question id: an invalid answer (clinical.md,
// Conventions). The reason names the key by its position in the object
// (1-based), never by its text, which may be data; the field is the question
// it most likely meant (a typo), or empty.
AnswerError unknown_key(const Definitions& defs, std::string_view key, std::size_t position);

}  // namespace myoscreen::detail
