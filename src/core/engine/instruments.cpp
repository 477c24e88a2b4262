// One generic scorer for every instrument. Alongside each value it keeps
// what could still change it (see Value::deps): item points, score and band.
#include "expr/evaluator.hpp"
#include "engine/instruments.hpp"

#include <algorithm>

namespace myoscreen::detail {
namespace {

// Which of a list of conditions (`cond(c)`, an empty program = always true)
// is the first true one: `pick` is its index, n when none is, or -1 when an
// undecided one comes first. `deps` gets what could change the pick: the
// questions of every condition up to the pick that is not firm (a false one
// could turn true) and, unless the pick is firmly true, of every later one
// up to the next firmly true (if the pick flips, a later one decides).
struct Pick {
    int pick;
    bool firm;  // no unanswered question can change it: deps is empty
};

template <class Cond>
Pick first_true(std::size_t n, const Cond& cond, Value* slots, Value* stack, DepSet& deps) {
    int pick = static_cast<int>(n);
    bool choosing = true, firm = true;
    Value v;
    for (std::size_t c = 0; c < n; ++c) {
        const Program& p = cond(c);
        if (p.empty()) v = Value::boolean(true);
        else evaluate_into(p, slots, stack, v);
        if (choosing) {
            if (v.is_true()) pick = static_cast<int>(c), choosing = false;
            else if (v.state == State::unknown) pick = -1, choosing = false;
        }
        if (v.firm()) {
            if (v.is_true()) break;  // nothing after a firmly true condition matters
            continue;
        }
        firm = false;
        deps |= v.deps;
    }
    return {pick, firm};
}

// An item's points, into `p`: known, unknown (with what would decide it) or
// absent, each carrying what could still change it. A criterion also writes
// its condition to its slot (it reads as a condition in expressions).
// Written in place (see evaluate_into): no Value is returned and copied.
void item_points(const Item& it, const Definitions& defs, Value* slots, Value* stack, Value& p) {
    switch (it.kind) {
    case Item::Kind::question: {
        const Value& a = slots[it.question];
        if (!a.known()) {
            p = a;
            return;
        }
        const Question& q = defs.questions[it.question];
        const std::size_t k = q.type == QuestionType::yes_no ? (a.num != 0 ? 0 : 1) : static_cast<std::size_t>(a.num);
        p = Value::number(it.points[k]);
        if (a.soft) p.add_deps(a.deps);
        return;
    }
    case Item::Kind::criterion: {
        Value& cond = slots[it.slot];
        evaluate_into(it.when, slots, stack, cond);
        if (cond.state == State::unknown) {
            p = cond;
            return;
        }
        if (cond.state == State::absent) set_bool(cond, false);  // absent reads as false, keeping its deps
        p = Value::number(cond.is_true() ? it.criterion_points : 0);
        if (cond.soft) p.add_deps(cond.deps);
        return;
    }
    case Item::Kind::cases: {
        DepSet deps;
        const Pick c = first_true(it.case_when.size(), [&](std::size_t k) -> const Program& { return it.case_when[k]; },
                                  slots, stack, deps);
        if (c.pick < 0) {
            p = Value::unknown(deps);
            return;
        }
        p = Value::number(c.pick < static_cast<int>(it.case_points.size()) ? it.case_points[c.pick] : 0);
        if (!c.firm) p.add_deps(deps);
        return;
    }
    }
    p = Value::number(0);
}

// Bands (bit b: band b) whose range meets [lo, hi]; 0 with over 64 bands.
std::uint64_t reachable_bands(const Instrument& ins, int lo, int hi) {
    if (ins.bands.size() > 64) return 0;
    std::uint64_t set = 0;
    for (std::size_t b = 0; b < ins.bands.size(); ++b)
        if (ins.bands[b].min <= hi && ins.bands[b].max >= lo) set |= std::uint64_t{1} << b;
    return set;
}

int range_band(const Instrument& ins, int score) {
    for (std::size_t b = 0; b < ins.bands.size(); ++b)
        if (score >= ins.bands[b].min && score <= ins.bands[b].max) return static_cast<int>(b);
    return -1;
}

}  // namespace

InstrumentResult score_instrument(const Instrument& ins, const Definitions& defs, Value* slots, Value* stack) {
    InstrumentResult r;
    bool any_present = false, any_soft = false, any_known = false;
    int lo = 0, hi = 0;
    int widen_lo = 0, widen_hi = 0;  // how far items that could change (soft) could move [lo, hi]
    int reach_lo = 0, reach_hi = 0;  // [lo, hi] should unknown items also turn out absent (0 points)
    DepSet deps;                     // what could change the score: unknown and soft items
    Value criterion_points;
    for (const Item& it : ins.items) {
        // A criterion reads as a condition in expressions (item_points wrote
        // it), other items as points.
        Value& p = it.kind == Item::Kind::criterion ? criterion_points : slots[it.slot];
        item_points(it, defs, slots, stack, p);
        if (p.soft) {
            // Known or absent now, it could become absent (0), unknown or any of its points.
            const int now = p.known() ? static_cast<int>(p.num) : 0;
            any_soft = true;
            deps |= p.deps;
            widen_lo += std::min(it.min_points, 0) - now;
            widen_hi += std::max(it.max_points, 0) - now;
        }
        if (p.state == State::absent) continue;  // a question that does not apply adds nothing
        any_present = true;
        if (p.known()) {
            any_known = true;
            r.score += static_cast<int>(p.num);
            lo += static_cast<int>(p.num);
            hi += static_cast<int>(p.num);
            reach_lo += static_cast<int>(p.num);
            reach_hi += static_cast<int>(p.num);
        } else {
            r.complete = false;
            deps |= p.deps;
            lo += it.min_points;
            hi += it.max_points;
            reach_lo += std::min(it.min_points, 0);
            reach_hi += std::max(it.max_points, 0);
        }
    }
    if (!any_present) {
        r.applies = false;
        r.score = 0;
        slots[ins.score_slot] = Value::absent();
        slots[ins.band_slot] = Value::absent();
        if (any_soft) {  // an item that could become present
            slots[ins.score_slot].add_deps(deps);
            slots[ins.band_slot].add_deps(deps);
        }
        return r;
    }
    r.high = hi;
    r.any_known = any_known;
    if (r.complete) {
        slots[ins.score_slot] = Value::number(r.score);
        if (any_soft) slots[ins.score_slot].add_deps(deps);
    } else {
        slots[ins.score_slot] = Value::unknown(deps);
    }
    if (!ins.rule_bands) {
        const int a = range_band(ins, lo), b = range_band(ins, hi);
        r.band = a == b ? a : -1;
        if (r.band < 0) {
            slots[ins.band_slot] = Value::unknown(deps);
            // The bands the score can still reach, so that a test of a band
            // out of reach is decided now (the adaptive dialogue, README "A session": fewer questions).
            // Only when nothing answered can change and the instrument surely
            // applies (an answered item keeps it present).
            if (!any_soft && any_known) slots[ins.band_slot].set = reachable_bands(ins, reach_lo, reach_hi);
        } else {
            slots[ins.band_slot] = Value::code(r.band);
            // Unknown items cannot move a decided band; soft ones might.
            if (any_soft && (range_band(ins, lo + widen_lo) != r.band || range_band(ins, hi + widen_hi) != r.band))
                slots[ins.band_slot].add_deps(deps);
        }
        return r;
    }
    DepSet band_deps;
    const Pick b = first_true(ins.bands.size(), [&](std::size_t k) -> const Program& { return ins.bands[k].when; },
                              slots, stack, band_deps);
    r.band = b.pick < static_cast<int>(ins.bands.size()) ? b.pick : -1;
    if (r.band < 0) {
        slots[ins.band_slot] = Value::unknown(band_deps);
    } else {
        slots[ins.band_slot] = Value::code(r.band);
        if (!b.firm) slots[ins.band_slot].add_deps(band_deps);
    }
    return r;
}

}  // namespace myoscreen::detail
