// The JSON report, schema myoscreen.report/1, fields in the order of
// design.md. Compact for JSON Lines, indented otherwise.
#include "json_writer.hpp"
#include "report_fragments.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::JsonWriter;

namespace {

void question_list(JsonWriter& w, const Definitions& d, const std::vector<int>& qs) {
    w.begin_array();
    for (int q : qs) w.string(d.questions[q].id);
    w.end_array();
}

void result(JsonWriter& w, const RuleOutcome& o) {
    if (o.state == State::unknown) w.null();
    else w.boolean(o.fired);
}

void evidence(JsonWriter& w, const Definitions&, const Rule& rule) {
    w.begin_object().key("rule").string(rule.id).key("text").string(rule.text);
    w.key("source").string(rule.source).end_object();
}

void reason(JsonWriter& w, const Definitions&, const RedFlag& rf) {
    w.begin_object().key("id").string(rf.id).key("urgency").string(to_string(rf.urgency));
    w.key("text").string(rf.text);
    if (!rf.action.empty()) w.key("action").string(rf.action);
    w.key("source").string(rf.source).end_object();
}

void factors(JsonWriter& w, const Report& r, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    w.key("factors").begin_object();
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const Factor& factor = d.factors[f];
        const FactorResult& fr = r.factors[f];
        w.string_key(factor.id).begin_object();
        w.key("level").string(to_string(fr.level));
        w.key("evidence").begin_array();
        for (int k : fr.evidence) {
            const Rule& rule = factor.rules[k];
            evidence(w, d, rule);
        }
        w.end_array();
        w.key("would_decide");
        question_list(w, d, fr.would_decide);
        const bool advise = fr.level == Level::likely || fr.level == Level::possible;
        w.key("advice");
        if (advise && !factor.advice.text.empty()) w.string(factor.advice.text);
        else w.null();
        if (advise && !factor.advice.source.empty()) w.key("advice_source").string(factor.advice.source);
        if (opt.explain) {
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
        w.end_object();
    }
    w.end_object();
}

void attention(JsonWriter& w, const Report& r, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    const FlagResult& fl = r.attention;
    w.key("seek_medical_attention").begin_object();
    w.key("flag").boolean(fl.flag);
    w.key("urgency").string(to_string(fl.urgency));
    w.key("reasons").begin_array();
    for (int k : fl.reasons) {
        const RedFlag& rf = d.red_flags[k];
        reason(w, d, rf);
    }
    w.end_array();
    w.key("would_decide");
    question_list(w, d, fl.would_decide);
    if (opt.explain) {
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
    w.end_object();
}

void report(JsonWriter& w, const Report& r, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    w.begin_object();
    w.key("schema").string("myoscreen.report/1");
    w.key("definitions").begin_object().key("name").string(d.name).key("version").string(d.version).end_object();
    if (opt.record) w.key("record").integer(static_cast<long long>(opt.record));
    if (opt.id) w.key("id").string(*opt.id);
    w.key("complete").boolean(r.complete);
    w.key("unanswered");
    question_list(w, d, r.unanswered);
    w.key("derived").begin_object();
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        w.string_key(d.derived[i].id);
        const Value& v = r.derived[i];
        if (!v.known()) w.null();
        else if (d.derived[i].is_bool) w.boolean(v.num != 0);
        else w.decimal1(v.num);
    }
    w.end_object();
    w.key("instruments").begin_object();
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const InstrumentResult& ir = r.instruments[i];
        w.string_key(d.instruments[i].id).begin_object();
        if (!ir.applies) w.key("applies").boolean(false);
        w.key("score");
        if (ir.applies) w.integer(ir.score);
        else w.null();
        w.key("max").integer(d.instruments[i].max_score);
        w.key("band");
        if (ir.band >= 0) w.string(d.instruments[i].bands[ir.band].name);
        else w.null();
        w.key("complete").boolean(ir.complete);
        w.end_object();
    }
    w.end_object();
    factors(w, r, opt);
    attention(w, r, opt);
    w.key("disclaimer").string(d.disclaimer);
    w.end_object();
    w.put("\n");
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

namespace {
template <class Render>
std::string compact(Render&& render) {
    std::string out;
    {
        JsonWriter w(out, false);
        render(w);
    }  // the writer trims its slack as it goes
    return out;
}
}  // namespace

std::string detail::compact_evidence(const Definitions& d, const Rule& rule) {
    return compact([&](JsonWriter& w) { evidence(w, d, rule); });
}

std::string detail::compact_reason(const Definitions& d, const RedFlag& rf) {
    return compact([&](JsonWriter& w) { reason(w, d, rf); });
}

}  // namespace myoscreen
