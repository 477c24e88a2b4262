// A small definitions file for unit tests: every question type, skip logic,
// a derived value, a range-band and a rule-band instrument, one factor.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/screen.hpp"

namespace test {

inline const char* mini_json = R"J({
  "schema": "myoscreen.definitions/1", "name": "mini", "version": "0.1", "disclaimer": "Not a diagnosis.",
  "sections": [{"id": "s", "title": "Section"}],
  "questions": [
    {"id": "age", "section": "s", "type": "integer", "unit": "years", "min": 18, "max": 120, "text": "Age?"},
    {"id": "sex", "section": "s", "type": "choice", "text": "Sex?", "choices": [{"code": "female", "label": "Female"}, {"code": "male", "label": "Male"}]},
    {"id": "weight_kg", "section": "s", "type": "number", "unit": "kg", "min": 25, "max": 350, "text": "Weight?"},
    {"id": "height_cm", "section": "s", "type": "number", "unit": "cm", "min": 100, "max": 250, "text": "Height?"},
    {"id": "tired", "section": "s", "type": "yes_no", "text": "Tired?"},
    {"id": "conds", "section": "s", "type": "multi_choice", "text": "Conditions?", "exclusive": "none",
     "choices": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}, {"code": "c", "label": "C"}, {"code": "none", "label": "None"}]},
    {"id": "male_q", "section": "s", "type": "yes_no", "text": "Male only?", "ask_if": "sex == 'male' and age >= 40"}
  ],
  "derived": [
    {"id": "bmi", "type": "number", "expr": "weight_kg / ((height_cm / 100) * (height_cm / 100))"},
    {"id": "low_bmi", "type": "bool", "expr": "bmi < 20 or (age >= 70 and bmi < 22)"}
  ],
  "instruments": [
    {"id": "ins", "name": "Ins", "source": "test",
     "items": [{"id": "t", "question": "tired", "points": {"yes": 2, "no": 0}},
               {"id": "c", "when": "count(conds, ['a','b','c']) >= 2", "points": 1},
               {"id": "m", "question": "male_q", "points": {"yes": 1, "no": 0}}],
     "bands": [{"band": "low", "min": 0, "max": 1}, {"band": "high", "min": 2, "max": 4}]},
    {"id": "ruled", "name": "Ruled", "source": "test",
     "items": [{"id": "m", "question": "male_q", "points": {"yes": 1, "no": 0}}],
     "bands": [{"band": "pos", "when": "ruled.m == 1"}, {"band": "neg"}]}
  ],
  "factors": [
    {"id": "f", "title": "F", "source": "test",
     "rules": [{"id": "old", "when": "age >= 65", "text": "Old.", "source": "s1"},
               {"id": "high", "when": "ins.band == 'high'", "text": "High.", "source": "s2"}],
     "likely": "old and high", "possible": "old or high", "advice": {"text": "Move.", "source": "s3"}}
  ],
  "red_flags": [
    {"id": "rf", "when": "tired and has(conds, 'a')", "urgency": "urgent", "text": "See someone.", "source": "s4"},
    {"id": "em", "when": "has(conds, 'c')", "urgency": "emergency", "text": "Now.", "source": "s5"}
  ],
  "references": []
})J";

inline const myoscreen::Definitions& mini() {
    static const myoscreen::Definitions d = myoscreen::load_definitions(mini_json, "mini.json");
    return d;
}

// The mini definitions' report for a JSON answers object that must be valid.
inline myoscreen::Report screen_mini(const char* json, const myoscreen::ScreenOptions& opt = {}) {
    myoscreen::Answers a;
    REQUIRE(myoscreen::parse_json_answers(mini(), json, a).empty());
    return myoscreen::screen(mini(), a, opt);
}

// Every diagnostic of definitions that must be rejected (a test failure if
// they load).
inline std::vector<myoscreen::Diagnostic> errors_of(const std::string& text) {
    try {
        myoscreen::load_definitions(text, "d.json");
    } catch (const myoscreen::DefinitionsError& e) {
        return e.diagnostics();
    }
    FAIL("expected the definitions to be rejected");
    return {};
}

}  // namespace test
