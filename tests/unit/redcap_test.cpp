// REDCap: ask_if as branching logic, calc fields, and reading an export
// (checkbox option columns, REDCap's own columns, the value rules' verdicts).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/render.hpp"
#include "render/redcap_logic.hpp"

using namespace myoscreen;

namespace {

const Definitions& logic_defs() {
    static const Definitions d = load_definitions(R"J({
  "schema": "myoscreen.definitions/1", "name": "logic", "version": "1", "disclaimer": "x",
  "sections": [{"id": "s", "title": "S"}],
  "questions": [
    {"id": "age", "section": "s", "type": "integer", "unit": "years", "min": 0, "max": 120, "text": "Age?"},
    {"id": "sex", "section": "s", "type": "choice", "text": "Sex?", "choices": [{"code": "female", "label": "F"}, {"code": "male", "label": "M"}]},
    {"id": "tired", "section": "s", "type": "yes_no", "text": "Tired?"},
    {"id": "conds", "section": "s", "type": "multi_choice", "text": "C?", "exclusive": "none",
     "choices": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}, {"code": "none", "label": "None"}]},
    {"id": "q1", "section": "s", "type": "yes_no", "text": "1", "ask_if": "sex == 'male' and age >= 40"},
    {"id": "q2", "section": "s", "type": "yes_no", "text": "2", "ask_if": "not (sex == 'male' or 40 > age)"},
    {"id": "q3", "section": "s", "type": "yes_no", "text": "3", "ask_if": "has(conds, 'a')"},
    {"id": "q4", "section": "s", "type": "yes_no", "text": "4", "ask_if": "tired and sex in ['female']"},
    {"id": "q5", "section": "s", "type": "yes_no", "text": "5", "ask_if": "age + 1 > 40"},
    {"id": "q6", "section": "s", "type": "yes_no", "text": "6", "ask_if": "answered(conds)"}
  ],
  "derived": [{"id": "older", "type": "number", "expr": "age + 10"}],
  "factors": [{"id": "f", "title": "F", "source": "s", "rules": [{"id": "r", "when": "tired", "text": "T.", "source": "s"}],
               "likely": "r", "possible": "r", "advice": {"text": "a", "source": "s"}}]
})J", "logic.json");
    return d;
}

std::optional<std::string> branching(const Definitions& d, std::string_view id, std::string& why) {
    detail::RedcapFields f;
    f.calc.assign(d.derived.size(), true);
    return detail::redcap_branching(d, d.questions[static_cast<std::size_t>(d.question_index(id))], f, why);
}

}  // namespace

TEST_CASE("REDCap branching logic: shown exactly when the ask_if is not false (a blank is unknown)") {
    const Definitions& d = logic_defs();
    std::string why;
    CHECK(branching(d, "age", why) == std::string());
    CHECK(branching(d, "q1", why) == "([sex] = '' or [sex] = 'male') and ([age] = '' or [age] >= 40)");
    // not (A or B) = not A and not B, each "not true".
    CHECK(branching(d, "q2", why) == "([sex] = '' or [sex] <> 'male') and ([age] = '' or [age] >= 40)");
    CHECK(branching(d, "q3", why) == "[conds(a)] = '1' or ([conds(b)] = '0' and [conds(none)] = '0')");
    CHECK(branching(d, "q4", why) == "([tired] = '' or [tired] = '1') and ([sex] = '' or [sex] = 'female')");
    CHECK(branching(d, "q6", why) == "[conds(a)] = '1' or [conds(b)] = '1' or [conds(none)] = '1'");
    CHECK_FALSE(branching(d, "q5", why));
    CHECK(why.find("arithmetic") != std::string::npos);
}

TEST_CASE("REDCap calc fields from numeric derived values") {
    std::string why;
    detail::RedcapFields f;
    f.calc.assign(test::mini().derived.size(), false);
    CHECK(detail::redcap_calc(test::mini(), test::mini().derived[0], f, why) ==
          "[weight_kg] / (([height_cm] / 100) * ([height_cm] / 100))");
    CHECK_FALSE(detail::redcap_calc(test::mini(), test::mini().derived[1], f, why));  // a yes/no value
}

