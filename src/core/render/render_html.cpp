// The person's report as one self-contained HTML page: inline CSS and SVG, no script.
#include <fmt/format.h>

#include "render/html_common.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::html_element;
using detail::html_escape;

namespace {

// Urgency and level tints; every one also says itself in words on the page.
constexpr std::string_view person_css = R"CSS(
.headline{border-width:2px 2px 2px 12px;border-style:solid}
.headline .title{font-size:1.3rem;font-weight:700;margin:.2rem 0 .4rem}
.headline .action{font-size:1.1rem}
.u-3{border-color:#a4001d;background:#fdeeee}.u-3 .badge{background:#a4001d}
.u-2{border-color:#9a3412;background:#fff1e8}.u-2 .badge{background:#9a3412}
.u-1{border-color:#6b4400;background:#fff8e1}.u-1 .badge{background:#6b4400}
.u-0{border-color:#1f5f2a;background:#edf7ee}.u-0 .badge{background:#1f5f2a}
.u-q{border-color:#4a4a4a;background:#f3f3f3}.u-q .badge{background:#4a4a4a}
.factor{border-left-width:8px}
.lv-0{border-left-color:#9a3412}.lv-0 .badge{background:#9a3412}
.lv-1{border-left-color:#6b4400}.lv-1 .badge{background:#6b4400}
.lv-3{border-left-color:#4a4a4a}.lv-3 .badge{background:#4a4a4a}
.advice{background:#f1f5fa;border-left:4px solid #2a5d9f;padding:.4rem .75rem;margin:.6rem 0 0}
.score h3{margin-top:0}
.score svg{max-width:34rem;margin:.4rem 0}
th.group{background:#f0f0f0;font-weight:700}
dl.about{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.2rem 1rem;margin:.4rem 0}
dl.about dt{font-weight:700}dl.about dd{margin:0}
)CSS";

void list(std::string& out, const std::vector<std::string>& items, std::string_view attrs = {}) {
    out += attrs.empty() ? "<ul>\n" : fmt::format("<ul {}>\n", attrs);
    for (const auto& s : items) html_element(out, "li", s);
    out += "</ul>\n";
}

void section_start(std::string& out, std::string_view id, std::string_view heading) {
    out += fmt::format("<section id=\"{0}\" aria-labelledby=\"h-{0}\">\n", id);
    html_element(out, "h2", heading, fmt::format("id=\"h-{}\"", id));
}

void headline(std::string& out, const ReportView& v) {
    const auto& h = v.headline;
    section_start(out, "what-to-do", v.headings.what_to_do);
    out += fmt::format("<div class=\"box headline u-{}\">\n<p class=\"title\"><span class=\"badge\">", h.unchecked ? "q" : std::to_string(h.urgency));
    html_escape(out, h.label);
    out += "</span> ";
    html_escape(out, h.title);
    out += "</p>\n";
    if (!h.action.empty()) html_element(out, "p", h.action, "class=\"action\"");
    if (!h.reasons.empty()) {
        html_element(out, "h3", h.reasons.size() == 1 ? v.words.why : v.words.why_each);
        out += "<ul class=\"reasons\">\n";
        for (const auto& r : h.reasons) {
            out += "<li><strong>";
            html_escape(out, r.urgency);
            out += ":</strong> ";
            html_escape(out, r.text);
            if (!r.action.empty()) {
                out += " ";
                html_escape(out, r.action);
            }
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!h.undecided_note.empty()) {
        html_element(out, "p", h.undecided_note);
        list(out, h.would_decide);
    }
    out += "</div>\n</section>\n";
}

void factors(std::string& out, const ReportView& v) {
    section_start(out, "factors", v.headings.factors);
    for (const auto& g : v.factor_groups) {
        html_element(out, "h3", g.heading);
        if (!g.note.empty()) html_element(out, "p", g.note);
        if (g.titles_only) {
            out += "<ul>\n";
            for (const auto& f : g.factors) html_element(out, "li", f.listed);
            out += "</ul>\n";
            continue;
        }
        for (const auto& f : g.factors) {
            out += fmt::format("<article class=\"box factor lv-{}\">\n", g.level);
            html_element(out, "h4", f.title);
            out += "<p>";
            html_escape(out, v.words.level);
            out += " <span class=\"badge\">";
            html_escape(out, f.level);
            out += "</span></p>\n";
            if (!f.evidence.empty()) {
                html_element(out, "p", v.words.evidence);
                list(out, f.evidence);
            }
            if (!f.would_decide.empty()) {
                html_element(out, "p", v.words.would_decide);
                list(out, f.would_decide);
            }
            if (!f.advice.empty()) {
                out += "<div class=\"advice\"><p><strong>";
                html_escape(out, v.words.advice);
                out += "</strong> ";
                html_escape(out, f.advice);
                out += "</p></div>\n";
            }
            out += "</article>\n";
        }
    }
    if (!v.general_advice.empty()) {
        html_element(out, "h3", v.headings.general);
        html_element(out, "p", v.general_advice);
    }
    out += "</section>\n";
}

void scores(std::string& out, const ReportView& v) {
    section_start(out, "scores", v.headings.scores);
    html_element(out, "p", v.words.scores_intro, "class=\"small\"");
    int n = 0;
    for (const auto& s : v.scores) {
        out += "<div class=\"box score\">\n";
        html_element(out, "h3", s.name);
        if (!s.description.empty()) html_element(out, "p", s.description, "class=\"small\"");
        if (s.applies) detail::score_scale_svg(out, s, fmt::format("scale-{}", ++n));
        out += "<p><strong>";
        html_escape(out, s.result);
        out += "</strong>";
        if (!s.bands_text.empty()) {
            out += " ";
            html_escape(out, s.bands_text);
        }
        out += "</p>\n</div>\n";
    }
    out += "</section>\n";
}

void answers(std::string& out, const ReportView& v) {
    section_start(out, "answers", v.headings.answers);
    if (v.answers.empty()) {
        html_element(out, "p", v.words.no_answers);
    } else {
        if (!v.units_note.empty()) html_element(out, "p", v.units_note, "class=\"small\"");
        out += "<table>\n<thead><tr><th scope=\"col\">";
        html_escape(out, v.words.question);
        out += "</th><th scope=\"col\">";
        html_escape(out, v.words.answer);
        out += "</th></tr></thead>\n";
        for (const auto& sec : v.answers) {
            out += "<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"2\" class=\"group\">";
            html_escape(out, sec.title);
            out += "</th></tr>\n";
            for (const auto& row : sec.rows) {
                out += "<tr><td>";
                html_escape(out, row.question);
                out += "</td><td>";
                html_escape(out, row.answer);
                if (row.ignored) {
                    out += " <em>";
                    html_escape(out, v.words.ignored);
                    out += "</em>";
                }
                out += "</td></tr>\n";
            }
            out += "</tbody>\n";
        }
        out += "</table>\n";
    }
    out += "</section>\n";
}

void unanswered(std::string& out, const ReportView& v) {
    section_start(out, "unanswered", v.headings.unanswered);
    if (v.unanswered.empty()) {
        html_element(out, "p", v.words.all_answered);
    } else {
        html_element(out, "p", v.words.unanswered + " " + v.words.unanswered_why);
        list(out, v.unanswered);
    }
    out += "</section>\n";
}

void about(std::string& out, const ReportView& v) {
    section_start(out, "about", v.headings.about);
    out += "<dl class=\"about\">\n";
    auto entry = [&](const std::string& term, const std::string& value) {
        out += "<dt>";
        html_escape(out, term);
        out += "</dt><dd>";
        html_escape(out, value);
        out += "</dd>\n";
    };
    entry(v.words.questionnaire, v.definitions_name);
    entry(v.words.version, v.definitions_version);
    if (!v.generated.empty()) entry(v.words.made, v.generated);
    out += "</dl>\n</section>\n";
}

void sources(std::string& out, const ReportView& v) {
    section_start(out, "sources", v.headings.sources);
    html_element(out, "p", v.words.cited);
    out += "<ol class=\"sources small\">\n";
    for (const auto& s : v.sources) html_element(out, "li", s);
    out += "</ol>\n";
    if (!v.references.empty()) {
        html_element(out, "h3", v.headings.references);
        out += "<ol class=\"sources small\">\n";
        for (const auto& s : v.references) html_element(out, "li", s);
        out += "</ol>\n";
    }
    out += "</section>\n";
}

}  // namespace

void render_html(const ReportView& v, std::string& out, Paper paper) {
    detail::html_head(out, v.lang, v.title, paper, person_css);
    out += "<main>\n<header>\n";
    html_element(out, "h1", v.title);
    html_element(out, "p", v.meta, "class=\"meta\"");
    out += "</header>\n";
    headline(out, v);
    factors(out, v);
    scores(out, v);
    answers(out, v);
    unanswered(out, v);
    about(out, v);
    sources(out, v);
    section_start(out, "disclaimer", v.headings.disclaimer);
    html_element(out, "p", v.disclaimer);
    out += "</section>\n</main>\n</body>\n</html>\n";
}

void render_html(const Report& r, const Answers& answers, std::string& out, const HtmlOptions& opt) {
    ViewOptions vo;
    vo.generated = opt.generated;
    render_html(report_view(r, answers, vo), out, opt.paper);
}

}  // namespace myoscreen
