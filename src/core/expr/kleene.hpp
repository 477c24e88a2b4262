// Three-valued logic, once for every run of the evaluator: the rule of a test
// (absent is false, unknown stays unknown) and Kleene and, or, not, at_least.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "myoscreen/detail/program.hpp"

namespace myoscreen::detail {

// A condition in one byte, ordered so that Kleene `and` is the lesser of two
// values, `or` the greater, and `not` the mirror image.
enum Tri : std::uint8_t { tri_false, tri_unknown, tri_true };

// The kinds of value a run computes with (the V of the templates below):
//  - Value: the full value, with the questions that could change it (deps);
//  - Lite (evaluator.cpp): state, number and set, no deps;
//  - Tri: a condition only, for programs of logic only (Program::logic).
// Only Value propagates deps: a run of the others notes in `touched` an input
// that carries questions, and the program is run again with Value when that
// or an unknown result means the questions matter.
template <class V>
inline constexpr bool full = std::is_same_v<V, Value>;
template <class V>
inline constexpr bool byte = std::is_same_v<V, Tri>;

// A value as a condition: absent is false (docs/definitions-format.md, "Unknown and absent").
template <class V>
Tri tri_of(const V& v) {
    if constexpr (byte<V>) return v;
    else return v.state == State::unknown ? tri_unknown : v.state == State::known && v.num != 0 ? tri_true : tri_false;
}

// A condition's value of kind V, with no questions attached.
template <class V>
V make(Tri r) {
    if constexpr (byte<V>) {
        return r;
    } else {
        V v = V::boolean(r == tri_true);
        if (r == tri_unknown) v.state = State::unknown;
        return v;
    }
}

// A number (a constant); in a program of logic only, a boolean.
template <class V>
V number(double x) {
    if constexpr (byte<V>) return x != 0 ? tri_true : tri_false;
    else return V::number(x);
}

// Turns `a` into a boolean in place, keeping what could change it.
template <class V>
void set_bool(V& a, bool b) {
    a.state = State::known;
    a.num = b ? 1.0 : 0.0;
    a.set = 0;
}

// `r` (freshly made, no deps) can change with any question either operand can.
inline void join(Value& r, const Value& a, const Value& b) {
    r.deps = a.deps;
    r.deps |= b.deps;
    r.soft = r.state != State::unknown && !r.deps.empty();
}

inline bool compare(Op op, double a, double b) {
    switch (op) {
    case Op::eq: return a == b;
    case Op::ne: return a != b;
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    default: return a >= b;
    }
}

// The rule of every test (==, !=, <, <=, >, >=, in, has): an absent operand
// makes it false, else an unknown one makes it unknown, else it is what
// `known()` (only then called) says. Always inlined, as is test_of: most
// conditions are one test of one slot, run inline in the engine's loops, and
// g++ 12 would otherwise call it out of line (4% more instructions screening).
template <class Known>
[[gnu::always_inline]] inline Tri test_rule(State a, State b, Known&& known) {
    if (a == State::absent || b == State::absent) return tri_false;
    if (a == State::unknown || b == State::unknown) return tri_unknown;
    return known() ? tri_true : tri_false;
}

// A test of an unknown band whose reachable bands are known: decided when
// every reachable band gives the same answer.
[[gnu::noinline]] inline Tri test_of_reachable(const Instr& in, std::uint64_t reachable) {
    std::uint64_t yes = 0;  // the bands for which the test is true
    if (in.op == Op::load_in_mask || in.op == Op::in_mask) {
        yes = in.mask;
    } else if (in.op == Op::load_cmp && (static_cast<Op>(in.mask) == Op::eq || static_cast<Op>(in.mask) == Op::ne) &&
               in.num >= 0 && in.num < 64 && in.num == static_cast<double>(static_cast<int>(in.num))) {
        yes = std::uint64_t{1} << static_cast<int>(in.num);
        if (static_cast<Op>(in.mask) == Op::ne) yes = ~yes;
    } else {
        return tri_unknown;
    }
    if ((reachable & yes) == 0) return tri_false;
    if ((reachable & ~yes) == 0) return tri_true;
    return tri_unknown;
}

// A test of one value against the instruction's own operand: the fused test
// of a slot (load_cmp, load_in_mask, load_has) or a test of the stack top
// (in_mask, has).
template <class A>
[[gnu::always_inline]] inline Tri test_of(const Instr& in, const A& a) {
    if constexpr (!byte<A>) {
        if (a.state == State::unknown && a.set != 0) [[unlikely]]
            return test_of_reachable(in, a.set);
    }
    return test_rule(a.state, State::known, [&] {
        if (in.op == Op::load_has || in.op == Op::has) return (a.set & in.mask) != 0;
        if (in.op == Op::load_in_mask || in.op == Op::in_mask) return ((in.mask >> static_cast<int>(a.num)) & 1U) != 0;
        return compare(static_cast<Op>(in.mask), a.num, in.num);
    });
}

// The Value of a one-operand test of `a`, into `out` (which may be `a`):
// what could overturn `a` could overturn the test, and what would decide an
// unknown `a` would decide it. Written field by field (see evaluate_into).
// Its soft and deps are `a`'s as they are: a known or absent Value is soft
// exactly when it carries questions, and an unknown one is never soft.
inline void test_slot(const Instr& in, const Value& a, Value& out) {
    const Tri r = test_of(in, a);
    // An unknown band decided by its reachable bands: no answer changes that.
    const bool decided_unknown = a.state == State::unknown && r != tri_unknown;
    out.state = r == tri_unknown ? State::unknown : State::known;
    out.soft = a.soft;
    out.num = r == tri_true ? 1.0 : 0.0;
    out.set = 0;
    if (decided_unknown) [[unlikely]]
        out.deps = DepSet{};
    else
        out.deps = a.deps;
}

// The same, of any kind: a test of a slot, or of the stack top (never Tri).
template <class V, class A>
void test_into(const Instr& in, const A& a, V& out) {
    if constexpr (full<V>) test_slot(in, a, out);
    else out = make<V>(test_of(in, a));
}

// A test of two operands (a comparison of computed values). A firm absent
// operand decides it for good; else it can change with either operand.
template <class V>
V test_pair(Op op, const V& a, const V& b) {
    V r = make<V>(test_rule(a.state, b.state, [&] { return compare(op, a.num, b.num); }));
    if constexpr (full<V>) {
        if (!(a.state == State::absent && !a.soft) && !(b.state == State::absent && !b.soft)) join(r, a, b);
    }
    return r;
}

// Kleene `and` (Or = false: the lesser) and `or` (Or = true: the greater).
// A result decided by an operand no answer can change (a firm false in
// `and`, a firm true in `or`) cannot change either; any other result can
// change with any question of either operand.
template <bool Or, class V>
V kleene(const V& a, const V& b) {
    const Tri ta = tri_of(a), tb = tri_of(b);
    const Tri r = Or ? std::max(ta, tb) : std::min(ta, tb);
    if constexpr (byte<V>) {
        return r;
    } else {
        V out = make<V>(r);
        if constexpr (full<V>) {
            constexpr Tri decisive = Or ? tri_true : tri_false;
            const bool firm = r == decisive && ((ta == decisive && !a.soft) || (tb == decisive && !b.soft));
            if (!firm) join(out, a, b);
        }
        return out;
    }
}

// Kleene `not`, in place: unknown stays unknown, and what could change the
// operand could change the result.
template <class V>
void kleene_not(V& a) {
    if constexpr (byte<V>) {
        a = static_cast<Tri>(tri_true - a);
    } else {
        const Tri t = tri_of(a);
        if (t != tri_unknown) set_bool(a, t == tri_false);
    }
}

// At least k of the n conditions at c: true when k are true, false when k
// cannot be reached even if every unknown one were true, else unknown. Firm
// when the firm conditions alone decide it; else it can change with any of
// them.
template <class V>
V at_least(const V* c, int n, int k) {
    int t = 0, u = 0;
    for (int i = 0; i < n; ++i) {
        const Tri x = tri_of(c[i]);
        t += x == tri_true;
        u += x == tri_unknown;
    }
    V r = make<V>(t >= k ? tri_true : t + u < k ? tri_false : tri_unknown);
    if constexpr (full<V>) {
        int firm_t = 0, firm_f = 0;
        DepSet deps;
        for (int i = 0; i < n; ++i) {
            firm_t += c[i].is_true() && !c[i].soft;
            firm_f += c[i].is_false() && !c[i].soft;
            deps |= c[i].deps;
        }
        if (firm_t < k && n - firm_f >= k) r.add_deps(deps);
    }
    return r;
}

}  // namespace myoscreen::detail
