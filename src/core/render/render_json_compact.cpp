// The compact JSON report as fixed pieces and values (see CompactJsonRenderer).
// The pieces follow render_json.cpp field for field; the unit tests render
// every report both ways and compare the bytes.
#include <array>

#include "json_writer.hpp"
#include "report_fragments.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::append_json_string;

// Every piece lives in one arena with slack after its end, so pieces are
// copied in fixed 32-byte blocks (inline vector moves) rather than by a
// memcpy call each: a report is ~60 pieces, and the calls were most of its cost.
namespace detail {
struct CompactPiece {  // a piece of the arena
    std::uint32_t off = 0, len = 0;
};
}  // namespace detail
using Piece = detail::CompactPiece;

struct CompactJsonRenderer::Pieces {
    struct Instrument {
        Piece open, open_not_applying, max_band;
        std::vector<Piece> band;
    };
    struct Factor {
        std::array<Piece, 4> open;  // per level: up to the evidence list
        std::vector<Piece> evidence;
        Piece advice;  // the tail when the level carries advice
    };
    const Definitions* defs = nullptr;
    std::string arena;
    Piece head, record, id, complete, unanswered, derived_open, instruments_open, factors_open, would_decide, no_advice,
        attention_open, urgency_open, reasons_open, attention_would_decide, attention_close, tail, null;
    std::array<Piece, 2> boolean, instrument_close;  // [false, true]
    std::array<Piece, 4> urgency;
    std::vector<Piece> question;  // each id as a JSON string
    std::vector<Piece> derived;   // each key, with its separator
    std::vector<Instrument> instruments;
    std::vector<Factor> factors;
    std::vector<Piece> reasons;
    std::size_t bound = 0;  // the longest report, but for its id

    Piece add(std::string_view s) {
        const Piece p{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(s.size())};
        arena.append(s);
        bound += s.size();
        return p;
    }
};

namespace {

std::string lit(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

constexpr std::string_view sep(std::size_t i) { return i ? "," : ""; }

constexpr std::uint32_t block = 32;

}  // namespace

CompactJsonRenderer::CompactJsonRenderer(const Definitions& d) {
    auto p = std::make_unique<Pieces>();
    Pieces& pc = *p;
    pc.defs = &d;
    // Fixed text, in the order render_json writes it. `bound` sums every
    // piece (the longest variant counts as well: all are added) and the values.
    pc.head = pc.add("{\"schema\":\"myoscreen.report/1\",\"definitions\":{\"name\":" + lit(d.name) + ",\"version\":" + lit(d.version) + "}");
    pc.record = pc.add(",\"record\":");
    pc.id = pc.add(",\"id\":");
    pc.complete = pc.add(",\"complete\":");
    pc.boolean = {pc.add("false"), pc.add("true")};
    pc.null = pc.add("null");
    pc.unanswered = pc.add(",\"unanswered\":");
    pc.derived_open = pc.add(",\"derived\":{");
    pc.instruments_open = pc.add("},\"instruments\":{");
    pc.factors_open = pc.add("},\"factors\":{");
    pc.would_decide = pc.add("],\"would_decide\":");
    pc.no_advice = pc.add(",\"advice\":null}");
    pc.attention_open = pc.add("},\"seek_medical_attention\":{\"flag\":");
    pc.urgency_open = pc.add(",\"urgency\":\"");
    for (Urgency u : {Urgency::none, Urgency::soon, Urgency::urgent, Urgency::emergency})
        pc.urgency[static_cast<std::size_t>(u)] = pc.add(to_string(u));
    pc.reasons_open = pc.add("\",\"reasons\":[");
    pc.attention_would_decide = pc.add("],\"would_decide\":");
    pc.attention_close = pc.add("}");
    pc.instrument_close = {pc.add(",\"complete\":false}"), pc.add(",\"complete\":true}")};
    pc.bound += 3 * detail::integer_bound;  // the record number, with room to spare
    std::size_t ids = 0;  // all question ids in a list, with commas
    for (const Question& q : d.questions) {
        pc.question.push_back(pc.add(lit(q.id)));
        ids += pc.question.back().len + 1;
    }
    pc.bound += ids + 2;  // unanswered
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        pc.derived.push_back(pc.add(std::string(sep(i)) + lit(d.derived[i].id) + ":"));
        pc.bound += detail::decimal1_bound;
    }
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        Pieces::Instrument pi;
        pi.open = pc.add(std::string(sep(i)) + lit(ins.id) + ":{\"score\":");
        pi.open_not_applying = pc.add(std::string(sep(i)) + lit(ins.id) + ":{\"applies\":false,\"score\":null");
        pi.max_band = pc.add(",\"max\":" + std::to_string(ins.max_score) + ",\"band\":");
        for (const Band& b : ins.bands) pi.band.push_back(pc.add(lit(b.name)));
        pc.bound += detail::integer_bound + 4 + 20;
        pc.instruments.push_back(std::move(pi));
    }
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const Factor& factor = d.factors[f];
        Pieces::Factor pf;
        for (Level l : {Level::likely, Level::possible, Level::unlikely, Level::unknown})
            pf.open[static_cast<std::size_t>(l)] =
                pc.add(std::string(sep(f)) + lit(factor.id) + ":{\"level\":\"" + std::string(to_string(l)) + "\",\"evidence\":[");
        for (const Rule& rule : factor.rules) {
            pf.evidence.push_back(pc.add(detail::compact_evidence(d, rule)));
            pc.bound += 1;
        }
        std::string advice = ",\"advice\":" + (factor.advice.text.empty() ? std::string("null") : lit(factor.advice.text));
        if (!factor.advice.source.empty()) advice += ",\"advice_source\":" + lit(factor.advice.source);
        pf.advice = pc.add(advice + "}");
        pc.bound += 64 + ids;
        pc.factors.push_back(std::move(pf));
    }
    for (const RedFlag& rf : d.red_flags) {
        pc.reasons.push_back(pc.add(detail::compact_reason(d, rf)));
        pc.bound += 1;
    }
    pc.bound += 64 + ids;
    pc.tail = pc.add(",\"disclaimer\":" + lit(d.disclaimer) + "}\n");
    pc.arena.append(block, ' ');  // slack: a block read from the last piece stays inside
    pc.bound += block;            // and a block written at the end stays inside the room made
    p_ = std::move(p);
}

