// Every kind of definitions error, with its FILE:LINE:COL and pointer.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/diagnostic.hpp"

using namespace myoscreen;

namespace {

std::vector<Diagnostic> errors_of(const std::string& text) {
    try {
        load_definitions(text, "d.json");
    } catch (const DefinitionsError& e) {
        return e.diagnostics();
    }
    FAIL("expected the definitions to be rejected");
    return {};
}

// The mini definitions with one substring replaced.
std::string mini_with(const std::string& from, const std::string& to) {
    std::string s = test::mini_json;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

std::string first(const std::string& text) { return format_diagnostic(errors_of(text).at(0)); }

}  // namespace

TEST_CASE("the mini and the embedded definitions load") {
    CHECK(test::mini().questions.size() == 7);
    const Definitions d = load_definitions(embedded_definitions(), "embedded");
    CHECK(d.factors.size() == 7);
}

TEST_CASE("JSON syntax errors carry the real line and column") {
    const auto d = errors_of("{\n  \"schema\": \"x\",\n  \"name\": tru\n}");
    REQUIRE(d.size() == 1);
    CHECK(d[0].loc.line == 3);
    CHECK(d[0].loc.col == 14);
    CHECK(format_diagnostic(d[0]).rfind("d.json:3:14: error: ", 0) == 0);
    const auto t = errors_of("{\"schema\": \"myoscreen.definitions/1\", \"questions\": [");
    CHECK(t.at(0).loc.line == 1);
}

TEST_CASE("a NUL byte after the definitions is an error, not the end of the text") {
    std::string text = test::mini_json;
    text += std::string("\0 garbage", 9);
    const auto d = errors_of(text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "a NUL byte is not allowed in JSON text");
    CHECK(d[0].loc.col == 2);  // just after the closing brace
}

TEST_CASE("duplicate JSON keys and duplicate ids") {
    // The excerpt shows keys but masks string values: a diagnostic does not
    // replay the file's data.
    CHECK(first(mini_with(R"J("name": "mini",)J", R"J("name": "mini", "name": "again",)J")) ==
          "d.json:2:56: error: duplicate key: this member is defined twice in the same object (at /name)\n"
          "      \"schema\": \"...\", \"name\": \"...\", \"name\": \"...\", \"version\": \"...\", \"disclaimer\": \"...\",\n"
          "                                      ^\n");
    const auto d = errors_of(mini_with(R"J({"id": "tired")J", R"J({"id": "age")J"));
    CHECK(format_diagnostic(d.at(0)).find("duplicate id \"age\" (first defined at /questions/0)") != std::string::npos);
    CHECK(d[0].loc.pointer == "/questions/4/id");
    // Answers match choice codes in any letter case, so codes may not differ only in it.
    const auto c = errors_of(mini_with(R"J({"code": "male", "label": "Male"})J", R"J({"code": "Female", "label": "Male"})J"));
    CHECK(c.at(0).message == "duplicate choice code \"Female\" (codes match answers in any letter case)");
    CHECK(c[0].loc.pointer == "/questions/1/choices/1/code");
}

TEST_CASE("unknown ids, type mismatches and syntax inside expressions point into the string") {
    auto d = errors_of(mini_with("\"age >= 65\"", "\"age >= 65 and agee > 1\""));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "unknown id 'agee'");
    CHECK(d[0].loc.pointer == "/factors/0/rules/0/when");
    // The caret sits under "agee" inside the JSON string (shown: it is where
    // the problem is).
    const std::string line = d[0].source_line;
    CHECK(line.substr(static_cast<std::size_t>(d[0].caret - 1), 4) == "agee");

    d = errors_of(mini_with("\"age >= 65\"", "\"age >= \""));
    CHECK(d.at(0).message == "expected a value, got end of expression");
    d = errors_of(mini_with("\"age >= 65\"", "\"age\""));
    CHECK(d.at(0).message.find("expected a condition") == 0);
    d = errors_of(mini_with("\"tired and has(conds, 'a')\"", "\"tired and has(conds, 'zz')\""));
    CHECK(d.at(0).message.find("'zz' is not a code of 'conds'") == 0);
}

TEST_CASE("cycles between derived values and instruments are reported") {
    auto d = errors_of(mini_with(R"J("expr": "bmi < 20 or (age >= 70 and bmi < 22)")J", R"J("expr": "bmi < 20 or low_bmi")J"));
    CHECK(d.at(0).message == "'low_bmi' refers to the value being defined here");
    // bmi -> ins -> bmi
    std::string text = mini_with(R"J("expr": "weight_kg / ((height_cm / 100) * (height_cm / 100))")J", R"J("expr": "ins.score + 1")J");
    text.replace(text.find("count(conds, ['a','b','c']) >= 2"), 32, "bmi > 1");
    d = errors_of(text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("cycle between derived values or instruments: ") == 0);
}

TEST_CASE("bands with gaps or overlaps") {
    auto d = errors_of(mini_with(R"J({"band": "high", "min": 2, "max": 4})J", R"J({"band": "high", "min": 3, "max": 4})J"));
    CHECK(d.at(0).message == "gap in bands: no band covers scores 2 to 2");
    d = errors_of(mini_with(R"J({"band": "high", "min": 2, "max": 4})J", R"J({"band": "high", "min": 1, "max": 4})J"));
    CHECK(d.at(0).message.find("overlaps") != std::string::npos);
    d = errors_of(mini_with(R"J({"band": "high", "min": 2, "max": 4})J", R"J({"band": "high", "min": 2, "max": 3})J"));
    CHECK(d.at(0).message.find("gap in bands: no band covers scores 4 to 4") == 0);
}

TEST_CASE("structure errors: unknown keys, wrong types, skip logic order, all reported at once") {
    auto d = errors_of(mini_with(R"J("text": "Age?")J", R"J("txet": "Age?")J"));
    REQUIRE(d.size() == 2);  // the unknown key, and the missing "text"
    d = errors_of(mini_with(R"J("min": 18)J", R"J("min": "18")J"));
    CHECK(d.at(0).message == "\"min\" must be a number, not a string");
    d = errors_of(mini_with(R"J("ask_if": "sex == 'male' and age >= 40")J", R"J("ask_if": "male_q")J"));
    CHECK(d.at(0).message.find("ask_if may only use questions asked before this one") == 0);
    d = errors_of(mini_with(R"J("ask_if": "sex == 'male' and age >= 40")J", R"J("ask_if": "false")J"));
    CHECK(d.at(0).message.find("can never be asked") != std::string::npos);
    // Two independent problems: both reported.
    std::string two = mini_with(R"J("urgency": "urgent")J", R"J("urgency": "soonish")J");
    two.replace(two.find(R"J("max": 120)J"), 10, R"J("max": "x")J");
    CHECK(errors_of(two).size() == 2);
}
