// The interactive questionnaire on a terminal: prompts on stderr, answers
// from stdin, progress, help, back, skip, immediate emergency warnings, and
// saving progress after every answer.
#pragma once

#include <string>

#include "myoscreen/adaptive.hpp"
#include "myoscreen/answers.hpp"

namespace myoscreen::cli {

struct DialogueOptions {
    std::string save;    // keep progress in this file (0600, atomic replace)
    std::string resume;  // continue from this file
    bool color = false;
    bool adaptive = true;  // ask only what can still change the result (--all-questions: false)
    // When set: at the end, offer to save the report to a file ("Save this
    // report to take to your doctor?") and put the name chosen here (empty:
    // declined).
    std::string* offer_report = nullptr;
};

struct DialogueResult {
    Answers answers;
    AskedSet asked;  // what was put to the person; the rest was not needed (adaptive)
};

// Runs the dialogue to the end and returns the answers. Ctrl-C throws
// Failure(130); Ctrl-D ends without a report (Failure with code 0).
DialogueResult run_dialogue(const Definitions& defs, const DialogueOptions& opt);

}  // namespace myoscreen::cli
