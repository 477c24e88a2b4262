// The HTML renderers: the person's report (page structure, escaping, the date,
// the score scale as SVG) and the cohort report.
#include <catch2/catch.hpp>

#include <string>

#include <fmt/format.h>

#include "fixture.hpp"
#include "render/html_common.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/report_view.hpp"

using namespace myoscreen;

namespace {

struct Run {
    Answers answers;
    Report report;
};

Run run(const char* json) {
    Run r;
    REQUIRE(parse_json_answers(test::mini(), json, r.answers).empty());
    r.report = screen(test::mini(), r.answers);
    return r;
}

std::string html(const Run& r, HtmlOptions ho = {}) {
    std::string out;
    render_html(r.report, r.answers, out, ho);
    return out;
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

bool before(const std::string& s, std::string_view a, std::string_view b) {
    const auto i = s.find(a), j = s.find(b);
    return i != std::string::npos && j != std::string::npos && i < j;
}

std::size_t count(const std::string& s, std::string_view part) {
    std::size_t n = 0;
    for (auto i = s.find(part); i != std::string::npos; i = s.find(part, i + 1)) ++n;
    return n;
}

const ReportView::Score& score(const ReportView& v, std::string_view id) {
    for (const auto& s : v.scores)
        if (s.id == id) return s;
    FAIL("no score " << id);
    return v.scores.front();
}

}  // namespace

TEST_CASE("html report: one self-contained page, sections in reading order") {
    const std::string out = html(run(R"J({"age": 70, "sex": "female", "tired": true})J"));
    CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);
    CHECK(out.substr(out.size() - 16) == "</body>\n</html>\n");
    CHECK_FALSE(has(out, "<script"));
    CHECK_FALSE(has(out, "http://"));
    CHECK_FALSE(has(out, "https://"));
    const char* ids[] = {"what-to-do", "factors", "scores", "answers", "unanswered", "about", "sources", "disclaimer"};
    for (std::size_t i = 0; i + 1 < std::size(ids); ++i)
        CHECK(before(out, fmt::format("<section id=\"{}\"", ids[i]), fmt::format("<section id=\"{}\"", ids[i + 1])));
    CHECK(has(out, "<p>Not a diagnosis.</p>"));
}

TEST_CASE("html report: the date is shown only when given, in the header and under About") {
    const Run r = run("{}");
    const std::string none = html(r);
    CHECK(has(none, "<p class=\"meta\">mini 0.1</p>"));
    CHECK_FALSE(has(none, "<dt>Made</dt>"));
    HtmlOptions ho;
    ho.generated = "1970-01-01 00:00 UTC";
    const std::string dated = html(r, ho);
    CHECK(has(dated, "<p class=\"meta\">mini 0.1 \u00b7 1970-01-01 00:00 UTC</p>"));
    CHECK(has(dated, "<dt>Made</dt><dd>1970-01-01 00:00 UTC</dd>"));
    // The date is the only difference.
    std::string same = dated;
    for (std::string_view part : {" \u00b7 1970-01-01 00:00 UTC", "<dt>Made</dt><dd>1970-01-01 00:00 UTC</dd>\n"})
        same.erase(same.find(part), part.size());
    CHECK(same == none);
}

TEST_CASE("html report: the paper size sets the printed page") {
    const Run r = run("{}");
    HtmlOptions ho;
    CHECK(has(html(r, ho), "@page{size:A4;"));
    ho.paper = Paper::letter;
    CHECK(has(html(r, ho), "@page{size:letter;"));
}

