// The compact JSON report as fixed pieces and values (see CompactJsonRenderer), the pieces cut by report_sections.hpp's writers.
// The unit tests and the JSON Lines fuzz target render reports both ways and
// compare the bytes with render_json's.
#include <algorithm>
#include <array>

#include "json/json_writer.hpp"
#include "render/report_sections.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::JsonWriter;
namespace section = detail::report_json;

// Every piece lives in one arena with slack after its end, so pieces are
// copied in fixed 32-byte blocks (inline vector moves) rather than by a
// memcpy call each: a report is ~50 pieces, and the calls were most of its cost.
namespace detail {
struct CompactPiece {  // a piece of the arena
    std::uint32_t off = 0, len = 0;
};
}  // namespace detail
using Piece = detail::CompactPiece;

namespace {

constexpr std::uint32_t block = 32;

template <class Pieces>
std::size_t longest(const Pieces& pieces) {
    std::size_t n = 0;
    for (const Piece& p : pieces) n = std::max<std::size_t>(n, p.len);
    return n;
}

std::size_t variant(bool flag, Urgency u) { return static_cast<std::size_t>(flag) * 4 + static_cast<std::size_t>(u); }
std::size_t variant(int band, bool complete) { return static_cast<std::size_t>(band + 1) * 2 + complete; }

}  // namespace

// A report's pieces, section by section, in the order render_json writes
// them; where a section's bytes depend on a value with few forms (a
// boolean, a level, a band), one piece per form. Beside each section, the
// most it can write: the room made before writing it.
struct CompactJsonRenderer::Pieces {
    struct Instrument {
        std::array<Piece, 2> open;  // [not applying, applying]: up to the score
        std::vector<Piece> close;   // per variant(band, complete)
    };
    struct Factor {
        std::array<Piece, 4> open;    // per level: up to the evidence list
        std::array<Piece, 4> advice;  // per level: from the advice to the factor's end
        std::vector<Piece> evidence;  // per rule
    };
    const Definitions* defs = nullptr;
    std::string arena;
    std::vector<Piece> question;  // each id as a list element
    std::size_t list_room = 0;    // the longest list of questions: all of them

    Piece head, id;
    std::array<Piece, 2> complete;  // [false, true], up to the unanswered list
    std::size_t head_room = 0;      // and the record id's escaped length

    Piece derived_open;
    std::vector<std::array<Piece, 4>> derived;  // per value, per DerivedForm
    std::size_t derived_room = 0;

    Piece instruments_open;
    std::vector<Instrument> instruments;
    std::size_t instruments_room = 0;

    Piece factors_open, factor_would_decide;
    std::vector<Factor> factors;
    std::size_t factors_room = 0;

    std::array<Piece, 8> attention_open;  // per variant(flag, urgency), up to the reasons list
    std::vector<Piece> reasons;           // per red flag
    Piece attention_would_decide, tail, end;  // tail: to the disclaimer; end: the closing brace
    std::size_t attention_room = 0;

    // What `write` writes through a compact writer started `depth`
    // containers deep (`first`: nothing yet in the innermost).
    // Written into `scratch` (its slack kept: a writer that trims would
    // zero-fill its growth again for every piece), then copied to the arena.
    template <class Write>
    Piece cut(int depth, bool first, Write&& write) {
        std::size_t len = 0;
        {
            JsonWriter w(scratch, len, false);
            w.inside(depth, first);
            write(w);
        }
        const Piece p{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(len)};
        arena.append(scratch.data(), len);
        return p;
    }
    std::string scratch;  // only while cutting
    // A list element, as the first one in its list: the renderer writes the
    // commas between elements itself.
    template <class Write>
    Piece element(Write&& write) {
        return cut(1, true, write);
    }
};

