#include "instruments.hpp"

namespace myoscreen::detail {
namespace {

// An item's points: known, unknown (with what would decide it) or absent.
// For a criterion, `cond` receives the condition itself.
Value item_points(const Item& it, const Definitions& defs, Value* slots, Value* stack, Value& cond) {
    switch (it.kind) {
    case Item::Kind::question: {
        const Value& a = slots[it.question];
        if (!a.known()) return a;
        const Question& q = defs.questions[it.question];
        const std::size_t k = q.type == QuestionType::yes_no ? (a.num != 0 ? 0 : 1) : static_cast<std::size_t>(a.num);
        return Value::number(it.points[k]);
    }
    case Item::Kind::criterion: {
        const Value v = evaluate(it.when, slots, stack);
        cond = v.state == State::absent ? Value::boolean(false) : v;
        if (v.state == State::unknown) return v;
        return Value::number(v.is_true() ? it.criterion_points : 0);
    }
    case Item::Kind::cases:
        for (std::size_t c = 0; c < it.case_when.size(); ++c) {
            if (it.case_when[c].empty()) return Value::number(it.case_points[c]);
            const Value v = evaluate(it.case_when[c], slots, stack);
            if (v.is_true()) return Value::number(it.case_points[c]);
            if (v.state == State::unknown) return v;
        }
        return Value::number(0);
    }
    return Value::number(0);
}

int range_band(const Instrument& ins, int score) {
    for (std::size_t b = 0; b < ins.bands.size(); ++b)
        if (score >= ins.bands[b].min && score <= ins.bands[b].max) return static_cast<int>(b);
    return -1;
}

}  // namespace

InstrumentResult score_instrument(const Instrument& ins, const Definitions& defs, Value* slots, Value* stack) {
    InstrumentResult r;
    bool any_present = false;
    int lo = 0, hi = 0;
    DepSet missing;
    for (const Item& it : ins.items) {
        Value cond;
        const Value p = item_points(it, defs, slots, stack, cond);
        // A criterion reads as a condition in expressions, other items as points.
        slots[it.slot] = it.kind == Item::Kind::criterion ? cond : p;
        if (p.state == State::absent) continue;  // a question that does not apply adds nothing
        any_present = true;
        if (p.known()) {
            r.score += static_cast<int>(p.num);
            lo += static_cast<int>(p.num);
            hi += static_cast<int>(p.num);
        } else {
            r.complete = false;
            missing |= p.deps;
            lo += it.min_points;
            hi += it.max_points;
        }
    }
    if (!any_present) {
        r.applies = false;
        r.score = 0;
        slots[ins.score_slot] = Value::absent();
        slots[ins.band_slot] = Value::absent();
        return r;
    }
    slots[ins.score_slot] = r.complete ? Value::number(r.score) : Value::unknown(missing);
    if (!ins.rule_bands) {
        const int a = range_band(ins, lo), b = range_band(ins, hi);
        r.band = a == b ? a : -1;
        slots[ins.band_slot] = r.band >= 0 ? Value::code(r.band) : Value::unknown(missing);
        return r;
    }
    DepSet undecided;
    for (std::size_t b = 0; b < ins.bands.size(); ++b) {
        if (ins.bands[b].when.empty()) {
            r.band = static_cast<int>(b);
            break;
        }
        const Value v = evaluate(ins.bands[b].when, slots, stack);
        if (v.is_true()) {
            r.band = static_cast<int>(b);
            break;
        }
        if (v.state == State::unknown) {
            undecided |= v.deps;
            break;  // an earlier band might still hold
        }
    }
    slots[ins.band_slot] = r.band >= 0 ? Value::code(r.band) : Value::unknown(undecided);
    return r;
}

}  // namespace myoscreen::detail
