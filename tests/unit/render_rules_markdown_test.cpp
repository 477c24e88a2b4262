// The rules as Markdown (`rules show --format markdown`, docs/rules.md):
// sections in order, every part of the definitions with its condition as
// written, Markdown-safe text, and a text that is not the model's refused.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "myoscreen/render.hpp"

using namespace myoscreen;

namespace {

// The mini definitions with a plausibility check, a cases item, an amount
// question and a reference added.
std::string mini_plus() {
    std::string s = test::mini_json;
    const std::string refs = R"J("references": [])J";
    s.replace(s.find(refs), refs.size(), R"J("checks": [
    {"id": "bmi_odd", "when": "bmi < 15 or bmi > 50", "confirm": ["height_cm", "weight_kg"], "message": "BMI {bmi} | odd.",
     "alternative": {"answer": "weight_kg", "unit": "lb", "when": "bmi >= 16"}, "source": "a rare BMI"}],
  "references": [{"id": "r1", "citation": "Someone 2020."}])J");
    const std::string items = R"J("items": [{"id": "m", "question": "male_q", "points": {"yes": 1, "no": 0}}],)J";
    s.replace(s.find(items), items.size(),
              R"J("items": [{"id": "m", "question": "male_q", "points": {"yes": 1, "no": 0}},
                {"id": "b", "cases": [{"when": "answered(bmi) and bmi<19", "points": 0}, {"when": "answered(bmi)", "points": 3}, {"points": 1}]}],)J");
    const std::string tired = R"J({"id": "tired", "section": "s", "type": "yes_no", "text": "Tired?"},)J";
    s.replace(s.find(tired), tired.size(), tired + R"J(
    {"id": "falls", "section": "s", "type": "choice", "text": "Falls?", "label": "falls | past year",
     "choices": [{"code": "none", "label": "None", "amount": {"min": 0, "max": 0}}, {"code": "few", "label": "1 to 3", "amount": {"min": 1, "max": 3}},
                 {"code": "many", "label": "4 or more", "amount": {"min": 4}}], "amount": {"whole": true, "words": ["falls", "fall"], "source": "test"}},)J");
    return s;
}

std::string markdown(const std::string& json) {
    const Definitions d = load_definitions(json, "test.json");
    std::string out;
    render_rules_markdown(d, json, out);
    return out;
}

bool has(const std::string& out, const std::string& s) { return out.find(s) != std::string::npos; }

}  // namespace

TEST_CASE("rules markdown: every part in order, conditions as written") {
    const std::string out = markdown(mini_plus());
    REQUIRE(out.rfind("# The clinical rules of mini 0.1\n", 0) == 0);
    std::size_t at = 0;
    for (const char* h : {"\n## Questions\n", "\n### Section (`s`)\n", "\n## Derived values\n", "\n## Instruments\n", "\n### Ins (`ins`)\n",
                          "\n### Ruled (`ruled`)\n", "\n## Factors\n", "\n### F (`f`)\n", "\n## Red flags\n", "\n## Plausibility checks\n",
                          "\n## References\n"}) {
        const std::size_t next = out.find(h, at);
        INFO(h);
        REQUIRE(next != std::string::npos);
        at = next;
    }
    // Questions: range, choices with codes and amounts, ask_if.
    CHECK(has(out, "| `age` | age | Age? | whole number between 18 and 120 years | always |\n"));
    CHECK(has(out, "| `male_q` | male_q | Male only? | `yes` or `no` | `sex == 'male' and age >= 40` |\n"));
    CHECK(has(out, "any of:<br>`a` A<br>`b` B<br>`c` C<br>`none` None (only on its own)"));
    CHECK(has(out, "one of:<br>`none` None (amount: 0 falls)<br>`few` 1 to 3 (amount: 1 to 3 falls)<br>`many` 4 or more (amount: 4 or more falls)"));
    // Derived values with their formulas.
    CHECK(has(out, "| `bmi` |  | number | `weight_kg / ((height_cm / 100) * (height_cm / 100))` |\n"));
    CHECK(has(out, "| `low_bmi` |  | yes/no | `bmi < 20 or (age >= 70 and bmi < 22)` |\n"));
    // Instruments: points per answer, criteria and cases as written, bands.
    CHECK(has(out, "| `t` | answer to `tired`: `yes` 2, `no` 0 |\n"));
    CHECK(has(out, "| `c` | 1 when `count(conds, ['a','b','c']) >= 2` |\n"));
    CHECK(has(out, "the first that holds:<br>0 when `answered(bmi) and bmi<19`<br>3 when `answered(bmi)`<br>1 when none of the above |"));
    CHECK(has(out, "| `low` | 0 to 1 |\n| `high` | 2 to 4 |\n"));
    CHECK(has(out, "| `pos` | `ruled.m == 1` |\n| `neg` | otherwise |\n"));
    // Factors, red flags, checks, references.
    CHECK(has(out, "- **Likely** when `old and high`\n- **Possible** when `old or high`\n- Source: test\n"));
    CHECK(has(out, "| `high` | `ins.band == 'high'` | High. | s2 |\n"));
    CHECK(has(out, "Advice: Move. (source: s3)\n"));
    CHECK(has(out, "| `em` | emergency | `has(conds, 'c')` | Now. |  | s5 |\n"));
    CHECK(has(out, "| `bmi_odd` | `bmi < 15 or bmi > 50` | `height_cm`, `weight_kg` | BMI {bmi} \\| odd. | `weight_kg` read in lb when `bmi >= 16` | a rare BMI |\n"));
    CHECK(has(out, "- `r1`: Someone 2020.\n"));
    // A '|' in text would end a table cell: escaped.
    CHECK(has(out, "| `falls` | falls \\| past year | Falls? |"));
}

TEST_CASE("rules markdown: a text that is not the definitions' is refused") {
    const Definitions d = load_definitions(test::mini_json, "mini.json");
    std::string out;
    CHECK_THROWS_AS(render_rules_markdown(d, "{", out), std::invalid_argument);
    std::string other = test::mini_json;
    other.replace(other.find("\"id\": \"rf\""), 10, "\"id\": \"xx\"");
    CHECK_THROWS_AS(render_rules_markdown(d, other, out), std::invalid_argument);
}

TEST_CASE("rules markdown of the embedded definitions: every question and condition") {
    const std::string text(embedded_definitions());
    const std::string out = markdown(text);
    const nlohmann::json j = nlohmann::json::parse(text);
    for (const auto& q : j["questions"]) CHECK(has(out, "| `" + q["id"].get<std::string>() + "` |"));
    for (const auto& f : j["factors"]) {
        CHECK(has(out, "**Likely** when `" + f["likely"].get<std::string>() + "`"));
        for (const auto& r : f["rules"]) CHECK(has(out, "| `" + r["when"].get<std::string>() + "` |"));
    }
    for (const auto& f : j["red_flags"]) CHECK(has(out, "| `" + f["when"].get<std::string>() + "` |"));
    for (const auto& c : j["checks"]) CHECK(has(out, "| `" + c["when"].get<std::string>() + "` |"));
    for (const auto& d : j["derived"]) CHECK(has(out, "| `" + d["expr"].get<std::string>() + "` |"));
}