TEST_CASE("html report: every word from the view is escaped, never markup") {
    const Run r = run("{}");
    ReportView v = report_view(r.report, r.answers);
    v.title = "<script>alert(1)</script>";
    v.disclaimer = "a & b \"c\" 'd'";
    v.headline.action = "<img src=x>";
    std::string out;
    render_html(v, out, Paper::a4);
    CHECK_FALSE(has(out, "<script>"));
    CHECK_FALSE(has(out, "<img"));
    CHECK(has(out, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    CHECK(has(out, "a &amp; b &quot;c&quot; &#39;d&#39;"));
}

TEST_CASE("html report: the headline box by urgency, the reasons and the questions that would tell") {
    const std::string flagged = html(run(R"J({"tired": true, "conds": ["a", "c"]})J"));
    CHECK(has(flagged, "<div class=\"box headline u-3\">"));
    CHECK(has(flagged, "<span class=\"badge\">Emergency</span> Get emergency care now"));
    CHECK(has(flagged, "<h3>Why (each reason)</h3>"));
    CHECK(has(flagged, "<li><strong>Urgent:</strong> See someone.</li>"));
    const std::string unchecked = html(run("{}"));
    CHECK(has(unchecked, "<div class=\"box headline u-q\">"));
    CHECK(has(unchecked, "<p>Some warning signs could not be checked. Answering these questions would tell:</p>\n<ul>\n<li>Tired?</li>\n<li>Conditions?</li>\n</ul>"));
}

TEST_CASE("html report: answers in a table by section; an ignored answer says so") {
    const std::string out = html(run(R"J({"age": 30, "sex": "female", "male_q": true})J"));
    CHECK(has(out, "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer</th></tr></thead>"));
    CHECK(has(out, "<tr><th scope=\"rowgroup\" colspan=\"2\" class=\"group\">Section</th></tr>"));
    CHECK(has(out, "<tr><td>Male only?</td><td>yes <em>(not used: the question did not apply)</em></td></tr>"));
    const std::string empty = html(run("{}"));
    CHECK(has(empty, "<p>No question was answered.</p>"));
}

TEST_CASE("html report: a score's SVG scale draws the view's bands, cut-offs, ticks and marker") {
    const Run r = run(R"J({"age": 70, "sex": "female", "tired": true})J");
    const ReportView v = report_view(r.report, r.answers);
    const auto& s = score(v, "ins");
    std::string svg;
    detail::score_scale_svg(svg, s, "scale-1");
    CHECK(svg.rfind("<svg viewBox=\"0 0 400 80\" role=\"img\" aria-labelledby=\"scale-1-t\"", 0) == 0);
    CHECK(has(svg, "<title id=\"scale-1-t\">Ins. " + s.summary + "</title>"));
    // Two bands (low -0.5..1.5, high 1.5..4.5 on 16..384), one cut-off at 1.5.
    CHECK(has(svg, "<rect x=\"16.0\" y=\"22\" width=\"138.0\" height=\"16\" fill=\"#dde8f5\"/>"));
    CHECK(has(svg, "<rect x=\"154.0\" y=\"22\" width=\"230.0\" height=\"16\" fill=\"#b9cfea\"/>"));
    CHECK(count(svg, "stroke-width=\"2\"/>") >= 1);
    CHECK(has(svg, "<line x1=\"154.0\" x2=\"154.0\" y1=\"18\" y2=\"42\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>"));
    CHECK(has(svg, "font-weight=\"700\">high</text>"));  // the band the score is in
    // Ticks numbered at 0, 2 and 4, the ends aligned inwards.
    CHECK(has(svg, "<text x=\"16.0\" y=\"54.0\" text-anchor=\"start\" font-size=\"11\">0</text>"));
    CHECK(has(svg, "<text x=\"200.0\" y=\"54.0\" text-anchor=\"middle\" font-size=\"11\">2</text>"));
    CHECK(has(svg, "<text x=\"384.0\" y=\"54.0\" text-anchor=\"end\" font-size=\"11\">4</text>"));
    // Incomplete: a frame from 2 to 3 and the label.
    CHECK(has(svg, "rx=\"3\"/>"));
    CHECK(has(svg, ">" + s.scale.label + "</text></svg>"));

    // Nothing answered: no marker at all.
    const Run none = run(R"J({"age": 50, "sex": "male"})J");
    const ReportView nv = report_view(none.report, none.answers);
    const auto& e = score(nv, "ins");
    svg.clear();
    detail::score_scale_svg(svg, e, "x");
    CHECK_FALSE(has(svg, "<circle"));
    CHECK(has(svg, "Your score: \u2013 (nothing answered)"));
}

TEST_CASE("html report: the page holds one scale per instrument that applies") {
    const std::string out = html(run(R"J({"age": 70, "sex": "female", "tired": true})J"));
    CHECK(count(out, "<svg ") == 1);  // "ruled" does not apply to a woman
    CHECK(has(out, "<p><strong>Does not apply to you.</strong></p>"));
}

TEST_CASE("cohort report: counts, charts with tables, and nothing fetched") {
    const Definitions& d = test::mini();
    CohortCounts c;
    c.records = 1234567;
    c.errors = 3;
    c.everyone.label = "everyone";
    c.everyone.records = c.records;
    c.everyone.urgency = {1000000, 200000, 34567, 0};
    c.everyone.levels = {{1, 2, 3, 1234561}};
    c.everyone.bands = {{1234000, 500, 67, 0}, {0, 0, 0, 1234567}};
    CohortHtmlOptions o;
    o.generated = "1970-01-01 00:00 UTC";
    o.inputs = "<a.csv>";
    std::string out;
    render_cohort_html(d, c, out, o);
    CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);
    CHECK_FALSE(has(out, "<script"));
    CHECK(has(out, "<h1>Cohort screening report</h1>"));
    CHECK(has(out, "<p class=\"meta\">mini 0.1 \u00b7 1970-01-01 00:00 UTC</p>"));
    CHECK(has(out, "<dt>Records</dt><dd>1\u2009234\u2009570</dd>"));
    CHECK(has(out, "Input: &lt;a.csv&gt;"));
    CHECK(count(out, "<details") >= 4);  // every chart keeps its numbers in a table
    CHECK_FALSE(has(out, "by-age"));
    CHECK(has(out, "<p>Not a diagnosis.</p>"));
}
