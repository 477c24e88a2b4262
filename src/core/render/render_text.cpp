// The text report for a person: the flag and what to do first, then factors
// by level with their evidence in plain words, scores with a small scale,
// what was left unanswered, and the disclaimer. Laid out from the
// ReportView, which words it (as it does for HTML and PDF; the text headline
// still picks its own one-line form, h.line, and leaves out the view's
// per-reason actions: see the issue-23 note); wrapped to the
// width given; marked only as the caller's TextStyle says (the CLI's terminal
// module fills it: escape codes on a colour terminal); no escape code is
// written here.
#include <algorithm>

#include <fmt/format.h>

#include "myoscreen/render.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {

namespace {

class Text {
public:
    Text(std::string& out, const RenderOptions& o) : out_(out), o_(o) {}
    std::string style(std::string_view s, const TextMark& m) const {
        if (m.on.empty() && m.off.empty()) return std::string(s);
        std::string out(m.on);
        return out.append(s).append(m.off);
    }
    const TextStyle& marks() const { return o_.style; }
    void para(std::string_view lead, std::string_view text, std::string_view indent) {
        out_ += lead;
        append_wrapped(out_, text, o_.width, display_width(lead), indent);
    }
    void line(std::string_view s) { out_ += s, out_ += '\n'; }
    void heading(std::string_view s) { out_ += '\n', out_ += style(s, o_.style.strong), out_ += '\n'; }
    std::string& out_;
    const RenderOptions& o_;
};

// The flag, what to do and why. Returns where its first part (the flag and
// what to do) ends in the output, to repeat it at the end of a long report.
std::size_t attention(Text& t, const ReportView& v) {
    const auto& h = v.headline;
    if (!h.flag) {
        t.line(t.style(h.line, t.marks().all_clear));
        const std::size_t headline = t.out_.size();
        if (!h.undecided_note.empty()) t.para("  ", h.undecided_note + " " + h.would_decide_names + ".", "  ");
        return headline;
    }
    const TextMark& colour = h.urgency == 3 ? t.marks().emergency : h.urgency == 2 ? t.marks().urgent : t.marks().soon;
    std::string head = h.line;  // a flag is shouted
    for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    t.line(t.style(head, colour));
    if (!h.action.empty()) t.para("  ", h.action, "  ");
    const std::size_t headline = t.out_.size();
    for (const auto& r : h.reasons) t.para("  - ", r.text, "    ");
    if (!h.undecided_note.empty()) t.para("  ", h.undecided_note + " " + h.would_decide_names + ".", "  ");
    return headline;
}

void checks(Text& t, const std::vector<ReportView::Check>& cs, std::string_view indent) {
    const std::string more = std::string(indent) + "  ";
    for (const auto& c : cs) t.para(fmt::format("{}{} ", indent, c.mark), c.text, more);
}

void factors(Text& t, const ReportView& v, bool explain) {
    for (const auto& g : v.factor_groups) {
        t.heading(g.heading);
        // Unlikely factors are named in a line; their note is left out.
        if (g.titles_only && !explain) {
            t.para("  ", g.titles, "  ");
            continue;
        }
        if (!g.note.empty() && !g.titles_only) t.para("  ", g.note, "  ");
        for (const auto& f : g.factors) {
            t.line("  " + t.style(f.title, t.marks().strong));
            for (const auto& e : f.evidence) t.para("    - ", e, "      ");
            if (!f.would_decide_names.empty()) t.para("    ", v.words.would_decide + " " + f.would_decide_names + ".", "    ");
            if (!f.advice.empty()) t.para("    " + v.words.advice + " ", f.advice, "      ");
            checks(t, f.checks, "      ");
        }
    }
}

void instruments(Text& t, const ReportView& v) {
    t.heading(v.headings.scores);
    for (const auto& s : v.scores) {
        std::string row = fmt::format("  {:<20} ", s.short_name);
        if (!s.applies) {
            t.line(row + v.words.does_not_apply);
            continue;
        }
        // A bar of at most 10 cells, filled to the nearest cell.
        const int cells = s.max <= 10 ? s.max : 10;
        const int filled = s.max > 0 ? (s.score * cells + s.max / 2) / s.max : 0;
        std::string bar;
        for (int c = 0; c < cells; ++c) bar += c < filled ? "#" : ".";
        // Nothing answered: no score at all, not a score of 0.
        if (s.answered) row += fmt::format("{:>2}/{:<2} [{:<10}] ", s.score, s.max, bar);
        else row += fmt::format(" \u2013/{:<2} [{:<10}] ", s.max, std::string(static_cast<std::size_t>(cells), '.'));
        row += s.band;
        if (!s.complete) row += " (" + v.words.incomplete + ")";
        t.line(row);
    }
}

}  // namespace

void render_text(const Report& r, std::string& out, const RenderOptions& opt) {
    ViewOptions vo;
    vo.explain = opt.explain;
    render_text(report_view(r, vo), out, opt);
}

void render_text(const ReportView& v, std::string& out, const RenderOptions& opt) {
    Text t(out, opt);
    const std::size_t start = out.size();
    const std::size_t headline_end = attention(t, v);
    factors(t, v, opt.explain);
    if (opt.explain) {
        t.heading(v.headings.explain_flag);
        checks(t, v.explain, "  ");
    }
    instruments(t, v);
    if (!v.unanswered_names.empty()) {
        t.heading(v.headings.unanswered);
        t.para("  ", v.unanswered_names + ". " + v.words.unanswered_why, "  ");
    }
    if (!v.not_needed.empty()) {
        t.heading(v.headings.not_needed);
        t.para("  ", v.not_needed, "  ");
    }
    if (!v.general_advice.empty()) {
        t.heading(v.headings.general);
        t.para("  ", v.general_advice, "  ");
    }
    out += '\n';
    append_wrapped(out, v.disclaimer, opt.width, 0, "");
    // Longer than the screen: the flag and what to do scrolled away, so they
    // come again where the reader ends up.
    if (opt.height > 0 && std::count(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '\n') > opt.height) {
        const std::string headline = out.substr(start, headline_end - start);
        out += '\n';
        out += headline;
    }
}

}  // namespace myoscreen
