// A person's report as words and numbers in reading order (report_view.hpp):
// the one place its sentences are made, for the text, HTML and PDF renderers.
#include "myoscreen/report_view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "myoscreen/answers.hpp"
#include "myoscreen/report.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {

PageSize page_size(Paper p) {
    // A4 is 210 x 297 mm; 1 pt = 25.4/72 mm.
    return p == Paper::letter ? PageSize{612, 792} : PageSize{210 / 25.4 * 72, 297 / 25.4 * 72};
}

namespace {

// "at_risk" → "at risk": band names as a person reads them.
std::string words(std::string_view code) {
    std::string s(code);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

class Sources {
public:
    void add(const std::string& s) {
        if (!s.empty() && std::find(list_.begin(), list_.end(), s) == list_.end()) list_.push_back(s);
    }
    std::vector<std::string> take() { return std::move(list_); }

private:
    std::vector<std::string> list_;
};

std::vector<std::string> question_texts(const Definitions& d, const std::vector<int>& qs) {
    std::vector<std::string> out;
    out.reserve(qs.size());
    for (int q : qs) out.push_back(d.questions[static_cast<std::size_t>(q)].text);
    return out;
}

// Questions by their labels, as a sentence lists them: "a, b and c".
std::string question_names(const Definitions& d, const std::vector<int>& qs) {
    std::string s;
    for (std::size_t i = 0; i < qs.size(); ++i)
        s += (i == 0 ? "" : i + 1 == qs.size() ? " and " : ", ") + d.questions[static_cast<std::size_t>(qs[i])].name();
    return s;
}

// --explain: a rule or red flag's outcome in words.
ReportView::Check check(const Definitions& d, const RuleOutcome& o, std::string lead, const std::string& source) {
    const bool unknown = o.state == State::unknown;
    ReportView::Check c;
    c.mark = unknown ? '?' : o.fired ? '+' : '-';
    c.text = std::move(lead) + (unknown ? "unknown" : o.fired ? "true" : "false");
    if (!o.would_decide.empty())
        c.text += (unknown ? " (would be decided by " : " (could change with ") + question_names(d, o.would_decide) + ")";
    c.text += " [" + source + "]";
    return c;
}

// At most `keep` questions, then "and N more": the full list is under "Not answered".
std::vector<std::string> first_questions(const Definitions& d, const std::vector<int>& qs, std::size_t keep = 6) {
    if (qs.size() <= keep + 1) return question_texts(d, qs);
    std::vector<std::string> out = question_texts(d, std::vector<int>(qs.begin(), qs.begin() + static_cast<std::ptrdiff_t>(keep)));
    out.push_back(fmt::format("and {} more (all of them are listed under \u201cNot answered\u201d)", qs.size() - keep));
    return out;
}

void headline(ReportView& v, const Report& r, Sources& src) {
    const Definitions& d = *r.defs;
    const FlagResult& fl = r.attention;
    auto& h = v.headline;
    h.flag = fl.flag;
    h.urgency = static_cast<int>(fl.urgency);
    h.line = fl.flag ? fmt::format("Seek medical attention: {}", to_string(fl.urgency))
                     : "Seek medical attention: no warning signs in your answers.";
    switch (fl.urgency) {
    case Urgency::emergency: h.label = "Emergency", h.title = "Get emergency care now"; break;
    case Urgency::urgent: h.label = "Urgent", h.title = "See a doctor today"; break;
    case Urgency::soon: h.label = "Soon", h.title = "See a doctor soon"; break;
    case Urgency::none: h.label = "No warning signs", h.title = "No warning signs in your answers"; break;
    }
    for (int k : fl.reasons) {
        const RedFlag& f = d.red_flags[static_cast<std::size_t>(k)];
        if (f.urgency == fl.urgency && !f.action.empty()) {
            h.action = f.action;
            break;
        }
    }
    if (!fl.flag && fl.would_decide.empty())
        h.action = "Nothing in your answers needs a doctor urgently. If you are worried about your muscles or your health, "
                   "talk to your doctor and take this report with you.";
    if (!fl.flag && !fl.would_decide.empty()) {
        // Unanswered questions could still raise the flag: say so first.
        h.unchecked = true;
        h.label = "Not all checked";
        h.title = "No warning signs found, but not all could be checked";
        h.action = "Answer the questions listed below to check the rest. If you are worried about your muscles or your "
                   "health, talk to your doctor and take this report with you.";
    }
    for (int k : fl.reasons) {
        const RedFlag& f = d.red_flags[static_cast<std::size_t>(k)];
        h.reasons.push_back({capitalised(std::string(to_string(f.urgency))), f.text, f.action == h.action ? "" : f.action});
        src.add(f.source);
    }
    if (!fl.would_decide.empty()) {
        h.undecided_note = fl.flag ? "It could be more urgent. Answering these questions would tell:"
                                   : "Some warning signs could not be checked. Answering these questions would tell:";
        h.would_decide = first_questions(d, fl.would_decide);
        h.would_decide_names = question_names(d, fl.would_decide);
    }
}

void explain_flag(ReportView& v, const Report& r) {
    const Definitions& d = *r.defs;
    for (std::size_t k = 0; k < r.attention.flags.size(); ++k) {
        const RedFlag& f = d.red_flags[k];
        v.explain.push_back(check(d, r.attention.flags[k], fmt::format("{} ({}) ", f.id, to_string(f.urgency)), f.source));
    }
}

void factors(ReportView& v, const Report& r, Sources& src, bool explain) {
    const Definitions& d = *r.defs;
    struct Group {
        Level level;
        const char* word;
    };
    static constexpr Group groups[] = {
        {Level::likely, "Likely"},
        {Level::possible, "Possible"},
        {Level::unknown, "Could not be decided"},
        {Level::unlikely, "Unlikely"},
    };
    for (const Group& g : groups) {
        ReportView::FactorGroup fg;
        fg.level = static_cast<int>(g.level);
        fg.heading = d.wording(g.level).heading;  // the definitions' words
        fg.note = d.wording(g.level).note;
        fg.titles_only = g.level == Level::unlikely;
        for (std::size_t f = 0; f < d.factors.size(); ++f) {
            const FactorResult& fr = r.factors[f];
            if (fr.level != g.level) continue;
            const Factor& factor = d.factors[f];
            ReportView::Factor out;
            out.id = factor.id;
            out.title = factor.title;
            out.level = g.word;
            out.listed = out.title + " (" + out.level + ")";
            fg.titles += (fg.titles.empty() ? "" : ", ") + out.title;
            for (int k : fr.evidence) {
                const Rule& rule = factor.rules[static_cast<std::size_t>(k)];
                out.evidence.push_back(rule.text);
                src.add(rule.source);
            }
            out.would_decide = first_questions(d, fr.would_decide);
            out.would_decide_names = question_names(d, fr.would_decide);
            if ((g.level == Level::likely || g.level == Level::possible) && !factor.advice.text.empty()) {
                out.advice = factor.advice.text;
                out.advice_source = factor.advice.source;
                src.add(factor.advice.source);
            }
            if (explain)
                for (std::size_t k = 0; k < fr.rules.size(); ++k)
                    out.checks.push_back(check(d, fr.rules[k], factor.rules[k].id + " ", factor.rules[k].source));
            fg.factors.push_back(std::move(out));
        }
        if (!fg.factors.empty()) v.factor_groups.push_back(std::move(fg));
    }
    v.general_advice = d.general_advice.text;
    v.general_advice_source = d.general_advice.source;
    src.add(d.general_advice.source);
}

std::string band_ranges(const std::vector<ReportView::Band>& bands) {
    std::string s;
    for (const auto& b : bands) {
        s += s.empty() ? "" : ", ";
        s += b.min == b.max ? fmt::format("{} {}", b.name, b.min) : fmt::format("{} {} to {}", b.name, b.min, b.max);
    }
    return s;
}

// The scale of a score that applies: where each band lies, the ticks that
// are numbered (the ends, each band's start; every point of a short
// rule-band scale) and what the marker says.
ReportView::Scale scale(const ReportView::Score& s, const ReportView::Words& w) {
    ReportView::Scale sc;
    std::vector<int> ticks = {0, s.max};
    for (std::size_t b = 0; b < s.bands.size(); ++b) {
        const auto& band = s.bands[b];
        sc.segments.push_back({band.min - 0.5, band.max + 0.5, band.name, s.band_decided && band.name == s.band, b % 2 == 1, b > 0});
        if (b > 0) ticks.push_back(band.min);
    }
    if (s.bands.empty() && std::max(s.max, 1) <= 12)
        for (int t = 1; t < s.max; ++t) ticks.push_back(t);
    std::sort(ticks.begin(), ticks.end());
    ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
    for (int t : ticks) sc.ticks.push_back({t, t == 0 ? -1 : t == s.max ? 1 : 0});
    using Marker = ReportView::Scale::Marker;
    if (!s.answered) {
        sc.label = "Your score: \u2013 (nothing answered)";  // no marker: 0 would be a score
    } else if (s.complete || s.high == s.score) {
        sc.marker = Marker::point;
        sc.label = fmt::format("Your score: {}", s.score);
        if (!s.complete) sc.label += " (" + w.incomplete + ")";
    } else {
        sc.marker = Marker::range;
        sc.label = fmt::format("Your score: {} to {} ({})", s.score, s.high, w.incomplete);
    }
    return sc;
}

// The name up to any parenthesis ("MNA-SF (Mini ...)" -> "MNA-SF"), its
// first word if that is still wider than 20 columns ("GLIM criteria for
// ..." -> "GLIM"), else the id.
std::string short_name(const Instrument& ins) {
    std::string label = ins.name.substr(0, ins.name.find(" ("));
    if (display_width(label) > 20) label = label.substr(0, label.find(' '));
    if (display_width(label) > 20) label = ins.id;
    return label;
}

void scores(ReportView& v, const Report& r, Sources& src) {
    const Definitions& d = *r.defs;
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        const InstrumentResult& ir = r.instruments[i];
        ReportView::Score s;
        s.id = ins.id;
        s.name = ins.name;
        s.short_name = short_name(ins);
        s.description = ins.description;
        s.applies = ir.applies;
        s.complete = ir.complete;
        s.answered = !ir.applies || ir.any_known;
        s.max = ins.max_score;
        s.score = ir.applies ? ir.score : 0;
        s.high = ir.applies ? std::max(ir.high, s.score) : 0;
        if (s.complete) s.high = s.score;
        s.band_decided = ir.band >= 0;
        s.band = s.band_decided ? words(ins.bands[static_cast<std::size_t>(ir.band)].name) : "undecided";
        if (!ins.rule_bands)
            for (const Band& b : ins.bands) s.bands.push_back({words(b.name), b.min, b.max});
        std::sort(s.bands.begin(), s.bands.end(), [](const auto& a, const auto& b) { return a.min < b.min; });
        if (!s.applies) {
            s.result = "Does not apply to you.";
        } else {
            // Nothing answered: no score at all (–), not a score of 0.
            if (!s.answered) s.result = fmt::format("No score (\u2013 out of {}): none of its questions was answered.", s.max);
            else if (s.complete) s.result = fmt::format("Score {} out of {}", s.score, s.max);
            else s.result = fmt::format("Incomplete: at least {} and up to {} out of {}", s.score, s.high, s.max);
            if (s.answered && s.band_decided) s.result += fmt::format(": {}{}.", s.band, s.complete ? "" : " whatever the missing answers");
            else if (s.answered) s.result += ": not yet decided.";
            if (!s.bands.empty()) s.bands_text = "Bands: " + band_ranges(s.bands) + ".";
            s.scale = scale(s, v.words);
        }
        s.summary = s.bands_text.empty() ? s.result : s.result + " " + s.bands_text;
        src.add(ins.source);
        v.scores.push_back(std::move(s));
    }
}

void answers(ReportView& v, const Report& r, const Answers& a) {
    const Definitions& d = *r.defs;
    std::vector<bool> ignored(d.questions.size(), false);
    for (int q : r.ignored) ignored[static_cast<std::size_t>(q)] = true;
    bool converted = false;
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        ReportView::AnswerSection sec;
        sec.title = d.sections[s].title;
        for (std::size_t q = 0; q < d.questions.size() && q < a.values.size(); ++q) {
            const Question& question = d.questions[q];
            if (static_cast<std::size_t>(question.section) != s || !a.values[q].given) continue;
            sec.rows.push_back({question.text, describe_answer(question, a.values[q]), ignored[q]});
            converted |= (question.type == QuestionType::number || question.type == QuestionType::integer) && question.unit != Unit::none;
        }
        if (!sec.rows.empty()) v.answers.push_back(std::move(sec));
    }
    if (converted)
        v.units_note = "Numbers are shown in the units the screening works in (such as kg and cm). An answer given in "
                       "other units (such as lb, or feet and inches) was converted, so it is shown here as converted, "
                       "not as it was typed.";
}

