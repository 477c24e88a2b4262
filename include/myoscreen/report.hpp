// The result of one screening: plain data referring back to the definitions.
#pragma once

#include <string>
#include <vector>

#include "myoscreen/definitions.hpp"
#include "myoscreen/value.hpp"

namespace myoscreen {

struct InstrumentResult {
    bool applies = true;
    bool complete = true;
    int score = 0;     // sum over known items
    int high = 0;      // the highest score still reachable (= score when complete)
    int band = -1;     // index into Instrument::bands; -1 when undecided or not applying
    bool any_known = true;  // some item is known; false: nothing answered, no score to show (–)
};

// One evidence rule or red flag as evaluated, for evidence and --explain.
struct RuleOutcome {
    State state = State::unknown;  // known: `fired` says which way
    bool fired = false;
    std::vector<int> would_decide;  // unanswered questions that could decide it
};

struct FactorResult {
    Level level = Level::unknown;
    std::vector<int> evidence;       // rule indices that are true
    std::vector<int> would_decide;   // question indices, catalogue order
    std::vector<RuleOutcome> rules;  // every rule, for --explain
};

struct FlagResult {
    bool flag = false;
    Urgency urgency = Urgency::none;
    std::vector<int> reasons;        // red flag indices that are true
    std::vector<int> would_decide;
    std::vector<RuleOutcome> flags;  // every red flag, for --explain
};

struct Report {
    const Definitions* defs = nullptr;
    bool complete = true;
    std::vector<int> unanswered;        // asked but not answered
    std::vector<int> not_needed;        // left out by the adaptive questionnaire (mark_not_needed)
    std::vector<int> ignored;           // answered but absent (ask_if false)
    std::vector<Value> derived;         // per derived value
    std::vector<InstrumentResult> instruments;
    std::vector<FactorResult> factors;
    FlagResult attention;
    std::vector<int> checks;            // plausibility checks that are true (Definitions::checks indices)
};

struct ScreenOptions {
    bool explain = false;  // fill the per-rule outcomes
};

}  // namespace myoscreen
