// The engine on the mini definitions: skip logic, derived rounding, the
// incomplete rule, instruments that do not apply, levels, would_decide.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {
Report run(const char* json) { return test::screen_mini(json, ScreenOptions{true}); }
std::vector<std::string> ids(const std::vector<int>& qs) {
    std::vector<std::string> out;
    for (int q : qs) out.push_back(test::mini().questions[q].id);
    return out;
}
}  // namespace

TEST_CASE("empty answers: everything unknown, nothing fired, complete false") {
    const Report r = run("{}");
    CHECK_FALSE(r.complete);
    CHECK(ids(r.unanswered) == std::vector<std::string>{"age", "sex", "weight_kg", "height_cm", "tired", "conds", "male_q"});
    CHECK(r.factors[0].level == Level::unknown);
    CHECK(ids(r.factors[0].would_decide) == std::vector<std::string>{"age", "sex", "tired", "conds", "male_q"});
    CHECK_FALSE(r.attention.flag);
    CHECK(ids(r.attention.would_decide) == std::vector<std::string>{"tired", "conds"});
}

TEST_CASE("derived values are rounded half away from zero and rules see the rounded value") {
    // 70 / 1.75^2 = 22.857 -> 22.9
    Report r = run(R"J({"weight_kg": 70, "height_cm": 175})J");
    CHECK(r.derived[0].num == Approx(22.9));
    // 61.2 / 1.75^2 = 19.98 -> 20.0, so "bmi < 20" is false
    r = run(R"J({"weight_kg": 61.2, "height_cm": 175, "age": 30})J");
    CHECK(r.derived[0].num == Approx(20.0));
    CHECK(r.derived[1].is_false());
}

TEST_CASE("skip logic: absent is neither unanswered nor unknown") {
    Report r = run(R"J({"sex": "female", "male_q": true})J");
    CHECK(ids(r.ignored) == std::vector<std::string>{"male_q"});
    CHECK(std::find(r.unanswered.begin(), r.unanswered.end(), 6) == r.unanswered.end());
    CHECK_FALSE(r.instruments[1].applies);  // ruled: its only item is absent
    CHECK(r.instruments[1].complete);
    // Unknown ask_if: the question is asked, and its answer is used.
    r = run(R"J({"sex": "male", "male_q": true})J");
    CHECK(r.ignored.empty());
    CHECK(r.instruments[1].band == 0);
}

TEST_CASE("instruments: score over known items, band only when decided") {
    // tired yes = 2 already reaches "high" whatever the rest.
    Report r = run(R"J({"tired": true})J");
    CHECK(r.instruments[0].score == 2);
    CHECK_FALSE(r.instruments[0].complete);
    CHECK(r.instruments[0].band == 1);
    // tired no = 0; the rest could add up to 2: undecided.
    r = run(R"J({"tired": false})J");
    CHECK(r.instruments[0].band == -1);
    // A woman (male_q absent), no conditions: 0 of a possible 1 -> low, complete.
    r = run(R"J({"tired": false, "sex": "female", "conds": ["none"]})J");
    CHECK(r.instruments[0].complete);
    CHECK(r.instruments[0].band == 0);
}

TEST_CASE("factor levels and red flags") {
    Report r = run(R"J({"age": 70, "tired": true, "conds": ["a"]})J");
    CHECK(r.factors[0].level == Level::likely);
    CHECK(r.factors[0].evidence == std::vector<int>{0, 1});
    CHECK(r.attention.flag);
    CHECK(r.attention.urgency == Urgency::urgent);
    CHECK(r.attention.would_decide.empty());  // conds known: em is false
    r = run(R"J({"age": 30, "tired": false, "conds": ["none"], "sex": "female"})J");
    CHECK(r.factors[0].level == Level::unlikely);
    CHECK(r.factors[0].would_decide.empty());
    r = run(R"J({"conds": ["c"]})J");
    CHECK(r.attention.urgency == Urgency::emergency);
}

TEST_CASE("rendering is deterministic and follows the report schema order") {
    const Report r = run(R"J({"age": 70, "tired": true})J");
    std::string a, b;
    render_json(r, a);
    render_json(r, b);
    CHECK(a == b);
    const auto pos = [&](const char* k) { return a.find(k); };
    CHECK(pos("\"schema\"") < pos("\"definitions\""));
    CHECK(pos("\"complete\"") < pos("\"unanswered\""));
    CHECK(pos("\"derived\"") < pos("\"instruments\""));
    CHECK(pos("\"factors\"") < pos("\"seek_medical_attention\""));
    CHECK(pos("\"seek_medical_attention\"") < pos("\"disclaimer\""));
}

