// The compact JSON report as fixed pieces and values (see CompactJsonRenderer).
// The pieces follow render_json.cpp field for field; the unit tests render
// every report both ways and compare the bytes.
#include <array>

#include "json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::append_json_string;

struct CompactJsonRenderer::Pieces {
    struct Instrument {
        std::string open, open_not_applying, max_band;
        std::vector<std::string> band;
    };
    struct Factor {
        std::array<std::string, 4> open;  // per level: up to the evidence list
        std::vector<std::string> evidence;
        std::string advice;  // the tail when the level carries advice
    };
    const Definitions* defs = nullptr;
    std::string head;
    std::vector<std::string> question;  // each id as a JSON string
    std::vector<std::string> derived;   // each key, with its separator
    std::vector<Instrument> instruments;
    std::vector<Factor> factors;
    std::vector<std::string> reasons;
    std::string tail;
    std::size_t bound = 0;  // the longest report, but for its id
};

namespace {

std::string lit(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

constexpr std::string_view sep(std::size_t i) { return i ? "," : ""; }

}  // namespace

CompactJsonRenderer::CompactJsonRenderer(const Definitions& d) {
    auto p = std::make_unique<Pieces>();
    p->defs = &d;
    std::size_t ids = 0;  // all question ids in a list, with commas
    for (const Question& q : d.questions) {
        p->question.push_back(lit(q.id));
        ids += p->question.back().size() + 1;
    }
    p->head = "{\"schema\":\"myoscreen.report/1\",\"definitions\":{\"name\":" + lit(d.name) + ",\"version\":" + lit(d.version) + "}";
    std::size_t bound = p->head.size() + 32 + 32 + 32 + ids + 8;  // record, id key, complete, unanswered
    bound += 16;
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        p->derived.push_back(std::string(sep(i)) + lit(d.derived[i].id) + ":");
        bound += p->derived.back().size() + detail::decimal1_bound;
    }
    bound += 24;
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        Pieces::Instrument pi;
        pi.open = std::string(sep(i)) + lit(ins.id) + ":{\"score\":";
        pi.open_not_applying = std::string(sep(i)) + lit(ins.id) + ":{\"applies\":false,\"score\":null";
        pi.max_band = ",\"max\":" + std::to_string(ins.max_score) + ",\"band\":";
        std::size_t longest = 4;
        for (const Band& b : ins.bands) {
            pi.band.push_back(lit(b.name));
            longest = std::max(longest, pi.band.back().size());
        }
        bound += pi.open_not_applying.size() + detail::integer_bound + pi.max_band.size() + longest + 20;
        p->instruments.push_back(std::move(pi));
    }
    bound += 16;
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const Factor& factor = d.factors[f];
        Pieces::Factor pf;
        std::size_t longest = 0;
        for (Level l : {Level::likely, Level::possible, Level::unlikely, Level::unknown}) {
            std::string& o = pf.open[static_cast<std::size_t>(l)];
            o = std::string(sep(f)) + lit(factor.id) + ":{\"level\":\"" + std::string(to_string(l)) + "\",\"evidence\":[";
            longest = std::max(longest, o.size());
        }
        bound += longest;
        for (const Rule& rule : factor.rules) {
            pf.evidence.push_back("{\"rule\":" + lit(rule.id) + ",\"text\":" + lit(rule.text) + ",\"source\":" + lit(rule.source) + "}");
            bound += pf.evidence.back().size() + 1;
        }
        pf.advice = ",\"advice\":" + (factor.advice.text.empty() ? std::string("null") : lit(factor.advice.text));
        if (!factor.advice.source.empty()) pf.advice += ",\"advice_source\":" + lit(factor.advice.source);
        pf.advice += "}";
        bound += 24 + ids + pf.advice.size();
        p->factors.push_back(std::move(pf));
    }
    bound += 96;
    for (const RedFlag& rf : d.red_flags) {
        std::string r = "{\"id\":" + lit(rf.id) + ",\"urgency\":\"" + std::string(to_string(rf.urgency)) + "\",\"text\":" + lit(rf.text);
        if (!rf.action.empty()) r += ",\"action\":" + lit(rf.action);
        r += ",\"source\":" + lit(rf.source) + "}";
        bound += r.size() + 1;
        p->reasons.push_back(std::move(r));
    }
    bound += 24 + ids;
    p->tail = ",\"disclaimer\":" + lit(d.disclaimer) + "}\n";
    p->bound = bound + p->tail.size();
    p_ = std::move(p);
}

