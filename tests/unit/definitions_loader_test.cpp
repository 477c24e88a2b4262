// Every kind of definitions error, with its FILE:LINE:COL and pointer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "definitions/definitions_reader.hpp"
#include "fixture.hpp"
#include "myoscreen/diagnostic.hpp"

using namespace myoscreen;

namespace {

using test::errors_of;

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

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "LINE:COL" of `value` where it first follows a key (": value") in `text`.
std::string place_of_value(const std::string& text, const std::string& value) {
    auto at = text.find(": " + value);
    REQUIRE(at != std::string::npos);
    at += 2;
    const auto nl = text.rfind('\n', at);
    const auto line_start = nl == std::string::npos ? 0 : nl + 1;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

}  // namespace

// tests/defs/bad-ids/: the mini definitions with one id that breaks the
// pattern data/definitions.schema.json gives it. Each is refused with one
// located diagnostic pointing at the id's value.
TEST_CASE("every kind of id and code is checked against the schema's pattern") {
    struct Case {
        const char* file;
        const char* value;  // the id as written in the file, quotes included
        const char* pointer;
        const char* message;
    };
    const Case cases[] = {
        {"section-id", R"("about you")", "/sections/0/id",
         R"(the section id "about you" must be letters, digits and '_', not starting with a digit)"},
        {"question-id", R"("2nd_opinion")", "/questions/7/id",
         R"(the question id "2nd_opinion" must be letters, digits and '_', not starting with a digit)"},
        {"question-reserved", R"("not")", "/questions/7/id", R"("not" is a reserved word of the expression language)"},
        {"choice-code", R"("don't_say")", "/questions/1/choices/2/code",
         R"(the choice code "don't_say" cannot contain ' (expressions quote codes with it))"},
        {"choice-code-empty", R"("")", "/questions/1/choices/2/code", "a choice code cannot be empty"},
        {"derived-id", R"("bmi-squared")", "/derived/2/id",
         R"(the derived id "bmi-squared" must be letters, digits and '_', not starting with a digit)"},
        {"instrument-id", R"("ins.v2")", "/instruments/2/id",
         R"(the instrument id "ins.v2" must be letters, digits and '_', not starting with a digit)"},
        {"item-id", R"("two conds")", "/instruments/0/items/1/id",
         R"(the item id "two conds" must be letters, digits and '_', not starting with a digit)"},
        {"band-name", R"("1")", "/instruments/0/bands/0/band",
         "a band name cannot be a plain number (band names are codes, like choice codes)"},
        {"factor-id", R"("f,g")", "/factors/0/id",
         R"(the factor id "f,g" must be letters, digits and '_', not starting with a digit)"},
        {"rule-id", R"("very-old")", "/factors/0/rules/1/id",
         R"(the rule id "very-old" must be letters, digits and '_', not starting with a digit)"},
        // A control byte in an id is quoted escaped, never sent to the terminal.
        {"red-flag-id", R"("em\u001b[31m")", "/red_flags/1/id",
         R"(the red flag id "em\u001b[31m" must be letters, digits and '_', not starting with a digit)"},
        {"reference-id", R"("smith 2020")", "/references/0/id",
         R"(the reference id "smith 2020" must be letters, digits and '_', not starting with a digit)"},
    };
    for (const Case& c : cases) {
        const std::string name = std::string(c.file) + ".json";
        INFO(name);
        const std::string text = read_file(std::string(MYOSCREEN_SOURCE_DIR) + "/tests/defs/bad-ids/" + name);
        std::vector<Diagnostic> d;
        try {
            load_definitions(text, name);
            FAIL("accepted");
        } catch (const DefinitionsError& e) {
            d = e.diagnostics();
        }
        REQUIRE(d.size() == 1);
        CHECK(d[0].loc.pointer == c.pointer);
        CHECK(d[0].message == c.message);
        // Located at the id's value: "FILE:LINE:COL: error: MESSAGE (at /pointer)".
        const std::string shown = format_diagnostic(d[0]);
        CHECK(shown.substr(0, shown.find('\n')) ==
              name + ":" + place_of_value(text, c.value) + ": error: " + c.message + " (at " + c.pointer + ")");
    }
}

TEST_CASE("the schema's id and code patterns, as the loader reads them") {
    using detail::is_schema_code;
    using detail::is_schema_id;
    for (const char* ok : {"a", "A", "_", "_x", "age", "sarcf_lift", "Q2", "a1_b2"}) CHECK(is_schema_id(ok));
    for (const char* bad : {"", "1a", "2nd", "a-b", "a b", "a,b", "a.b", "a\n", "caf\xc3\xa9", "x'"}) CHECK_FALSE(is_schema_id(bad));
    // Codes: anything without ' that is not a plain number (the schema's
    // ^[^']+$, not ^[0-9]+$).
    for (const char* ok : {"a", "none", "1_to_3kg", "4+", "a,b", "a b", "-1", "1.5", "caf\xc3\xa9"}) CHECK(is_schema_code(ok));
    for (const char* bad : {"", "0", "12", "it's", "'"}) CHECK_FALSE(is_schema_code(bad));
    for (const char* word : {"and", "or", "not", "in", "true", "false"}) CHECK(detail::is_reserved_word(word));
    CHECK_FALSE(detail::is_reserved_word("AND"));
}

TEST_CASE("reserved words and plain numbers where the schema forbids them") {
    auto d = errors_of(mini_with(R"J({"id": "high", "when")J", R"J({"id": "true", "when")J"));
    CHECK(d.at(0).message == "\"true\" is a reserved word of the expression language");
    CHECK(d.at(0).loc.pointer == "/factors/0/rules/1/id");
    d = errors_of(mini_with(R"J({"code": "b", "label": "B"})J", R"J({"code": "2", "label": "B"})J"));
    CHECK(d.at(0).message == "a choice code cannot be a plain number (numbers pick choices by position)");
    // An id that is no string is reported once, as such, not also as malformed.
    d = errors_of(mini_with(R"J({"id": "em", "when")J", R"J({"id": 7, "when")J"));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "\"id\" must be a string, not a number");
}