namespace {

// Definitions where answers can overturn known values: answered() of a
// derived value (a BMI-or-calf item), answers given while their ask_if is
// unknown, and an ask_if on such an answer (so an absent that could become
// present).
const char* would_decide_json = R"J({
  "schema": "myoscreen.definitions/1", "name": "wd", "version": "0.1", "disclaimer": "Not a diagnosis.",
  "sections": [{"id": "s", "title": "Section"}],
  "questions": [
    {"id": "age", "section": "s", "type": "integer", "unit": "years", "min": 18, "max": 120, "text": "Age?"},
    {"id": "sex", "section": "s", "type": "choice", "text": "Sex?", "choices": [{"code": "female", "label": "Female"}, {"code": "male", "label": "Male"}]},
    {"id": "weight_kg", "section": "s", "type": "number", "unit": "kg", "min": 25, "max": 350, "text": "Weight?"},
    {"id": "height_cm", "section": "s", "type": "number", "unit": "cm", "min": 100, "max": 250, "text": "Height?"},
    {"id": "calf_cm", "section": "s", "type": "number", "unit": "cm", "min": 15, "max": 70, "text": "Calf?"},
    {"id": "tired", "section": "s", "type": "yes_no", "text": "Tired?"},
    {"id": "male_q", "section": "s", "type": "yes_no", "text": "Male 40+?", "ask_if": "sex == 'male' and age >= 40"},
    {"id": "fem_q", "section": "s", "type": "choice", "text": "Female?", "ask_if": "sex == 'female'",
     "choices": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}]},
    {"id": "followup", "section": "s", "type": "yes_no", "text": "Follow-up?", "ask_if": "not male_q"}
  ],
  "derived": [
    {"id": "bmi", "type": "number", "expr": "weight_kg / ((height_cm / 100) * (height_cm / 100))"}
  ],
  "instruments": [
    {"id": "nut", "name": "Nut", "source": "test",
     "items": [{"id": "t", "question": "tired", "points": {"yes": 0, "no": 2}},
               {"id": "f", "cases": [{"when": "answered(bmi) and bmi < 19", "points": 0}, {"when": "answered(bmi)", "points": 3},
                                     {"when": "calf_cm < 31", "points": 0}, {"when": "calf_cm >= 31", "points": 3}]}],
     "bands": [{"band": "low", "min": 0, "max": 2}, {"band": "mid", "min": 3, "max": 4}, {"band": "high", "min": 5, "max": 5}]},
    {"id": "ruled", "name": "Ruled", "source": "test",
     "items": [{"id": "m", "question": "male_q", "points": {"yes": 1, "no": 0}}],
     "bands": [{"band": "pos", "when": "ruled.m == 1"}, {"band": "neg"}]}
  ],
  "factors": [
    {"id": "nutrition", "title": "N", "source": "test",
     "rules": [{"id": "low", "when": "nut.band == 'low'", "text": "Low.", "source": "s"},
               {"id": "mid", "when": "nut.band == 'mid'", "text": "Mid.", "source": "s"},
               {"id": "fem_b", "when": "fem_q == 'b'", "text": "B.", "source": "s"}],
     "likely": "low", "possible": "mid or fem_b", "advice": {"text": "Eat.", "source": "s"}},
    {"id": "male", "title": "M", "source": "test",
     "rules": [{"id": "pos", "when": "ruled.band == 'pos'", "text": "Pos.", "source": "s"},
               {"id": "follow", "when": "followup", "text": "Follow.", "source": "s"}],
     "likely": "pos", "possible": "follow", "advice": {"text": "Ask.", "source": "s"}}
  ],
  "red_flags": [
    {"id": "low_nut", "when": "nut.band == 'low'", "urgency": "soon", "text": "Low.", "source": "s"},
    {"id": "tired_follow", "when": "followup and tired", "urgency": "urgent", "text": "Now.", "source": "s"}
  ],
  "references": []
})J";

const Definitions& wd_defs() {
    static const Definitions d = load_definitions(would_decide_json, "wd.json");
    return d;
}

// Each question's possible answers (Answer::num), 'unanswered' aside.
const std::vector<std::vector<double>> wd_values = {
    {30, 45}, {0, 1}, {40, 70}, {170}, {30, 35}, {0, 1}, {0, 1}, {0, 1}, {0, 1}};

bool raised(const FlagResult& before, const FlagResult& after) {
    return (after.flag && !before.flag) || after.urgency > before.urgency;
}

}  // namespace

