// The text report for a person: the flag and what to do first, then factors
// by level with their evidence in plain words, scores with a small scale,
// what was left unanswered, and the disclaimer. Wrapped to the width given;
// marked only as the caller's TextStyle says (the CLI's terminal module
// fills it: escape codes on a colour terminal); no escape code is written here.
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

// Questions by their labels, as a sentence lists them: "a, b and c".
std::string question_names(const Definitions& d, const std::vector<int>& qs) {
    std::string s;
    for (std::size_t i = 0; i < qs.size(); ++i)
        s += (i == 0 ? "" : i + 1 == qs.size() ? " and " : ", ") + d.questions[static_cast<std::size_t>(qs[i])].name();
    return s;
}

// The flag, what to do and why. Returns where its first part (the flag and
// what to do) ends in the output, to repeat it at the end of a long report.
std::size_t attention(Text& t, const Report& r) {
    const Definitions& d = *r.defs;
    const FlagResult& fl = r.attention;
    if (!fl.flag) {
        t.line(t.style("Seek medical attention: no warning signs in your answers.", t.marks().all_clear));
        const std::size_t headline = t.out_.size();
        if (!fl.would_decide.empty())
            t.para("  ", "Some warning signs could not be checked; answering these would: " + question_names(d, fl.would_decide) + ".", "  ");
        return headline;
    }
    const TextMark& colour = fl.urgency == Urgency::emergency ? t.marks().emergency : fl.urgency == Urgency::urgent ? t.marks().urgent : t.marks().soon;
    std::string head = fmt::format("SEEK MEDICAL ATTENTION: {}", to_string(fl.urgency));
    for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    t.line(t.style(head, colour));
    // What to do first: the action of the most urgent reason.
    for (int k : fl.reasons)
        if (d.red_flags[k].urgency == fl.urgency && !d.red_flags[k].action.empty()) {
            t.para("  ", d.red_flags[k].action, "  ");
            break;
        }
    const std::size_t headline = t.out_.size();
    for (int k : fl.reasons) t.para("  - ", d.red_flags[k].text, "    ");
    if (!fl.would_decide.empty())
        t.para("  ", "Could be more urgent; these unanswered questions would tell: " + question_names(d, fl.would_decide) + ".", "  ");
    return headline;
}

// --explain: every red flag, whether it holds, and what would decide it.
void flag_checks(Text& t, const Report& r) {
    const Definitions& d = *r.defs;
    t.heading("How the medical-attention flag was decided");
    for (std::size_t k = 0; k < r.attention.flags.size(); ++k) {
        const RuleOutcome& o = r.attention.flags[k];
        const RedFlag& f = d.red_flags[k];
        const char* mark = o.state == State::unknown ? "?" : o.fired ? "+" : "-";
        std::string s = fmt::format("{} ({}) {}", f.id, to_string(f.urgency), o.state == State::unknown ? "unknown" : o.fired ? "true" : "false");
        if (!o.would_decide.empty())
            s += (o.state == State::unknown ? " (would be decided by " : " (could change with ") + question_names(d, o.would_decide) + ")";
        s += " [" + f.source + "]";
        t.para(fmt::format("  {} ", mark), s, "    ");
    }
}

