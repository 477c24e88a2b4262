// The JSON report, compact for JSON Lines or indented: the sections of report_sections.hpp with the record's values between.
#include "json/json_writer.hpp"
#include "render/report_sections.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::JsonWriter;
namespace section = detail::report_json;

namespace {

void question_list(JsonWriter& w, const Definitions& d, const std::vector<int>& qs) {
    w.begin_array();
    for (int q : qs) section::question(w, d, q);
    w.end_array();
}

void result(JsonWriter& w, const RuleOutcome& o) {
    if (o.state == State::unknown) w.null();
    else w.boolean(o.fired);
}

// --explain: every rule of a factor as evaluated (inside the factor, last).
void explain_rules(JsonWriter& w, const Definitions& d, const Factor& factor, const FactorResult& fr) {
    w.key("rules").begin_array();
    for (std::size_t k = 0; k < fr.rules.size(); ++k) {
        w.begin_object().key("rule").string(factor.rules[k].id).key("result");
        result(w, fr.rules[k]);
        w.key("would_decide");
        question_list(w, d, fr.rules[k].would_decide);
        w.key("source").string(factor.rules[k].source).end_object();
    }
    w.end_array();
}

// --explain: every red flag as evaluated (inside seek_medical_attention, last).
void explain_checks(JsonWriter& w, const Definitions& d, const FlagResult& fl) {
    w.key("checks").begin_array();
    for (std::size_t k = 0; k < fl.flags.size(); ++k) {
        w.begin_object().key("id").string(d.red_flags[k].id).key("urgency").string(to_string(d.red_flags[k].urgency)).key("result");
        result(w, fl.flags[k]);
        w.key("would_decide");
        question_list(w, d, fl.flags[k].would_decide);
        w.key("source").string(d.red_flags[k].source).end_object();
    }
    w.end_array();
}

void report(JsonWriter& w, const Report& r, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    section::head(w, d);
    if (opt.id) {
        section::id_key(w);
        w.string(*opt.id);
    }
    section::complete(w, r.complete);
    question_list(w, d, r.unanswered);
    if (!r.not_needed.empty()) {
        section::not_needed_key(w);
        question_list(w, d, r.not_needed);
    }

    section::derived_open(w);
    for (std::size_t i = 0; i < d.derived.size(); ++i) section::derived(w, d.derived[i], r.derived[i]);

    section::instruments_open(w);
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        const InstrumentResult& ir = r.instruments[i];
        section::instrument_open(w, ins, ir.applies);
        if (ir.applies) w.integer(ir.score);
        section::instrument_close(w, ins, ir.band, ir.complete);
    }

    section::factors_open(w);
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const Factor& factor = d.factors[f];
        const FactorResult& fr = r.factors[f];
        section::factor_open(w, factor, fr.level);
        for (int k : fr.evidence) section::evidence(w, factor.rules[static_cast<std::size_t>(k)]);
        section::factor_would_decide(w);
        question_list(w, d, fr.would_decide);
        section::factor_advice(w, factor, fr.level);
        if (opt.explain) explain_rules(w, d, factor, fr);
        section::factor_close(w);
    }

    const FlagResult& fl = r.attention;
    section::attention_open(w, fl.flag, fl.urgency);
    for (int k : fl.reasons) section::reason(w, d.red_flags[static_cast<std::size_t>(k)]);
    section::attention_would_decide(w);
    question_list(w, d, fl.would_decide);
    if (opt.explain) explain_checks(w, d, fl);
    section::attention_close(w, d);
    if (opt.answers) section::answers(w, d, *opt.answers);
    section::report_end(w);
}

}  // namespace

void render_json(const Report& r, std::string& out, const RenderOptions& opt) {
    JsonWriter w(out, opt.pretty);
    report(w, r, opt);
}

void render_json(const Report& r, RenderBuffer& out, const RenderOptions& opt) {
    JsonWriter w(out.bytes, out.len, opt.pretty);
    report(w, r, opt);
}

}  // namespace myoscreen
