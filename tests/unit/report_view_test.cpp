// report_view(): the one wording of a person's report (headline, factors,
// scores and their scale, answers, what was left out), and that the text and
// HTML reports say its sentences rather than their own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/report_view.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

struct Run {
    Answers answers;
    Report report;
};

Run run(const Definitions& d, const char* json, bool explain = false) {
    Run r;
    REQUIRE(parse_json_answers(d, json, r.answers).empty());
    ScreenOptions so;
    so.explain = explain;
    r.report = screen(d, r.answers, so);
    return r;
}

const ReportView::Score& score(const ReportView& v, std::string_view id) {
    const auto it = std::find_if(v.scores.begin(), v.scores.end(), [&](const auto& s) { return s.id == id; });
    REQUIRE(it != v.scores.end());
    return *it;
}

std::string text(const Report& r, bool explain = false) {
    RenderOptions ro;
    ro.width = 1000;
    ro.explain = explain;
    std::string out;
    render_text(r, out, ro);
    return out;
}

std::string html(const Run& r) {
    std::string out;
    render_html(r.report, r.answers, out);
    return out;
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("report view: a flag is worded by its urgency, its most urgent action first") {
    const Run r = run(test::mini(), R"J({"tired": true, "conds": ["a", "c"]})J");
    const ReportView v = report_view(r.report, r.answers);
    CHECK(v.headline.flag);
    CHECK(v.headline.urgency == 3);
    CHECK(v.headline.label == "Emergency");
    CHECK(v.headline.title == "Get emergency care now");
    CHECK(v.headline.line == "Seek medical attention: emergency");
    REQUIRE(v.headline.reasons.size() == 2);
    CHECK(v.headline.reasons[0].urgency == "Urgent");
    CHECK(v.headline.reasons[0].text == "See someone.");
    CHECK(v.headline.reasons[1].urgency == "Emergency");
    CHECK_FALSE(v.headline.unchecked);
}

TEST_CASE("report view: no flag with questions unanswered says not all could be checked, and which") {
    const Run r = run(test::mini(), "{}");
    const ReportView v = report_view(r.report, r.answers);
    CHECK_FALSE(v.headline.flag);
    CHECK(v.headline.unchecked);
    CHECK(v.headline.label == "Not all checked");
    CHECK(v.headline.line == "Seek medical attention: no warning signs in your answers.");
    CHECK(v.headline.undecided_note == "Some warning signs could not be checked. Answering these questions would tell:");
    CHECK(v.headline.would_decide == std::vector<std::string>{"Tired?", "Conditions?"});
    CHECK(v.headline.would_decide_names == "tired and conds");

    const Run all = run(test::mini(), R"J({"tired": false, "conds": ["none"]})J");
    const ReportView w = report_view(all.report, all.answers);
    CHECK_FALSE(w.headline.unchecked);
    CHECK(w.headline.label == "No warning signs");
    CHECK(w.headline.undecided_note.empty());
    CHECK(w.headline.would_decide_names.empty());
}

TEST_CASE("report view: a long list of questions is cut after six, the names list keeps them all") {
    const Definitions d = load_embedded_definitions();
    const Run r = run(d, "{}");
    REQUIRE(r.report.attention.would_decide.size() > 7);
    const ReportView v = report_view(r.report, r.answers);
    REQUIRE(v.headline.would_decide.size() == 7);
    CHECK(v.headline.would_decide[6].rfind(fmt::format("and {} more", r.report.attention.would_decide.size() - 6), 0) == 0);
    const auto commas = std::count(v.headline.would_decide_names.begin(), v.headline.would_decide_names.end(), ',');
    CHECK(static_cast<std::size_t>(commas) >= r.report.attention.would_decide.size() - 2);
}

TEST_CASE("report view: factors grouped by level, with evidence, advice and, with explain, each rule") {
    const Run r = run(test::mini(), R"J({"age": 70, "sex": "female", "tired": true})J", true);
    ReportView v = report_view(r.report, r.answers);
    REQUIRE(v.factor_groups.size() == 1);
    const auto& g = v.factor_groups[0];
    CHECK(g.level == 0);
    CHECK_FALSE(g.titles_only);
    CHECK(g.titles == "F");
    REQUIRE(g.factors.size() == 1);
    const auto& f = g.factors[0];
    CHECK(f.level == "Likely");
    CHECK(f.listed == "F (Likely)");
    CHECK(f.evidence == std::vector<std::string>{"Old.", "High."});
    CHECK(f.advice == "Move.");
    CHECK(f.checks.empty());  // only when asked
    CHECK(v.explain.empty());
    CHECK(v.sources == std::vector<std::string>{"s1", "s2", "s3", "test"});

    ViewOptions vo;
    vo.explain = true;
    v = report_view(r.report, r.answers, vo);
    const auto& checks = v.factor_groups[0].factors[0].checks;
    REQUIRE(checks.size() == 2);
    CHECK(checks[0].mark == '+');
    CHECK(checks[0].text == "old true [s1]");
    REQUIRE(v.explain.size() == 2);
    CHECK(v.explain[0].mark == '?');
    CHECK(v.explain[0].text == "rf (urgent) unknown (would be decided by conds) [s4]");
}

TEST_CASE("report view: unlikely factors are listed by title, without advice") {
    const Run r = run(test::mini(), R"J({"age": 30, "sex": "female", "tired": false, "conds": ["none"]})J");
    const ReportView v = report_view(r.report, r.answers);
    REQUIRE(v.factor_groups.size() == 1);
    CHECK(v.factor_groups[0].titles_only);
    CHECK(v.factor_groups[0].factors[0].listed == "F (Unlikely)");
    CHECK(v.factor_groups[0].factors[0].advice.empty());
}

TEST_CASE("report view: a score in words, and its scale: bands, cut-offs, ticks, marker") {
    const Run r = run(test::mini(), R"J({"age": 70, "sex": "female", "tired": true})J");
    const ReportView v = report_view(r.report, r.answers);
    const auto& s = score(v, "ins");
    CHECK(s.short_name == "Ins");
    CHECK_FALSE(s.complete);
    CHECK(s.score == 2);
    CHECK(s.high == 3);
    CHECK(s.band == "high");
    CHECK(s.result == "Incomplete: at least 2 and up to 3 out of 4: high whatever the missing answers.");
    CHECK(s.bands_text == "Bands: low 0 to 1, high 2 to 4.");
    CHECK(s.summary == s.result + " " + s.bands_text);
    const auto& sc = s.scale;
    REQUIRE(sc.segments.size() == 2);
    CHECK(sc.segments[0].from == -0.5);
    CHECK(sc.segments[0].to == 1.5);
    CHECK_FALSE(sc.segments[0].cut);
    CHECK_FALSE(sc.segments[0].mine);
    CHECK_FALSE(sc.segments[0].shaded);
    CHECK(sc.segments[1].name == "high");
    CHECK(sc.segments[1].cut);
    CHECK(sc.segments[1].mine);
    CHECK(sc.segments[1].shaded);
    REQUIRE(sc.ticks.size() == 3);
    CHECK(sc.ticks[0].value == 0);
    CHECK(sc.ticks[0].align == -1);
    CHECK(sc.ticks[1].value == 2);
    CHECK(sc.ticks[1].align == 0);
    CHECK(sc.ticks[2].value == 4);
    CHECK(sc.ticks[2].align == 1);
    CHECK(sc.marker == ReportView::Scale::Marker::range);
    CHECK(sc.label == "Your score: 2 to 3 (incomplete)");

    // A rule-band instrument that does not apply (a woman): no scale at all.
    const auto& ruled = score(v, "ruled");
    CHECK_FALSE(ruled.applies);
    CHECK(ruled.result == "Does not apply to you.");
    CHECK(ruled.scale.ticks.empty());
}

TEST_CASE("report view: a complete score is a point; nothing answered is no score, not 0") {
    const Run done = run(test::mini(), R"J({"age": 30, "sex": "female", "tired": false, "conds": ["none"]})J");
    const ReportView dv = report_view(done.report, done.answers);
    const auto& s = score(dv, "ins");
    CHECK(s.complete);
    CHECK(s.result == "Score 0 out of 4: low.");
    CHECK(s.scale.marker == ReportView::Scale::Marker::point);
    CHECK(s.scale.label == "Your score: 0");

    const Run none = run(test::mini(), R"J({"age": 50, "sex": "male"})J");
    const ReportView v = report_view(none.report, none.answers);
    const auto& e = score(v, "ins");
    CHECK_FALSE(e.answered);
    CHECK(e.result == "No score (\u2013 out of 4): none of its questions was answered.");
    CHECK(e.scale.marker == ReportView::Scale::Marker::none);
    CHECK(e.scale.label == "Your score: \u2013 (nothing answered)");
    // Rule bands: one plain bar, every point numbered on a short scale.
    const auto& ruled = score(v, "ruled");
    CHECK(ruled.scale.segments.empty());
    REQUIRE(ruled.scale.ticks.size() == 2);
    CHECK(ruled.scale.ticks[1].value == 1);
    CHECK(ruled.scale.ticks[1].align == 1);
}

TEST_CASE("report view: answers by section, ignored ones marked, units noted; none without answers") {
    const Run r = run(test::mini(), R"J({"age": 30, "sex": "female", "weight_kg": "154 lb", "male_q": true})J");
    ViewOptions vo;
    vo.generated = "2000-01-01 00:00 UTC";
    const ReportView v = report_view(r.report, r.answers, vo);
    REQUIRE(v.answers.size() == 1);
    CHECK(v.answers[0].title == "Section");
    REQUIRE(v.answers[0].rows.size() == 4);
    CHECK(v.answers[0].rows[0].question == "Age?");
    CHECK(v.answers[0].rows[3].question == "Male only?");
    CHECK(v.answers[0].rows[3].ignored);
    CHECK_FALSE(v.units_note.empty());
    CHECK(v.meta == "mini 0.1 \u00b7 2000-01-01 00:00 UTC");
    CHECK(v.unanswered == std::vector<std::string>{"Height?", "Tired?", "Conditions?"});
    CHECK(v.unanswered_names == "height_cm, tired and conds");

    const ReportView bare = report_view(r.report);
    CHECK(bare.answers.empty());
    CHECK(bare.units_note.empty());
    CHECK(bare.meta == "mini 0.1");
    CHECK(bare.unanswered == v.unanswered);
}

TEST_CASE("report view: the questions the adaptive questionnaire left out, in a sentence") {
    Run r = run(test::mini(), "{}");
    r.report.not_needed = {0};
    CHECK(report_view(r.report).not_needed == "1 question was not asked, because no answer to it could have changed this result: age.");
    r.report.not_needed = {0, 1};
    CHECK(report_view(r.report).not_needed ==
          "2 questions were not asked, because no answer to them could have changed this result: age and sex.");
    r.report.not_needed.clear();
    CHECK(report_view(r.report).not_needed.empty());
}

TEST_CASE("report view: the text and HTML reports say the view's sentences") {
    const Definitions d = load_embedded_definitions();
    for (const char* json : {"{}", R"J({"age": 80, "sex": "male", "weight_kg": 50, "weight_6mo_ago_kg": 60, "sarcf_lift": "a_lot_or_unable"})J"}) {
        const Run r = run(d, json);
        const ReportView v = report_view(r.report, r.answers);
        const std::string t = text(r.report), h = html(r);
        REQUIRE_FALSE(v.headline.undecided_note.empty());
        CHECK(has(t, v.headline.undecided_note + " " + v.headline.would_decide_names + "."));
        CHECK(has(h, v.headline.undecided_note));
        for (const auto& g : v.factor_groups) {
            CHECK(has(t, g.heading));
            CHECK(has(h, g.heading));
            for (const auto& f : g.factors) {
                if (!f.would_decide_names.empty() && !g.titles_only) {
                    CHECK(has(t, v.words.would_decide + " " + f.would_decide_names.substr(0, 20)));
                    CHECK(has(h, v.words.would_decide));
                }
            }
        }
        for (const auto& s : v.scores) CHECK(has(t, "  " + s.short_name));
        CHECK(has(t, v.words.unanswered_why));
        CHECK(has(h, v.words.unanswered + " " + v.words.unanswered_why));
        CHECK(has(t, v.headings.general));
        CHECK(has(h, v.headings.general));
    }
}

TEST_CASE("report view: the text report's own words for --explain come from the view") {
    const Run r = run(test::mini(), R"J({"age": 30, "tired": true})J", true);
    ViewOptions vo;
    vo.explain = true;
    const ReportView v = report_view(r.report, vo);
    const std::string t = text(r.report, true);
    CHECK(has(t, "\n" + v.headings.explain_flag + "\n"));
    for (const auto& c : v.explain) CHECK(has(t, fmt::format("  {} {}\n", c.mark, c.text)));
    for (const auto& g : v.factor_groups)
        for (const auto& f : g.factors)
            for (const auto& c : f.checks) CHECK(has(t, fmt::format("      {} {}\n", c.mark, c.text)));
}
