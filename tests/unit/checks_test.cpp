// Plausibility checks (docs/rules.md: Plausibility checks): each boundary of the embedded
// checks from both sides, messages, the unit alternative, the parser's
// "typed without a unit", loading errors, and "answers" in the JSON report.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixture.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"
#include "snapshot/snapshot.hpp"

using namespace myoscreen;

namespace {

const Definitions& defs() {
    static const Definitions d = load_embedded_definitions();
    return d;
}

Answers answers_of(const std::string& json) {
    Answers a;
    const auto errs = parse_json_answers(defs(), json, a);
    REQUIRE(errs.empty());
    return a;
}

std::vector<std::string> true_checks(const std::string& json) {
    const Report r = screen(defs(), answers_of(json));
    std::vector<std::string> ids;
    for (int k : r.checks) ids.push_back(defs().checks[static_cast<std::size_t>(k)].id);
    return ids;
}

int check_index(std::string_view id) {
    for (std::size_t k = 0; k < defs().checks.size(); ++k)
        if (defs().checks[k].id == id) return static_cast<int>(k);
    FAIL("no check " << id);
    return -1;
}

using ids = std::vector<std::string>;

}  // namespace

TEST_CASE("the embedded definitions carry the three checks of docs/rules.md (Plausibility checks)") {
    REQUIRE(defs().checks.size() == 3);
    CHECK(defs().checks[0].id == "bmi_implausible");
    CHECK(defs().checks[1].id == "weight_change_implausible");
    CHECK(defs().checks[2].id == "activity_implausible");
    const auto q = [](int i) { return defs().questions[static_cast<std::size_t>(i)].id; };
    CHECK(q(defs().checks[0].confirm.at(0)) == "height_cm");
    CHECK(q(defs().checks[0].confirm.at(1)) == "weight_kg");
    CHECK(q(defs().checks[1].confirm.at(0)) == "weight_6mo_ago_kg");
    CHECK(q(defs().checks[2].confirm.at(0)) == "activity_minutes_week");
    CHECK(q(defs().checks[0].alternative.question) == "weight_kg");
    CHECK(defs().checks[0].alternative.unit == "lb");
}

TEST_CASE("bmi_implausible: BMI 15 and 50 are plausible, 14.9 and 50.1 are not") {
    // At 200 cm the BMI is weight / 4.
    CHECK(true_checks(R"({"height_cm": 200, "weight_kg": 60})") == ids{});
    CHECK(true_checks(R"({"height_cm": 200, "weight_kg": 59.6})") == ids{"bmi_implausible"});
    CHECK(true_checks(R"({"height_cm": 200, "weight_kg": 200})") == ids{});
    CHECK(true_checks(R"({"height_cm": 200, "weight_kg": 200.4})") == ids{"bmi_implausible"});
    // Unknown is not true: weight alone raises nothing.
    CHECK(true_checks(R"({"weight_kg": 30})") == ids{});
}

TEST_CASE("weight_change_implausible: a change of 25% either way is plausible, 25.1% is not") {
    CHECK(true_checks(R"({"weight_6mo_ago_kg": 100, "weight_kg": 75})") == ids{});
    CHECK(true_checks(R"({"weight_6mo_ago_kg": 100, "weight_kg": 74.9})") == ids{"weight_change_implausible"});
    CHECK(true_checks(R"({"weight_6mo_ago_kg": 100, "weight_kg": 125})") == ids{});
    CHECK(true_checks(R"({"weight_6mo_ago_kg": 100, "weight_kg": 125.1})") == ids{"weight_change_implausible"});
    CHECK(true_checks(R"({"weight_6mo_ago_kg": 100})") == ids{});
}

TEST_CASE("activity_implausible: 2100 minutes a week is plausible, 2101 is not") {
    CHECK(true_checks(R"({"activity_minutes_week": 2100})") == ids{});
    CHECK(true_checks(R"({"activity_minutes_week": 2101})") == ids{"activity_implausible"});
    CHECK(true_checks("{}") == ids{});
}

TEST_CASE("checks never change the screening: the same report without any checks") {
    const Answers a = answers_of(R"({"age": 70, "height_cm": 180, "weight_kg": 180, "activity_minutes_week": 3000})");
    const Report r = screen(defs(), a);
    CHECK(r.checks == std::vector<int>{0, 2});
    Definitions without = defs();
    without.checks.clear();
    const Report plain = screen(without, a);
    CHECK(plain.checks.empty());
    std::string with_checks, without_checks;
    render_json(r, with_checks);
    render_json(plain, without_checks);
    CHECK(with_checks == without_checks);
}

