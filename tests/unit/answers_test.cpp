// Answers: typed at the prompt, in a batch cell, and as JSON answers objects.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/answers.hpp"

using namespace myoscreen;

namespace {
const Question& question(const char* id) { return test::mini().questions[test::mini().question_index(id)]; }

std::string typed_error(const char* id, const char* text) {
    Answer a;
    auto e = parse_typed_answer(question(id), text, a);
    REQUIRE(e);
    CHECK(e->field == id);
    CHECK(e->reason.find(text) == std::string::npos);  // never echoes the value
    return e->reason;
}

std::vector<AnswerError> json_errors(std::string_view text) {
    Answers a;
    return parse_json_answers(test::mini(), text, a);
}
}  // namespace

TEST_CASE("typed answers: numbers, units, choices, yes/no, lists") {
    Answer a;
    REQUIRE_FALSE(parse_typed_answer(question("weight_kg"), "154 lb", a));
    CHECK(a.num == Approx(69.85322498));
    REQUIRE_FALSE(parse_typed_answer(question("sex"), "2", a));
    CHECK(a.num == 1);
    REQUIRE_FALSE(parse_typed_answer(question("sex"), "fem", a));
    CHECK(a.num == 0);
    REQUIRE_FALSE(parse_typed_answer(question("tired"), "Y", a));
    CHECK(a.num == 1);
    REQUIRE_FALSE(parse_typed_answer(question("conds"), "a, 3", a));
    CHECK(a.set == 0b101);
    CHECK(describe_answer(question("weight_kg"), Answer{true, 69.85322498, 0}) == "69.9 kg");
}

TEST_CASE("batch cells (strict): codes in any letter case, numbers in the column's unit") {
    const auto cell = [](const char* id, const char* text, std::string_view unit = {}) {
        Answer a;
        auto e = parse_typed_answer(question(id), text, a, {.default_unit = unit, .strict = true});
        INFO(id << " = " << text);
        REQUIRE_FALSE(e);
        return a;
    };
    CHECK(cell("sex", "male").num == 1);
    CHECK(cell("sex", " MALE ").num == 1);
    CHECK(cell("sex", "Female").num == 0);
    CHECK(cell("tired", "TRUE").num == 1);
    CHECK(cell("tired", "No").num == 0);
    CHECK(cell("tired", "0").num == 0);
    CHECK(cell("conds", "A;c").set == 0b101);
    CHECK(cell("weight_kg", "70.5").num == 70.5);
    CHECK(cell("weight_kg", "1.5e2").num == 150);
    CHECK(cell("weight_kg", "154", "lb").num == Approx(69.85322498));
    CHECK(cell("weight_kg", "154 lb").num == Approx(69.85322498));
    CHECK(cell("age", "70").num == 70);
    Answer a;
    // Cells take what the dialogue takes (labels, a word or the start of
    // one), but a number is never a choice's position there.
    CHECK(cell("sex", "fem").num == 0);
    CHECK(cell("sex", "Femal").num == 0);
    CHECK(cell("sex", "m").num == 1);
    for (const char* text : {"2", "females", "x"})
        CHECK(parse_typed_answer(question("sex"), text, a, {.strict = true}));
    for (const char* text : {"yess", "nan", "inf", "1e999", "+5", "70 kg kg"})
        CHECK(parse_typed_answer(question(std::string_view(text) == "yess" ? "tired" : "weight_kg"), text, a, {.strict = true}));
    CHECK(parse_typed_answer(question("age"), "40.5", a, {.strict = true})->reason == "must be a whole number of years");
}

TEST_CASE("typed answers: reasons") {
    CHECK(typed_error("age", "17") == "must be between 18 and 120 years");
    CHECK(typed_error("age", "40.5") == "must be a whole number of years");
    CHECK(typed_error("age", "121") == "must be between 18 and 120 years");
    CHECK(typed_error("sex", "7") == "not one of the choices; type a choice's number (1 to 2) or a word from it");
    CHECK(typed_error("sex", "x") == "not one of the choices; type a choice's number (1 to 2) or a word from it");
    CHECK(typed_error("tired", "maybe") == "answer yes or no");
    CHECK(typed_error("conds", "a, none") == "'none' cannot be combined with other choices");
    CHECK(typed_error("weight_kg", "20 parsecs").find("unknown unit") == 0);
}

