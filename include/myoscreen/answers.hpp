// Answers to a questionnaire, and how typed text and JSON become answers.
// Errors name the question and the reason; they never hold the value given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/definitions.hpp"

namespace myoscreen {

struct Answer {
    bool given = false;      // false: unanswered (unknown)
    double num = 0;          // number in the base unit, yes_no 0/1, or choice index
    std::uint64_t set = 0;   // multi_choice selections
};

// One slot per question, in catalogue order.
struct Answers {
    std::vector<Answer> values;
    explicit Answers(std::size_t n = 0) : values(n) {}
};

struct AnswerError {
    std::string field;   // question id, JSON key or CSV column
    std::string reason;  // built from the definitions only, never from the value
};

// Parses what a person types (dialogue, piped line, CSV cell) for question
// `q`: numbers with units ("70 kg", "154 lb", "5 ft 8 in", "5'8\""), choices
// by number, code or unambiguous prefix, yes/no, lists for multi_choice.
// `default_unit` applies to a bare number (a CSV column named weight_lb).
// Empty text is an error here; callers decide what empty means. `strict`
// (batch cells) accepts choices only by code, multi_choice codes split by ';'.
std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out,
                                              std::string_view default_unit = {}, bool strict = false);

// "between 18 and 120 years": the accepted range of a numeric question.
std::string describe_range(const Question& q);

// The answer as a person would read it back: "69.9 kg", "some", "yes".
std::string describe_answer(const Question& q, const Answer& a);

struct JsonAnswersOptions {
    std::size_t max_errors = 100;
    // Batch: the key holding a record id (a string or number) and where to
    // put it; that key is then not an answer.
    std::string_view id_key;
    std::string* id_out = nullptr;
};

// Parses a JSON answers object ({question_id: value}). Returns every problem
// found (empty on success); `out` holds the valid answers.
std::vector<AnswerError> parse_json_answers(const Definitions& defs, std::string_view json, Answers& out,
                                            const JsonAnswersOptions& opt = {});

// The answers as a JSON object in the form parse_json_answers() reads,
// numbers in base units at full precision; unanswered questions left out.
std::string answers_to_json(const Definitions& defs, const Answers& answers);

}  // namespace myoscreen
