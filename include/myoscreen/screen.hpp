// The engine: a pure function from definitions and answers to a report.
#pragma once

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/report.hpp"

#include <string>

namespace myoscreen {

// No I/O, no globals, no clock: the same inputs give the same report.
// `answers` must have been validated (parse_* functions) against `defs`.
Report screen(const Definitions& defs, const Answers& answers, const ScreenOptions& opt = {});

// The same, reusing `out` and `scratch` (their capacity) across calls: what a
// batch worker does for each of millions of records.
struct ScreenScratch {
    std::vector<Value> slots, stack, flags;
    Value likely, possible;  // a factor's two conditions
};
void screen_into(const Definitions& defs, const Answers& answers, const ScreenOptions& opt, Report& out, ScreenScratch& scratch);

// Whether question `q` would be asked given the answers so far (its ask_if
// is not false). Used by the dialogue and line mode to skip questions.
bool is_asked(const Definitions& defs, const Answers& answers, int q);

// A plausibility check's message with its {id} quotes filled in from the
// report's derived numbers (1 decimal; "unknown" when not known).
std::string check_message(const Definitions& defs, const Report& report, int check);

// Whether check `check`'s alternative condition holds for `answers`, which
// hold the alternative reading (the bare number in the alternative's unit):
// the dialogue offers that reading only then. False without an alternative.
bool check_alternative_holds(const Definitions& defs, const Answers& answers, int check);

}  // namespace myoscreen