TEST_CASE("a check's message quotes only derived numbers, to one decimal") {
    const Report r = screen(defs(), answers_of(R"({"height_cm": 180, "weight_kg": 180})"));
    CHECK(check_message(defs(), r, check_index("bmi_implausible")) ==
          "Height and weight give a BMI of 55.6; please check both and their units.");
    const Report unknown = screen(defs(), answers_of("{}"));
    CHECK(check_message(defs(), unknown, check_index("bmi_implausible")).find("BMI of unknown;") != std::string::npos);
}

TEST_CASE("the parser says when a number was typed without a unit") {
    const Question& w = defs().questions[static_cast<std::size_t>(defs().question_index("weight_kg"))];
    Answer a;
    TypedDetail how;
    REQUIRE_FALSE(parse_typed_answer(w, "180", a, {.info = &how}));
    REQUIRE(how.bare_number);
    CHECK(*how.bare_number == 180);
    REQUIRE_FALSE(parse_typed_answer(w, "180 kg", a, {.info = &how}));
    CHECK_FALSE(how.bare_number);
    REQUIRE_FALSE(parse_typed_answer(w, "180 lb", a, {.info = &how}));
    CHECK_FALSE(how.bare_number);
    // A column's unit (weight_lb) is a unit given.
    REQUIRE_FALSE(parse_typed_answer(w, "180", a, {.default_unit = "lb", .info = &how}));
    CHECK_FALSE(how.bare_number);
    CHECK(a.num == Approx(81.6466266));
    // A refused answer leaves nothing behind.
    CHECK(parse_typed_answer(w, "9999", a, {.info = &how}));
    CHECK_FALSE(how.bare_number);
}

TEST_CASE("the unit alternative holds only when the reading in lb gives a BMI of 16 to 40") {
    const int k = check_index("bmi_implausible");
    // 180 at 180 cm read as 180 lb = 81.6 kg: BMI 25.2.
    CHECK(check_alternative_holds(defs(), answers_of(R"({"height_cm": 180, "weight_kg": 81.6466266})"), k));
    // 300 lb at 120 cm = 136.1 kg: BMI 94.5, still implausible: no offer.
    CHECK_FALSE(check_alternative_holds(defs(), answers_of(R"({"height_cm": 120, "weight_kg": 136.0777})"), k));
    // 16 and 40 are both inside: at 200 cm, 64 kg and 160 kg.
    CHECK(check_alternative_holds(defs(), answers_of(R"({"height_cm": 200, "weight_kg": 64})"), k));
    CHECK(check_alternative_holds(defs(), answers_of(R"({"height_cm": 200, "weight_kg": 160})"), k));
    CHECK_FALSE(check_alternative_holds(defs(), answers_of(R"({"height_cm": 200, "weight_kg": 63.6})"), k));
    CHECK_FALSE(check_alternative_holds(defs(), answers_of(R"({"height_cm": 200, "weight_kg": 160.4})"), k));
    CHECK_FALSE(check_alternative_holds(defs(), answers_of(R"({"activity_minutes_week": 3000})"), check_index("activity_implausible")));
}

TEST_CASE("checks survive the snapshot") {
    const auto back = detail::read_snapshot(detail::write_snapshot(defs()));
    REQUIRE(back);
    REQUIRE(back->checks.size() == defs().checks.size());
    for (std::size_t k = 0; k < back->checks.size(); ++k) {
        CHECK(back->checks[k].id == defs().checks[k].id);
        CHECK(back->checks[k].message == defs().checks[k].message);
        CHECK(back->checks[k].confirm == defs().checks[k].confirm);
        CHECK(back->checks[k].alternative.question == defs().checks[k].alternative.question);
    }
    const Report r = screen(*back, answers_of(R"({"activity_minutes_week": 2101})"));
    CHECK(r.checks == std::vector<int>{2});
}

