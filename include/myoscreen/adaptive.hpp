// The adaptive questionnaire (deterministic curtailment; README, "A session"):
// which questions can still change the outcome, in the order to ask them.
#pragma once

#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/report.hpp"

namespace myoscreen {

// One flag per question: it was put to the person (answered or skipped).
using AskedSet = std::vector<char>;

struct NeededQuestions {
    // Questions not yet asked whose answer could still change a factor's
    // level, a red flag (so the medical-attention flag, its urgency and its
    // reasons), in ask order: first those that could raise an emergency or
    // urgent flag, then the rest, each group in catalogue order.
    std::vector<int> questions;
    int urgent = 0;  // how many at the front are of the first group
};

// Pure, like screen(). Questions not asked count as unknown; skipped ones
// (asked, not answered) stay unknown and are never needed again. When the
// result is empty, every factor level and red flag is what the full
// questionnaire gives for any answers to the questions not asked.
NeededQuestions needed_questions(const Definitions& defs, const Answers& answers, const AskedSet& asked);

// Moves the questions of report.unanswered that were not asked into
// report.not_needed (they are then neither absent nor unanswered) and
// updates report.complete.
void mark_not_needed(Report& report, const AskedSet& asked);

}  // namespace myoscreen