CompactJsonRenderer::CompactJsonRenderer(const Definitions& d) {
    using section::in_report, section::in_section, section::in_entry, section::in_evidence, section::in_reasons;
    auto p = std::make_unique<Pieces>();
    Pieces& pc = *p;
    pc.defs = &d;

    pc.list_room = 2;
    for (std::size_t q = 0; q < d.questions.size(); ++q) {
        pc.question.push_back(pc.element([&](JsonWriter& w) { section::question(w, d, static_cast<int>(q)); }));
        pc.list_room += pc.question.back().len + 1;
    }

    pc.head = pc.cut(0, false, [&](JsonWriter& w) { section::head(w, d); });
    pc.id = pc.cut(in_report, false, section::id_key);
    for (const bool b : {false, true}) pc.complete[b] = pc.cut(in_report, false, [&](JsonWriter& w) { section::complete(w, b); });
    pc.head_room = pc.head.len + pc.id.len + longest(pc.complete) + pc.list_room;

    pc.derived_open = pc.cut(in_report, false, section::derived_open);
    pc.derived_room = pc.derived_open.len;
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        std::array<Piece, 4>& forms = pc.derived.emplace_back();
        for (std::size_t f = 0; f < forms.size(); ++f)
            forms[f] = pc.cut(in_section, i == 0, [&](JsonWriter& w) {
                section::derived_entry(w, d.derived[i], static_cast<section::DerivedForm>(f));
            });
        const std::size_t number = static_cast<std::size_t>(section::DerivedForm::number);
        pc.derived_room += std::max(longest(forms), forms[number].len + detail::decimal1_bound);
    }

    pc.instruments_open = pc.cut(in_section, false, section::instruments_open);
    pc.instruments_room = pc.instruments_open.len;
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& ins = d.instruments[i];
        Pieces::Instrument& pi = pc.instruments.emplace_back();
        for (const bool applies : {false, true})
            pi.open[applies] = pc.cut(in_section, i == 0, [&](JsonWriter& w) { section::instrument_open(w, ins, applies); });
        pi.close.resize(variant(static_cast<int>(ins.bands.size()), false));
        for (int band = -1; band < static_cast<int>(ins.bands.size()); ++band)
            for (const bool complete : {false, true})
                pi.close[variant(band, complete)] =
                    pc.cut(in_entry, false, [&](JsonWriter& w) { section::instrument_close(w, ins, band, complete); });
        pc.instruments_room +=
            std::max<std::size_t>(pi.open[false].len, pi.open[true].len + detail::integer_bound) + longest(pi.close);
    }

    pc.factors_open = pc.cut(in_section, false, section::factors_open);
    pc.factor_would_decide = pc.cut(in_evidence, false, section::factor_would_decide);
    pc.factors_room = pc.factors_open.len;
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const Factor& factor = d.factors[f];
        Pieces::Factor& pf = pc.factors.emplace_back();
        for (const Level l : {Level::likely, Level::possible, Level::unlikely, Level::unknown}) {
            const auto k = static_cast<std::size_t>(l);
            pf.open[k] = pc.cut(in_section, f == 0, [&](JsonWriter& w) { section::factor_open(w, factor, l); });
            pf.advice[k] = pc.cut(in_entry, false, [&](JsonWriter& w) {
                section::factor_advice(w, factor, l);
                section::factor_close(w);
            });
        }
        std::size_t evidence = 0;
        for (const Rule& rule : factor.rules) {
            pf.evidence.push_back(pc.element([&](JsonWriter& w) { section::evidence(w, rule); }));
            evidence += pf.evidence.back().len + 1;
        }
        pc.factors_room += longest(pf.open) + evidence + pc.factor_would_decide.len + pc.list_room + longest(pf.advice);
    }

    for (const bool flag : {false, true})
        for (const Urgency u : {Urgency::none, Urgency::soon, Urgency::urgent, Urgency::emergency})
            pc.attention_open[variant(flag, u)] = pc.cut(in_section, false, [&](JsonWriter& w) { section::attention_open(w, flag, u); });
    std::size_t reasons = 0;
    for (const RedFlag& rf : d.red_flags) {
        pc.reasons.push_back(pc.element([&](JsonWriter& w) { section::reason(w, rf); }));
        reasons += pc.reasons.back().len + 1;
    }
    pc.attention_would_decide = pc.cut(in_reasons, false, section::attention_would_decide);
    pc.tail = pc.cut(in_section, false, [&](JsonWriter& w) { section::attention_close(w, d); });
    pc.end = pc.cut(in_report, false, section::report_end);
    pc.attention_room =
        longest(pc.attention_open) + reasons + pc.attention_would_decide.len + pc.list_room + pc.tail.len + pc.end.len;

    pc.arena.append(block, ' ');  // slack: a block read from the last piece stays inside
    pc.scratch = std::string();
    p_ = std::move(p);
}

CompactJsonRenderer::~CompactJsonRenderer() = default;