ReportView build(const Report& r, const Answers* a, const ViewOptions& opt) {
    const Definitions& d = *r.defs;
    ReportView v;
    v.lang = d.language.empty() ? "en" : d.language;
    v.title = "Muscle-loss screening report";
    v.definitions_name = d.name;
    v.definitions_version = d.version;
    v.generated = opt.generated;
    v.meta = v.definitions_name + " " + v.definitions_version;
    if (!v.generated.empty()) v.meta += " \u00b7 " + v.generated;
    Sources src;
    headline(v, r, src);
    factors(v, r, src, opt.explain);
    if (opt.explain) explain_flag(v, r);
    scores(v, r, src);
    if (a != nullptr) answers(v, r, *a);
    v.unanswered = question_texts(d, r.unanswered);
    v.unanswered_names = question_names(d, r.unanswered);
    if (const std::size_t n = r.not_needed.size(); n > 0)
        v.not_needed = fmt::format("{} question{} {} not asked, because no answer to {} could have changed this result: {}.", n,
                                   n == 1 ? "" : "s", n == 1 ? "was" : "were", n == 1 ? "it" : "them", question_names(d, r.not_needed));
    v.sources = src.take();
    for (const Reference& ref : d.references) v.references.push_back(ref.citation);
    v.disclaimer = d.disclaimer;
    return v;
}

}  // namespace

ReportView report_view(const Report& r, const Answers& a, const ViewOptions& opt) { return build(r, &a, opt); }

ReportView report_view(const Report& r, const ViewOptions& opt) { return build(r, nullptr, opt); }

}  // namespace myoscreen