CompactJsonRenderer::~CompactJsonRenderer() = default;

namespace {

// Writes through a raw pointer: the caller made room for the whole report
// plus one block of slack.
struct Out {
    char* p;
    const char* arena;
    void put(Piece s) {
        const char* from = arena + s.off;
        for (std::uint32_t i = 0; i < s.len; i += block) std::memcpy(p + i, from + i, block);
        p += s.len;
    }
    void list(const std::vector<Piece>& names, const std::vector<int>& qs) {
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
    Out o{buf.bytes.data() + buf.len, pc.arena.data()};

    o.put(pc.head);
    if (opt.record) {
        o.put(pc.record);
        o.p = detail::write_integer(o.p, static_cast<long long>(opt.record));
    }
    if (opt.id) {
        o.put(pc.id);
        o.p = detail::write_json_string(o.p, *opt.id);
    }
    o.put(pc.complete);
    o.put(pc.boolean[r.complete]);
    o.put(pc.unanswered);
    o.list(pc.question, r.unanswered);

    o.put(pc.derived_open);
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        o.put(pc.derived[i]);
        const Value& v = r.derived[i];
        if (!v.known()) o.put(pc.null);
        else if (d.derived[i].is_bool) o.put(pc.boolean[v.num != 0]);
        else o.p = detail::write_decimal1(o.p, v.num);
    }
    o.put(pc.instruments_open);
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
        o.put(ir.band >= 0 ? pi.band[static_cast<std::size_t>(ir.band)] : pc.null);
        o.put(pc.instrument_close[ir.complete]);
    }
    o.put(pc.factors_open);
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const FactorResult& fr = r.factors[f];
        const Pieces::Factor& pf = pc.factors[f];
        o.put(pf.open[static_cast<std::size_t>(fr.level)]);
        for (std::size_t k = 0; k < fr.evidence.size(); ++k) {
            if (k) *o.p++ = ',';
            o.put(pf.evidence[static_cast<std::size_t>(fr.evidence[k])]);
        }
        o.put(pc.would_decide);
        o.list(pc.question, fr.would_decide);
        const bool advise = fr.level == Level::likely || fr.level == Level::possible;
        o.put(advise ? pf.advice : pc.no_advice);
    }
    const FlagResult& fl = r.attention;
    o.put(pc.attention_open);
    o.put(pc.boolean[fl.flag]);
    o.put(pc.urgency_open);
    o.put(pc.urgency[static_cast<std::size_t>(fl.urgency)]);
    o.put(pc.reasons_open);
    for (std::size_t k = 0; k < fl.reasons.size(); ++k) {
        if (k) *o.p++ = ',';
        o.put(pc.reasons[static_cast<std::size_t>(fl.reasons[k])]);
    }
    o.put(pc.attention_would_decide);
    o.list(pc.question, fl.would_decide);
    o.put(pc.attention_close);
    o.put(pc.tail);
    buf.len = static_cast<std::size_t>(o.p - buf.bytes.data());
}

}  // namespace myoscreen