namespace {

// Writes through a raw pointer into room made section by section.
struct Out {
    RenderBuffer& buf;
    const char* arena;
    char* p;
    // Room for n bytes, and for a block written past the last of them.
    void room(std::size_t n) {
        const auto len = static_cast<std::size_t>(p - buf.bytes.data());
        if (buf.bytes.size() - len < n + block) {
            buf.bytes.resize(len + n + block + 4096);
            p = buf.bytes.data() + len;
        }
    }
    void put(Piece s) {
        const char* from = arena + s.off;
        for (std::uint32_t i = 0; i < s.len; i += block) std::memcpy(p + i, from + i, block);
        p += s.len;
    }
    void list(const std::vector<Piece>& elements, const std::vector<int>& which) {
        *p++ = '[';
        for (std::size_t i = 0; i < which.size(); ++i) {
            if (i) *p++ = ',';
            put(elements[static_cast<std::size_t>(which[i])]);
        }
        *p++ = ']';
    }
};

}  // namespace

void CompactJsonRenderer::render(const Report& r, RenderBuffer& buf, const RenderOptions& opt) const {
    const Pieces& pc = *p_;
    // The batch's fast path; what batch never writes goes the general way.
    if (r.defs != pc.defs || opt.pretty || opt.explain || !r.not_needed.empty()) return render_json(r, buf, opt);
    const Definitions& d = *pc.defs;
    Out o{buf, pc.arena.data(), buf.bytes.data() + buf.len};

    o.room(pc.head_room + (opt.id ? detail::json_string_bound(opt.id->size()) : 0));
    o.put(pc.head);
    if (opt.id) {
        o.put(pc.id);
        o.p = detail::write_json_string(o.p, *opt.id);
    }
    o.put(pc.complete[r.complete]);
    o.list(pc.question, r.unanswered);

    o.room(pc.derived_room);
    o.put(pc.derived_open);
    for (std::size_t i = 0; i < d.derived.size(); ++i) {
        const Value& v = r.derived[i];
        const section::DerivedForm form = section::derived_form(d.derived[i], v);
        o.put(pc.derived[i][static_cast<std::size_t>(form)]);
        if (form == section::DerivedForm::number) o.p = detail::write_decimal1(o.p, v.num);
    }

    o.room(pc.instruments_room);
    o.put(pc.instruments_open);
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const InstrumentResult& ir = r.instruments[i];
        const Pieces::Instrument& pi = pc.instruments[i];
        o.put(pi.open[ir.applies]);
        if (ir.applies) o.p = detail::write_integer(o.p, ir.score);
        o.put(pi.close[variant(ir.band, ir.complete)]);
    }

    o.room(pc.factors_room);
    o.put(pc.factors_open);
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const FactorResult& fr = r.factors[f];
        const Pieces::Factor& pf = pc.factors[f];
        const auto level = static_cast<std::size_t>(fr.level);
        o.put(pf.open[level]);
        for (std::size_t k = 0; k < fr.evidence.size(); ++k) {
            if (k) *o.p++ = ',';
            o.put(pf.evidence[static_cast<std::size_t>(fr.evidence[k])]);
        }
        o.put(pc.factor_would_decide);
        o.list(pc.question, fr.would_decide);
        o.put(pf.advice[level]);
    }

    const FlagResult& fl = r.attention;
    o.room(pc.attention_room);
    o.put(pc.attention_open[variant(fl.flag, fl.urgency)]);
    for (std::size_t k = 0; k < fl.reasons.size(); ++k) {
        if (k) *o.p++ = ',';
        o.put(pc.reasons[static_cast<std::size_t>(fl.reasons[k])]);
    }
    o.put(pc.attention_would_decide);
    o.list(pc.question, fl.would_decide);
    o.put(pc.tail);
    if (opt.answers) {  // --include-answers: written by the shared section writer
        buf.len = static_cast<std::size_t>(o.p - buf.bytes.data());
        {
            JsonWriter w(buf.bytes, buf.len, false);
            w.inside(section::in_report);
            section::answers(w, d, *opt.answers);
        }
        o.p = buf.bytes.data() + buf.len;
        o.room(pc.end.len);
    }
    o.put(pc.end);
    buf.len = static_cast<std::size_t>(o.p - buf.bytes.data());
}

}  // namespace myoscreen