CompactJsonRenderer::~CompactJsonRenderer() = default;

namespace {

// Writes through a raw pointer: the caller made room for the whole report.
struct Out {
    char* p;
    void put(std::string_view s) {
        std::memcpy(p, s.data(), s.size());
        p += s.size();
    }
    void boolean(bool b) { put(b ? std::string_view("true") : std::string_view("false")); }
    void list(const std::vector<std::string>& names, const std::vector<int>& qs) {
        *p++ = '[';
        for (std::size_t i = 0; i < qs.size(); ++i) {
            if (i) *p++ = ',';
            put(names[static_cast<std::size_t>(qs[i])]);
        }
        *p++ = ']';
    }
};

}  // namespace

void CompactJsonRenderer::render(const Report& r, RenderBuffer& buf, const RenderOptions& opt) const {
    const Pieces& pc = *p_;
    if (r.defs != pc.defs || opt.pretty || opt.explain) return render_json(r, buf, opt);
    const Definitions& d = *pc.defs;
    const std::size_t need = pc.bound + (opt.id ? detail::json_string_bound(opt.id->size()) : 0);
    if (buf.bytes.size() - buf.len < need) buf.bytes.resize(buf.len + need + 4096);
    Out o{buf.bytes.data() + buf.len};

    o.put(pc.head);
    if (opt.record) {
        o.put(",\"record\":");
        o.p = detail::write_integer(o.p, static_cast<long long>(opt.record));
    }
    if (opt.id) {
        o.put(",\"id\":");
        o.p = detail::write_json_string(o.p, *opt.id);
    }
    o.put(",\"complete\":");
    o.boolean(r.complete);
    o.put(",\"unanswered\":");
    o.list(pc.question, r.unanswered);

    o.put(",\"derived\":{");
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        o.put(pc.derived[i]);
        const Value& v = r.derived[i];
        if (!v.known()) o.put("null");
        else if (d.derived[i].is_bool) o.boolean(v.num != 0);
        else o.p = detail::write_decimal1(o.p, v.num);
    }
    o.put("},\"instruments\":{");
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const InstrumentResult& ir = r.instruments[i];
        const Pieces::Instrument& pi = pc.instruments[i];
        if (ir.applies) {
            o.put(pi.open);
            o.p = detail::write_integer(o.p, ir.score);
        } else {
            o.put(pi.open_not_applying);
        }
        o.put(pi.max_band);
        o.put(ir.band >= 0 ? std::string_view(pi.band[static_cast<std::size_t>(ir.band)]) : std::string_view("null"));
        o.put(ir.complete ? std::string_view(",\"complete\":true}") : std::string_view(",\"complete\":false}"));
    }
    o.put("},\"factors\":{");
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const FactorResult& fr = r.factors[f];
        const Pieces::Factor& pf = pc.factors[f];
        o.put(pf.open[static_cast<std::size_t>(fr.level)]);
        for (std::size_t k = 0; k < fr.evidence.size(); ++k) {
            if (k) *o.p++ = ',';
            o.put(pf.evidence[static_cast<std::size_t>(fr.evidence[k])]);
        }
        o.put("],\"would_decide\":");
        o.list(pc.question, fr.would_decide);
        const bool advise = fr.level == Level::likely || fr.level == Level::possible;
        o.put(advise ? std::string_view(pf.advice) : std::string_view(",\"advice\":null}"));
    }
    const FlagResult& fl = r.attention;
    o.put("},\"seek_medical_attention\":{\"flag\":");
    o.boolean(fl.flag);
    o.put(",\"urgency\":\"");
    o.put(to_string(fl.urgency));
    o.put("\",\"reasons\":[");
    for (std::size_t k = 0; k < fl.reasons.size(); ++k) {
        if (k) *o.p++ = ',';
        o.put(pc.reasons[static_cast<std::size_t>(fl.reasons[k])]);
    }
    o.put("],\"would_decide\":");
    o.list(pc.question, fl.would_decide);
    o.put("}");
    o.put(pc.tail);
    buf.len = static_cast<std::size_t>(o.p - buf.bytes.data());
}

}  // namespace myoscreen