TEST_CASE("REDCap dictionary: the 18 columns, record_id first, one row a field") {
    std::string out;
    std::vector<std::string> notes;
    render_redcap_dictionary(logic_defs(), out, &notes);
    CHECK(out.starts_with("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider "
                          "Labels\",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,"
                          "Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number "
                          "(surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation\nrecord_id,logic,,text,Record ID,"));
    CHECK(out.find("\nconds,logic,,checkbox,C?,\"a, A | b, B | none, None\",") != std::string::npos);
    CHECK(out.find("\nage,logic,S,text,Age?,,in years,integer,0,120,") != std::string::npos);
    CHECK(out.find("\nolder,logic,,calc,older,[age] + 10,") != std::string::npos);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("'q5'") != std::string::npos);
}

namespace {
struct Redcap {
    std::vector<AnswerError> header_errors, errors;
    CsvLayout layout;
    Answers answers{test::mini().questions.size()};
    std::string id;
    explicit Redcap(const std::vector<std::string>& names) { layout = map_redcap_header(test::mini(), names, header_errors); }
    bool row(const std::vector<std::string_view>& cells) { return parse_redcap_row(test::mini(), layout, cells, answers, id, errors); }
    const Answer& a(std::string_view q) const { return answers.values[static_cast<std::size_t>(test::mini().question_index(q))]; }
};
}  // namespace

TEST_CASE("REDCap export: checkbox columns, yes/no 1/0, REDCap's own columns ignored") {
    Redcap r({"record_id", "redcap_event_name", "sex", "tired", "conds___a", "conds___b", "conds___c", "conds___none", "bmi",
              "mini_complete"});
    REQUIRE(r.header_errors.empty());
    CHECK(r.layout.ignored.empty());
    REQUIRE(r.row({"r1", "baseline_arm_1", "male", "1", "1", "0", "1", "0", "22.5", "2"}));
    CHECK(r.id == "r1");
    CHECK(r.a("tired").given);
    CHECK(r.a("tired").num == 1);
    CHECK(r.a("conds").given);
    CHECK(r.a("conds").set == 0b101);
    // Never saved: every option 0, unanswered; 'none' ticked is the explicit none.
    REQUIRE(r.row({"r2", "", "", "0", "0", "0", "0", "0", "", "0"}));
    CHECK_FALSE(r.a("conds").given);
    CHECK(r.a("tired").given);
    CHECK(r.a("tired").num == 0);
    REQUIRE(r.row({"r3", "", "", "", "0", "0", "0", "1", "", ""}));
    CHECK(r.a("conds").given);
    CHECK(r.a("conds").set == 0b1000);
}

TEST_CASE("REDCap export: errors name the record's field and never the value") {
    Redcap r({"record_id", "sex", "conds___a", "conds___none"});
    REQUIRE(r.header_errors.empty());
    CHECK_FALSE(r.row({"r1", "secretvalue", "7", "0"}));
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].field == "sex");
    CHECK(r.errors[1].field == "conds");
    for (const auto& e : r.errors) CHECK(e.reason.find("secretvalue") == std::string::npos);
    CHECK_FALSE(r.row({"r2", "", "1", "1"}));  // none with another choice
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].reason.find("cannot be combined") != std::string::npos);
    CHECK_FALSE(r.row({"r3", ""}));
    CHECK(r.errors[0].field.empty());
}

TEST_CASE("REDCap export header: unknown options and misspelt fields stop the batch") {
    Redcap bad_option({"record_id", "conds___zzz"});
    REQUIRE(bad_option.header_errors.size() == 1);
    CHECK(bad_option.header_errors[0].reason.find("no choice 'zzz'") != std::string::npos);
    Redcap not_multi({"record_id", "sex___male"});
    REQUIRE(not_multi.header_errors.size() == 1);
    Redcap typo({"record_id", "weigth_kg"});
    REQUIRE(typo.header_errors.size() == 1);
    CHECK(typo.header_errors[0].reason.find("did you mean 'weight_kg'") != std::string::npos);
    Redcap both({"record_id", "conds", "conds___a"});
    CHECK(both.header_errors.size() == 1);
}
