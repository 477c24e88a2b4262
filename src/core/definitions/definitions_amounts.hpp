// Reading the parts of the definitions that say how typed answers are
// understood: amounts on choice questions (a question's "amount", each
// choice's range), a choice's own words, and the answer words (yes/no
// synonyms, number words).
#pragma once

#include <string>

#include "definitions/load_context.hpp"

namespace myoscreen::detail {

// A choice's "amount": {"min"|"above": N, "max"|"below": N}.
void read_choice_amount(LoadContext& ctx, const json& v, const std::string& ptr, Choice& c);
// A choice's "words": other words people type for it. Checked once the
// question's choices are all read (check_choice_words).
void read_choice_words(LoadContext& ctx, const json& v, const std::string& ptr, Choice& c);
// No word of a choice is another choice's code, label or word.
void check_choice_words(LoadContext& ctx, const std::string& ptr, const Question& q);
// A question's "amount": {"unit", "whole", "words", "source"}, read after its
// choices; checks that the ranges are given, in a choice question, and do
// not overlap.
void read_question_amount(LoadContext& ctx, const json& v, const std::string& ptr, Question& q);
// The top-level "answer_words".
void read_answer_words(LoadContext& ctx, const json& j, AnswerWords& w);

}  // namespace myoscreen::detail