namespace {
std::string mini_with_checks(const std::string& checks) {
    std::string s = test::mini_json;
    const auto at = s.find("\"factors\": [");
    REQUIRE(at != std::string::npos);
    s.insert(at, "\"checks\": [" + checks + "],\n  ");
    return s;
}
std::string load_error(const std::string& checks) {
    try {
        load_definitions(mini_with_checks(checks), "d.json");
    } catch (const DefinitionsError& e) {
        return format_diagnostic(e.diagnostics().at(0));
    }
    return "loaded";
}
}  // namespace

TEST_CASE("checks in a definitions file: what loads and every error, located") {
    const std::string good = R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "BMI {bmi}.", "source": "s",
      "alternative": {"answer": "weight_kg", "unit": "lb", "when": "bmi < 40"}})";
    CHECK(load_error(good) == "loaded");
    const Definitions d = load_definitions(mini_with_checks(good), "d.json");
    REQUIRE(d.checks.size() == 1);
    CHECK_FALSE(d.checks[0].alternative.when.empty());

    auto has = [](const std::string& error, const std::string& part) {
        INFO(error);
        CHECK(error.find(part) != std::string::npos);
    };
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "You weigh {weight_kg}.", "source": "s"})"),
        "a message may quote only derived numbers, as {ID}; \"weight_kg\" is not one (at /checks/0/message)");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "{low_bmi}", "source": "s"})"),
        "\"low_bmi\" is not one");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "BMI {bmi", "source": "s"})"),
        "an unclosed {");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "a } b", "source": "s"})"),
        "a } without its {");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "{ {bmi}", "source": "s"})"),
        "an unclosed {");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["nope"], "message": "m", "source": "s"})"),
        "unknown question \"nope\" (at /checks/0/confirm/0)");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": [], "message": "m", "source": "s"})"),
        "at least one answer to confirm");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg", "weight_kg"], "message": "m", "source": "s"})"),
        "question named twice (at /checks/0/confirm/1)");
    has(load_error(R"({"id": "c", "when": "bmi + 1", "confirm": ["weight_kg"], "message": "m", "source": "s"})"), "/checks/0/when");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "m"})"), "missing \"source\"");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "m", "source": "s", "why": 1})"), "why");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["sex"], "message": "m", "source": "s",
      "alternative": {"answer": "sex", "unit": "lb", "when": "bmi < 40"}})"),
        "an alternative reads a number question with a unit; \"sex\" is not one (at /checks/0/alternative/answer)");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["height_cm"], "message": "m", "source": "s",
      "alternative": {"answer": "weight_kg", "unit": "lb", "when": "bmi < 40"}})"),
        "must be one of the answers to confirm");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "m", "source": "s",
      "alternative": {"answer": "weight_kg", "unit": "l b", "when": "bmi < 40"}})"),
        "a unit is a word of letters");
    has(load_error(R"({"id": "c", "when": "bmi > 50", "confirm": ["weight_kg"], "message": "m", "source": "s",
      "alternative": {"answer": "weight_kg", "unit": "lb", "when": "nope < 40"}})"),
        "/checks/0/alternative/when");
    has(load_error(good + "," + good), "duplicate check id \"c\" (at /checks/1/id)");
}

TEST_CASE("include-answers: the report's answers read back as the same answers") {
    const Answers a = answers_of(R"({"age": 70, "sex": "female", "height_cm": 162.56, "weight_kg": 81.6466266,
        "conditions": ["diabetes", "chronic_lung_disease"], "falls_past_year": "none", "frail_resistance": true})");
    const Report r = screen(defs(), a);
    for (const bool pretty : {true, false}) {
        RenderOptions ro;
        ro.pretty = pretty;
        ro.answers = &a;
        std::string out;
        render_json(r, out, ro);
        const auto key = out.find("\"answers\":");
        REQUIRE(key != std::string::npos);
        // The object after the key, to the report's closing brace.
        std::string obj = out.substr(out.find('{', key));
        obj.erase(obj.find_last_of('}'));
        Answers back;
        REQUIRE(parse_json_answers(defs(), obj, back).empty());
        for (std::size_t i = 0; i < a.values.size(); ++i) {
            INFO(defs().questions[i].id);
            CHECK(back.values[i].given == a.values[i].given);
            CHECK(back.values[i].num == a.values[i].num);  // exactly: full precision
            CHECK(back.values[i].set == a.values[i].set);
        }
    }
    std::string plain;
    render_json(r, plain);
    CHECK(plain.find("\"answers\"") == std::string::npos);
}