TEST_CASE("would_decide holds every question whose answer alone changes a level or raises the flag") {
    const Definitions& d = wd_defs();
    const std::size_t n = d.questions.size();
    REQUIRE(n == wd_values.size());
    // Every answer set over the values above (each question also unanswered).
    std::vector<std::size_t> pick(n, 0);  // 0 = unanswered, k = wd_values[q][k-1]
    const auto answers = [&](const std::vector<std::size_t>& p) {
        Answers a(n);
        for (std::size_t q = 0; q < n; ++q)
            if (p[q]) a.values[q] = Answer{true, wd_values[q][p[q] - 1], 0};
        return a;
    };
    int sets = 0, changes = 0, listed = 0;
    for (;;) {
        const Report r = screen(d, answers(pick));
        ++sets;
        for (std::size_t q = 0; q < n; ++q) {
            if (pick[q]) continue;
            for (std::size_t v = 1; v <= wd_values[q].size(); ++v) {
                auto more = pick;
                more[q] = v;
                const Report r2 = screen(d, answers(more));
                for (std::size_t f = 0; f < d.factors.size(); ++f) {
                    if (r2.factors[f].level == r.factors[f].level) continue;
                    ++changes;
                    const auto& wd = r.factors[f].would_decide;
                    INFO("factor " << d.factors[f].id << ", answering " << d.questions[q].id << ", set " << sets);
                    CHECK(std::find(wd.begin(), wd.end(), static_cast<int>(q)) != wd.end());
                }
                if (raised(r.attention, r2.attention)) {
                    ++changes;
                    const auto& wd = r.attention.would_decide;
                    INFO("flag, answering " << d.questions[q].id << ", set " << sets);
                    CHECK(std::find(wd.begin(), wd.end(), static_cast<int>(q)) != wd.end());
                }
            }
        }
        for (const auto& f : r.factors) listed += static_cast<int>(f.would_decide.size());
        std::size_t q = 0;
        while (q < n && ++pick[q] > wd_values[q].size()) pick[q++] = 0;
        if (q == n) break;
    }
    CHECK(sets > 1000);
    CHECK(changes > 100);
    CHECK(listed >= changes / 4);  // sanity: the lists are not all empty
}

TEST_CASE("would_decide: answered() of an unknown and an answer under an unknown ask_if") {
    const Definitions& d = wd_defs();
    const auto run_wd = [&](const char* json) {
        Answers a;
        REQUIRE(parse_json_answers(d, json, a).empty());
        return screen(d, a, ScreenOptions{true});
    };
    const auto names = [&](const std::vector<int>& qs) {
        std::vector<std::string> out;
        for (int q : qs) out.push_back(d.questions[q].id);
        return out;
    };
    // No BMI: calf 30 gives 0, with tired no 2: low (likely). A height would
    // give a BMI instead.
    Report r = run_wd(R"J({"age": 30, "sex": "female", "fem_q": "a", "weight_kg": 70, "calf_cm": 30, "tired": false, "followup": false})J");
    CHECK(r.factors[0].level == Level::likely);
    CHECK(names(r.factors[0].would_decide) == std::vector<std::string>{"height_cm"});
    CHECK(r.attention.flag);
    CHECK(r.instruments[0].complete);
    // --explain: the rule is known, and lists what could change it.
    CHECK(r.factors[0].rules[0].state == State::known);
    CHECK(names(r.factors[0].rules[0].would_decide) == std::vector<std::string>{"height_cm"});
    // With a height nothing is left to decide.
    r = run_wd(R"J({"age": 30, "sex": "female", "fem_q": "a", "weight_kg": 70, "height_cm": 170, "calf_cm": 30, "tired": false, "followup": false})J");
    CHECK(r.factors[0].level == Level::unlikely);  // BMI 24.2: 3 + 2, high
    CHECK(r.factors[0].would_decide.empty());
    // Sex unknown: male_q is asked and its yes used (ruled positive, likely);
    // a woman's answer would be ignored.
    r = run_wd(R"J({"age": 50, "male_q": true, "followup": false})J");
    CHECK(r.factors[1].level == Level::likely);
    CHECK(names(r.factors[1].would_decide) == std::vector<std::string>{"sex"});
    // followup's ask_if (not male_q) is false, but not firmly: followup is
    // absent, and answering sex could bring it (and its yes) back.
    r = run_wd(R"J({"age": 50, "male_q": true, "followup": true, "tired": true})J");
    CHECK(std::find(r.ignored.begin(), r.ignored.end(), 8) != r.ignored.end());
    CHECK_FALSE(r.attention.flag);
    CHECK(names(r.attention.would_decide) == std::vector<std::string>{"sex", "weight_kg", "height_cm", "calf_cm"});
    // Known sex and age: all firm again.
    r = run_wd(R"J({"age": 50, "sex": "male", "male_q": true, "followup": true, "tired": true, "height_cm": 170, "weight_kg": 70})J");
    CHECK(r.factors[1].would_decide.empty());
    CHECK(r.attention.would_decide.empty());
}
