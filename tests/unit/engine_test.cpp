// The engine on the mini definitions: skip logic, derived rounding, the
// incomplete rule, instruments that do not apply, levels, would_decide.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {
Report run(const char* json) {
    Answers a;
    const auto errs = parse_json_answers(test::mini(), json, a);
    REQUIRE(errs.empty());
    return screen(test::mini(), a, ScreenOptions{true});
}
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
