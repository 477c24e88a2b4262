// The text report: the flag and what to do first, factors by level with their evidence, scores, unanswered questions, disclaimer.
#include <catch2/catch.hpp>

#include <string>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

Report run(const Definitions& d, const char* json) {
    Answers a;
    const auto errs = parse_json_answers(d, json, a);
    REQUIRE(errs.empty());
    return screen(d, a, ScreenOptions{true});
}

std::string text(const Report& r, RenderOptions ro = {}) {
    std::string out;
    render_text(r, out, ro);
    return out;
}

RenderOptions wide() {
    RenderOptions ro;
    ro.width = 1000;
    return ro;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

bool before(const std::string& s, std::string_view a, std::string_view b) {
    const auto i = s.find(a), j = s.find(b);
    return i != std::string::npos && j != std::string::npos && i < j;
}

}  // namespace

TEST_CASE("text report: the flag line comes first, with the most urgent level and the reasons") {
    const std::string out = text(run(test::mini(), R"J({"tired": true, "conds": ["a", "c"]})J"));
    CHECK(first_line(out) == "SEEK MEDICAL ATTENTION: EMERGENCY");
    CHECK(out.find("\n  - See someone.\n") != std::string::npos);
    CHECK(out.find("\n  - Now.\n") != std::string::npos);
    CHECK(before(out, "SEEK MEDICAL ATTENTION", "Screening scores"));
}

TEST_CASE("text report: no flag says so first, and names the questions that could still raise it") {
    std::string out = text(run(test::mini(), R"J({"tired": false, "conds": ["none"]})J"));
    CHECK(first_line(out) == "Seek medical attention: no warning signs in your answers.");
    CHECK(out.find("Some warning signs could not be checked") == std::string::npos);
    out = text(run(test::mini(), "{}"), wide());
    CHECK(first_line(out) == "Seek medical attention: no warning signs in your answers.");
    CHECK(out.find("Some warning signs could not be checked. Answering these questions would tell: tired and conds.") != std::string::npos);
}

TEST_CASE("text report: the action of the most urgent reason comes before the reasons") {
    const Definitions d = load_embedded_definitions();
    Report r = run(d, "{}");
    // Raise the first emergency red flag that has an action by hand.
    std::size_t k = 0;
    while (k < d.red_flags.size() && (d.red_flags[k].urgency != Urgency::emergency || d.red_flags[k].action.empty())) ++k;
    REQUIRE(k < d.red_flags.size());
    r.attention.flag = true;
    r.attention.urgency = Urgency::emergency;
    r.attention.reasons = {static_cast<int>(k)};
    const std::string out = text(r, wide());
    CHECK(first_line(out) == "SEEK MEDICAL ATTENTION: EMERGENCY");
    CHECK(before(out, "  " + d.red_flags[k].action, "  - " + d.red_flags[k].text));
}

TEST_CASE("text report: factors by level, likely first, unlikely last and by name only") {
    const Definitions d = load_embedded_definitions();
    REQUIRE(d.factors.size() >= 4);
    Report r = run(d, "{}");
    r.factors[0].level = Level::unlikely;
    r.factors[1].level = Level::unknown;
    r.factors[2].level = Level::possible;
    r.factors[3].level = Level::likely;
    for (std::size_t f = 4; f < d.factors.size(); ++f) r.factors[f].level = Level::unlikely;
    const std::string out = text(r, wide());
    CHECK(before(out, "Likely contributing factors", "Worth mentioning to your doctor"));
    CHECK(before(out, "Worth mentioning to your doctor", "Could not be decided"));
    CHECK(before(out, "Could not be decided", "\nUnlikely\n"));
    CHECK(before(out, "Likely contributing factors", "  " + d.factors[3].title + "\n"));
    CHECK(before(out, "  " + d.factors[3].title + "\n", "Worth mentioning to your doctor"));
    CHECK(before(out, "Worth mentioning to your doctor", "  " + d.factors[2].title + "\n"));
    CHECK(before(out, "  " + d.factors[2].title + "\n", "Could not be decided"));
    CHECK(before(out, "Could not be decided", "  " + d.factors[1].title + "\n"));
    // Unlikely factors: one line of titles, after the heading.
    const auto unlikely = out.find("\nUnlikely\n");
    const auto names = out.find("  " + d.factors[0].title + ", " + d.factors[4].title);
    CHECK(names != std::string::npos);
    CHECK(names > unlikely);
    // Only likely and possible factors carry advice.
    if (!d.factors[3].advice.text.empty()) CHECK(out.find(d.factors[3].advice.text) != std::string::npos);
    if (!d.factors[0].advice.text.empty()) CHECK(out.find(d.factors[0].advice.text) == std::string::npos);
}

TEST_CASE("text report: a factor's evidence in plain words, its advice, then the scores and the disclaimer") {
    const Report r = run(test::mini(), R"J({"age": 70, "sex": "female", "tired": true})J");
    REQUIRE(r.factors[0].level == Level::likely);
    const std::string out = text(r, wide());
    CHECK(before(out, "Likely contributing factors\n  F\n    - Old.\n    - High.\n", "    What helps: Move.\n"));
    CHECK(before(out, "What helps: Move.", "Screening scores"));
    CHECK(out.find("\n  Ins                   2/4  [##..      ] high (incomplete)\n") != std::string::npos);
    CHECK(out.find("\n  Ruled                does not apply\n") != std::string::npos);
    CHECK(before(out, "Screening scores", "Not answered"));
    CHECK(out.find("  weight_kg, height_cm and conds. Answering them makes the screening more certain.") != std::string::npos);
    CHECK(out.size() >= 17);
    CHECK(out.substr(out.size() - 17) == "Not a diagnosis.\n");
}

TEST_CASE("text report: --explain lists every rule and every red flag with its outcome") {
    const Report r = run(test::mini(), R"J({"age": 30, "tired": true})J");
    RenderOptions ro = wide();
    ro.explain = true;
    const std::string out = text(r, ro);
    CHECK(out.find("      - old false [s1]\n") != std::string::npos);
    CHECK(out.find("How the medical-attention flag was decided") != std::string::npos);
    CHECK(out.find("  ? rf (urgent) unknown (would be decided by conds) [s4]\n") != std::string::npos);
    CHECK(text(r).find("How the medical-attention flag was decided") == std::string::npos);
}

TEST_CASE("text report: colour only when asked") {
    const Report r = run(test::mini(), R"J({"tired": true, "conds": ["a"]})J");
    CHECK(text(r).find('\x1b') == std::string::npos);
    // The CLI's terminal module fills these with its escape codes; the renderer has none of its own.
    RenderOptions ro;
    ro.style.urgent = {"\x1b[1;31m", "\x1b[0m"};
    const std::string out = text(r, ro);
    CHECK(out.rfind("\x1b[1;31mSEEK MEDICAL ATTENTION: URGENT\x1b[0m\n", 0) == 0);
}

TEST_CASE("text report: longer than the screen, the headline comes again at the end") {
    const Report r = run(test::mini(), "{}");
    RenderOptions ro = wide();
    const std::string plain = text(r, ro);
    ro.height = 1000;
    CHECK(text(r, ro) == plain);  // fits: nothing repeated
    ro.height = 5;
    const std::string tall = text(r, ro);
    REQUIRE(tall.size() > plain.size());
    CHECK(tall.substr(0, plain.size()) == plain);
    std::string again(1, '\n');  // (built up: g++ 12 warns, wrongly, on "\n" + string)
    again += first_line(plain);
    again += '\n';
    CHECK(tall.substr(plain.size()) == again);
}