void factors(Text& t, const Report& r, bool explain) {
    const Definitions& d = *r.defs;
    static constexpr Level order[] = {Level::likely, Level::possible, Level::unknown, Level::unlikely};
    for (int li = 0; li < 4; ++li) {
        std::string names;
        bool any = false;
        for (std::size_t f = 0; f < d.factors.size(); ++f) {
            const FactorResult& fr = r.factors[f];
            if (fr.level != order[li]) continue;
            if (!any) {
                // The definitions' words: "possible" is something to mention, not a finding.
                const LevelWording& w = d.wording(order[li]);
                t.heading(w.heading);
                if (!w.note.empty() && order[li] != Level::unlikely) t.para("  ", w.note, "  ");
            }
            any = true;
            const Factor& factor = d.factors[f];
            if (order[li] == Level::unlikely && !explain) {
                names += (names.empty() ? "" : ", ") + factor.title;
                continue;
            }
            t.line("  " + t.style(factor.title, t.marks().strong));
            for (int k : fr.evidence) t.para("    - ", factor.rules[k].text, "      ");
            if (!fr.would_decide.empty()) t.para("    ", "Would be decided by: " + question_names(d, fr.would_decide) + ".", "    ");
            if ((order[li] == Level::likely || order[li] == Level::possible) && !factor.advice.text.empty())
                t.para("    What helps: ", factor.advice.text, "      ");
            if (explain) {
                for (std::size_t k = 0; k < fr.rules.size(); ++k) {
                    const RuleOutcome& o = fr.rules[k];
                    const char* mark = o.state == State::unknown ? "?" : o.fired ? "+" : "-";
                    std::string s = fmt::format("{} {}", factor.rules[k].id, o.state == State::unknown ? "unknown" : o.fired ? "true" : "false");
                    if (!o.would_decide.empty())
                        s += (o.state == State::unknown ? " (would be decided by " : " (could change with ") + question_names(d, o.would_decide) + ")";
                    s += " [" + factor.rules[k].source + "]";
                    t.para(fmt::format("      {} ", mark), s, "        ");
                }
            }
        }
        if (!names.empty()) t.para("  ", names, "  ");
    }
}

void instruments(Text& t, const Report& r) {
    const Definitions& d = *r.defs;
    t.heading("Screening scores");
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        const InstrumentResult& ir = r.instruments[i];
        // The name up to any parenthesis ("MNA-SF (Mini ...)" -> "MNA-SF").
        std::string label = ins.name.substr(0, ins.name.find(" ("));
        if (display_width(label) > 20) label = label.substr(0, label.find(' '));  // "GLIM criteria for ..." → GLIM
        if (display_width(label) > 20) label = ins.id;
        std::string row = fmt::format("  {:<20} ", label);
        if (!ir.applies) {
            t.line(row + "does not apply");
            continue;
        }
        const int cells = ins.max_score <= 10 ? ins.max_score : 10;
        const int filled = ins.max_score > 0 ? (ir.score * cells + ins.max_score / 2) / ins.max_score : 0;
        std::string bar;
        for (int c = 0; c < cells; ++c) bar += c < filled ? "#" : ".";
        // Nothing answered: no score at all, not a score of 0.
        if (ir.any_known) row += fmt::format("{:>2}/{:<2} [{:<10}] ", ir.score, ins.max_score, bar);
        else row += fmt::format(" \u2013/{:<2} [{:<10}] ", ins.max_score, std::string(static_cast<std::size_t>(cells), '.'));
        std::string band = ir.band >= 0 ? ins.bands[ir.band].name : "undecided";
        for (char& c : band) c = c == '_' ? ' ' : c;  // at_risk → at risk
        row += band;
        if (!ir.complete) row += " (incomplete)";
        t.line(row);
    }
}

}  // namespace

void render_text(const Report& r, std::string& out, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    Text t(out, opt);
    const std::size_t start = out.size();
    const std::size_t headline_end = attention(t, r);
    factors(t, r, opt.explain);
    if (opt.explain) flag_checks(t, r);
    instruments(t, r);
    if (!r.unanswered.empty()) {
        t.heading("Not answered");
        t.para("  ", question_names(d, r.unanswered) + ". Answering them makes the screening more certain.", "  ");
    }
    if (!r.not_needed.empty()) {
        t.heading("Not needed");
        const std::size_t n = r.not_needed.size();
        t.para("  ",
               fmt::format("{} question{} {} not asked, because no answer to {} could have changed this result: {}.", n,
                           n == 1 ? "" : "s", n == 1 ? "was" : "were", n == 1 ? "it" : "them", question_names(d, r.not_needed)),
               "  ");
    }
    if (!d.general_advice.text.empty()) {
        t.heading("In general");
        t.para("  ", d.general_advice.text, "  ");
    }
    out += '\n';
    append_wrapped(out, d.disclaimer, opt.width, 0, "");
    // Longer than the screen: the flag and what to do scrolled away, so they
    // come again where the reader ends up.
    if (opt.height > 0 && std::count(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '\n') > opt.height) {
        const std::string headline = out.substr(start, headline_end - start);
        out += '\n';
        out += headline;
    }
}

}  // namespace myoscreen
