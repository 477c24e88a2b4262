// Answers written as a JSON answers object (the forms parse_json_answers
// reads): by answers_to_json and by the report's "answers" section
// (--include-answers), so both always write the same forms.
#pragma once

#include "json/json_writer.hpp"
#include "myoscreen/answers.hpp"

namespace myoscreen::detail {

// Writes {question_id: value, ...}: numbers in base units at full precision
// (shortest exact form), yes_no as booleans, choice codes, multi_choice code
// lists; unanswered questions left out.
void write_answers(JsonWriter& w, const Definitions& defs, const Answers& answers);

}  // namespace myoscreen::detail