TEST_CASE("JSON answers: every form and every error") {
    Answers a;
    REQUIRE(parse_json_answers(test::mini(), R"J({"age": 70, "sex": "male", "weight_kg": "154 lb", "tired": "yes",
                                                "conds": [], "height_cm": null})J", a).empty());
    CHECK(a.values[0].num == 70);
    CHECK(a.values[2].num == Approx(69.85322498));
    CHECK(a.values[4].num == 1);
    CHECK(a.values[5].set == 0b1000);  // [] means none
    CHECK_FALSE(a.values[3].given);

    auto e = json_errors(R"J({"age": 70.5})J");
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "age");
    CHECK(e[0].reason == "must be a whole number of years");
    CHECK(json_errors(R"J({"age": 1e400})J").at(0).reason == "not a finite number");
    CHECK(json_errors(R"J({"age": -5})J").at(0).reason == "must be between 18 and 120 years");
    CHECK(json_errors(R"J({"sex": "robot"})J").at(0).reason == "not one of the choices; use a choice code or label (see: myoscreen questions)");
    CHECK(json_errors(R"J({"conds": ["a", "none"]})J").at(0).reason == "'none' cannot be combined with other choices");
    CHECK(json_errors(R"J({"age": 70, "SECRET-value": 1})J").at(0).field.empty());
    CHECK(json_errors(R"J({"age": 70, "SECRET-value": 1})J").at(0).reason == "key 2 is not a question id");
    CHECK(json_errors(R"J({"sexx": "male"})J").at(0).reason == "key 1 is not a question id; did you mean 'sex'?");
    for (const char* huge : {R"J({"SECRET-value": 1e400})J", "1e400"})  // nlohmann's message would quote the number
        for (const auto& err : json_errors(huge)) CHECK(err.reason.find("1e400") == std::string::npos);
    CHECK(json_errors(R"J({"age": 40, "age": 41})J").at(0).reason.find("twice") != std::string::npos);
    CHECK(json_errors(R"J({"tired": 1})J").at(0).reason == "expected true or false");
    CHECK(json_errors(R"J({"age": {"x": 1}})J").at(0).field == "age");
    CHECK(json_errors(R"J([1, 2])J").at(0).reason.find("JSON object") != std::string::npos);
    const auto syntax = json_errors("{\"age\": 40x}");
    REQUIRE(syntax.size() == 1);
    CHECK(syntax[0].reason.find("line 1, column") != std::string::npos);
    CHECK(syntax[0].reason.find("40x") == std::string::npos);
    CHECK(json_errors(R"J({"sex": "secretvalue"})J").at(0).reason.find("secretvalue") == std::string::npos);
}

TEST_CASE("JSON answers: a NUL byte does not end the text") {
    using namespace std::string_view_literals;
    const auto e = json_errors("{\"age\": 70}\n\0{\"sex\": \"male\"}"sv);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field.empty());
    CHECK(e[0].reason == "invalid JSON at line 2, column 1: a NUL byte is not allowed in JSON text");
}

TEST_CASE("locate_answer_errors: each bad member at its key's line and column; whole-text problems unlocated") {
    const auto located = [](std::string_view text) {
        Answers a;
        auto errs = parse_json_answers(test::mini(), text, a);
        locate_answer_errors(test::mini(), text, errs);
        return errs;
    };
    auto e = located("{\n  \"age\": 130,\n  \"sex\": \"female\",\n\t\"Weight KG\": \"abc\",  \"nonsense\": 1,\n  \"sex\": \"male\"\n}");
    REQUIRE(e.size() == 4);
    CHECK((e[0].field == "age" && e[0].line == 2 && e[0].col == 3));
    CHECK((e[1].field == "weight_kg" && e[1].line == 4 && e[1].col == 2));
    CHECK((e[2].field.empty() && e[2].line == 4 && e[2].col == 23));  // an unknown key, named by position
    CHECK((e[3].field == "sex" && e[3].line == 5 && e[3].col == 3));   // answered twice
    // A byte order mark is not a column; a number beyond a double (simdjson refuses the text) is located too.
    e = located("\xEF\xBB\xBF{\"tired\": \"maybe\", \"height_cm\": 1e400}");
    REQUIRE(e.size() == 2);
    CHECK((e[0].line == 1 && e[0].col == 2 && e[1].line == 1 && e[1].col == 20));
    // Not JSON: the reason says where; the error itself stays unlocated.
    e = located("{\"age\": 70,\n \"sex\": }");
    REQUIRE(e.size() == 1);
    CHECK(e[0].reason.find("line 2, column 9") != std::string::npos);
    CHECK(e[0].line == 0);
    // Past 100 errors, the count of the rest is unlocated; the listed ones are not.
    std::string many = "{";
    for (int k = 0; k < 150; ++k) many += (k ? ",\n\"x" : "\n\"x") + std::to_string(k) + "\": 1";
    e = located(many + "}");
    REQUIRE(e.size() == 101);
    CHECK((e[0].line == 2 && e[99].line == 101 && e[100].line == 0));
    // Errors of another text are left as they are.
    Answers a;
    auto other = parse_json_answers(test::mini(), R"({"age": 130})", a);
    locate_answer_errors(test::mini(), R"({"age": 70, "sex": "x"})", other);
    CHECK(other[0].line == 0);
}
