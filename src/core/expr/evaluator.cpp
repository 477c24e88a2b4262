// Runs a compiled expression with three-valued (Kleene) logic. Absent values
// (questions whose ask_if is false) make every test false and arithmetic
// absent; unknown values carry the questions that would decide them, and
// known or absent values the questions that could still overturn them.
#include <bit>
#include <cmath>
#include <type_traits>

#include "evaluator.hpp"

namespace myoscreen {
namespace {

// Values on the evaluation stack. Full carries the questions a value hinges
// on; Lite does not, and is what runs first: only when the result is unknown,
// or Lite met an input that carries questions of its own (a known value that
// answering could overturn, or answered() of an unknown value), is the
// program run again with Full to find out which. Most records are mostly
// answered, so most programs never need Full.
// Trivially constructible on purpose: the stack array is not zeroed per call.
struct Lite {
    State state;
    double num;
    std::uint64_t set;

    static Lite absent() { return Lite{State::absent, 0, 0}; }
    static Lite number(double x) { return Lite{State::known, x, 0}; }
    static Lite boolean(bool b) { return Lite{State::known, b ? 1.0 : 0.0, 0}; }
    bool known() const noexcept { return state == State::known; }
    bool is_true() const noexcept { return state == State::known && num != 0; }
    bool is_false() const noexcept { return state == State::absent || (state == State::known && num == 0); }
};

template <class V>
inline constexpr bool full = std::is_same_v<V, Value>;

// Propagation (Full only): a result decided by an operand that cannot change
// (a firm false in `and`, a firm absent in a test) cannot change either;
// any other result can change with any of its operands.
template <class V>
bool firm_false(const V& v) {
    if constexpr (full<V>) return v.is_false() && !v.soft;
    else return false;
}
template <class V>
bool firm_true(const V& v) {
    if constexpr (full<V>) return v.is_true() && !v.soft;
    else return false;
}
template <class V>
bool firm_absent(const V& v) {
    if constexpr (full<V>) return v.state == State::absent && !v.soft;
    else return false;
}

// `r` (freshly made, no deps) can change with any question either operand can.
template <class V>
V joined(V r, const V& a, const V& b) {
    if constexpr (full<V>) {
        r.deps = a.deps;
        r.deps |= b.deps;
        r.soft = r.state != State::unknown && !r.deps.empty();
    }
    return r;
}

template <class V>
V unknown_of(const V& a, const V& b) {
    if constexpr (full<V>) return joined(Value::unknown(DepSet{}), a, b);
    else return V{State::unknown, 0, 0};
}

// Turns `a` into a boolean in place, keeping what could change it.
template <class V>
void set_bool(V& a, bool b) {
    a.state = State::known;
    a.num = b ? 1.0 : 0.0;
    a.set = 0;
}

// Arithmetic: absent dominates unknown, unknown dominates known.
template <class V>
V arith(const V& a, const V& b, double r) {
    if (a.state == State::absent || b.state == State::absent)
        return firm_absent(a) || firm_absent(b) ? V::absent() : joined(V::absent(), a, b);
    if (!a.known() || !b.known()) return unknown_of(a, b);
    if (!std::isfinite(r)) return joined(V::absent(), a, b);  // x/0: no meaningful value
    return joined(V::number(r), a, b);
}

// Comparisons and other tests: absent makes the test false.
template <class V>
V test(const V& a, const V& b, bool r) {
    if (a.state == State::absent || b.state == State::absent)
        return firm_absent(a) || firm_absent(b) ? V::boolean(false) : joined(V::boolean(false), a, b);
    if (!a.known() || !b.known()) return unknown_of(a, b);
    return joined(V::boolean(r), a, b);
}

template <class V>
V kleene_and(const V& a, const V& b) {
    if (a.is_false() || b.is_false())
        return firm_false(a) || firm_false(b) ? V::boolean(false) : joined(V::boolean(false), a, b);
    if (a.is_true() && b.is_true()) return joined(V::boolean(true), a, b);
    return unknown_of(a, b);
}

template <class V>
V kleene_or(const V& a, const V& b) {
    if (a.is_true() || b.is_true())
        return firm_true(a) || firm_true(b) ? V::boolean(true) : joined(V::boolean(true), a, b);
    if (a.is_false() && b.is_false()) return joined(V::boolean(false), a, b);
    return unknown_of(a, b);
}

// Lite notes in `touched` an input that carries questions while known or absent.
template <class V>
V load(const Value& v, bool& touched) {
    if constexpr (full<V>) {
        return v;
    } else {
        touched |= v.soft;
        return Lite{v.state, v.num, v.set};
    }
}

// Returns the result in place: copying it out whole right after the loop's
// narrower stores stalls store forwarding; the caller reads its fields.
template <class V>
const V& run(const Program& p, const Value* slots, V* stack, bool& touched) {
    int sp = 0;
    for (const Instr& in : p.code) {
        switch (in.op) {
        case Op::constant: stack[sp++] = V::number(in.num); break;
        case Op::load: stack[sp++] = load<V>(slots[in.arg], touched); break;
        case Op::load_cmp: {
            const V a = load<V>(slots[in.arg], touched);
            stack[sp++] = test(a, V::number(in.num), detail::compare(static_cast<Op>(in.mask), a.num, in.num));
            break;
        }
        case Op::load_in_mask:
        case Op::load_has: {
            V& a = stack[sp++];
            a = load<V>(slots[in.arg], touched);
            if (a.state == State::absent) set_bool(a, false);
            else if (a.known() && in.op == Op::load_has) set_bool(a, a.set & in.mask);
            else if (a.known()) set_bool(a, (in.mask >> static_cast<int>(a.num)) & 1U);
            break;
        }
        case Op::and_load:
        case Op::or_load: {
            V& a = stack[sp - 1];
            const V b = load<V>(slots[in.arg], touched);
            a = in.op == Op::and_load ? kleene_and(a, b) : kleene_or(a, b);
            break;
        }
        case Op::neg: {
            V& a = stack[sp - 1];
            if (a.known()) a.num = -a.num;
            break;
        }
        case Op::not_: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) set_bool(a, true);  // not false
            else if (a.known()) a.num = a.num != 0 ? 0 : 1;
            break;
        }
        case Op::in_mask: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) set_bool(a, false);
            else if (a.known()) set_bool(a, (in.mask >> static_cast<int>(a.num)) & 1U);
            break;
        }
        case Op::has: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) set_bool(a, false);
            else if (a.known()) set_bool(a, a.set & in.mask);
            break;
        }
        case Op::count: {
            V& a = stack[sp - 1];
            if (a.known()) {
                a.num = std::popcount(a.set & in.mask);
                a.set = 0;
            }
            break;
        }
        case Op::answered: {
            // Known either way, but answering what an unknown value hinges on
            // turns false into true: those questions stay with the result.
            V& a = stack[sp - 1];
            if constexpr (full<V>) {
                set_bool(a, a.known());
                a.soft = !a.deps.empty();
            } else {
                touched |= a.state == State::unknown;
                set_bool(a, a.known());
            }
            break;
        }
        case Op::at_least: {
            const int n = in.arg;
            const int k = static_cast<int>(in.num);
            int t = 0, u = 0;
            for (int i = sp - n; i < sp; ++i) {
                if (stack[i].is_true()) ++t;
                else if (stack[i].state == State::unknown) ++u;
            }
            V r = t >= k ? V::boolean(true) : t + u < k ? V::boolean(false) : unknown_of(V::absent(), V::absent());
            if constexpr (full<V>) {
                // Firm when the firm conditions alone decide it; else it can
                // change with any of them.
                int firm_t = 0, firm_f = 0;
                DepSet deps;
                for (int i = sp - n; i < sp; ++i) {
                    firm_t += firm_true(stack[i]);
                    firm_f += firm_false(stack[i]);
                    deps |= stack[i].deps;
                }
                if (firm_t < k && n - firm_f >= k) r.add_deps(deps);
            }
            sp -= n;
            stack[sp++] = r;
            break;
        }
        default: {
            const V& b = stack[--sp];
            V& a = stack[sp - 1];
            switch (in.op) {
            case Op::add: a = arith(a, b, a.num + b.num); break;
            case Op::sub: a = arith(a, b, a.num - b.num); break;
            case Op::mul: a = arith(a, b, a.num * b.num); break;
            case Op::div: a = arith(a, b, a.num / b.num); break;
            case Op::eq: a = test(a, b, a.num == b.num); break;
            case Op::ne: a = test(a, b, a.num != b.num); break;
            case Op::lt: a = test(a, b, a.num < b.num); break;
            case Op::le: a = test(a, b, a.num <= b.num); break;
            case Op::gt: a = test(a, b, a.num > b.num); break;
            case Op::ge: a = test(a, b, a.num >= b.num); break;
            case Op::and_: a = kleene_and(a, b); break;
            case Op::or_: a = kleene_or(a, b); break;
            default: break;
            }
        }
        }
    }
    return stack[0];
}

}  // namespace

namespace {

// Programs of logic only (Program::logic) run first on one byte a value:
// false, true or unknown, Kleene and/or by table. As with Lite, an unknown
// result or an input that carries questions (soft) sends the program to the
// Full run, so `unknown` here also means "not decided by this run".
enum Tri : std::uint8_t { tri_false, tri_true, tri_unknown };
constexpr Tri tri_and[3][3] = {{tri_false, tri_false, tri_false}, {tri_false, tri_true, tri_unknown}, {tri_false, tri_unknown, tri_unknown}};
constexpr Tri tri_or[3][3] = {{tri_false, tri_true, tri_unknown}, {tri_true, tri_true, tri_true}, {tri_unknown, tri_true, tri_unknown}};

// A condition's value: absent is false (clinical.md, Conventions).
Tri tri_of(const Value& v) {
    return v.state == State::unknown ? tri_unknown : v.state == State::known && v.num != 0 ? tri_true : tri_false;
}

Tri tri_test(const Instr& in, const Value& a) {
    if (a.state == State::unknown) return tri_unknown;
    if (a.state == State::absent) return tri_false;
    const bool b = in.op == Op::load_has       ? (a.set & in.mask) != 0
                   : in.op == Op::load_in_mask ? ((in.mask >> static_cast<int>(a.num)) & 1U) != 0
                                               : detail::compare(static_cast<Op>(in.mask), a.num, in.num);
    return b ? tri_true : tri_false;
}

Tri run_logic(const Program& p, const Value* slots) {
    Tri st[64];  // left uninitialised: written before read
    st[0] = tri_unknown;  // (an empty program: never compiled, but the compiler cannot know)
    int sp = 0;
    bool touched = false;
    for (const Instr& in : p.code) {
        switch (in.op) {
        case Op::constant: st[sp++] = in.num != 0 ? tri_true : tri_false; break;
        case Op::load: {
            const Value& v = slots[in.arg];
            touched |= v.soft;
            st[sp++] = tri_of(v);
            break;
        }
        case Op::load_cmp:
        case Op::load_in_mask:
        case Op::load_has: {
            const Value& v = slots[in.arg];
            touched |= v.soft;
            st[sp++] = tri_test(in, v);
            break;
        }
        case Op::and_load:
        case Op::or_load: {
            const Value& v = slots[in.arg];
            touched |= v.soft;
            st[sp - 1] = (in.op == Op::and_load ? tri_and : tri_or)[st[sp - 1]][tri_of(v)];
            break;
        }
        case Op::and_: --sp, st[sp - 1] = tri_and[st[sp - 1]][st[sp]]; break;
        case Op::or_: --sp, st[sp - 1] = tri_or[st[sp - 1]][st[sp]]; break;
        case Op::not_:
            if (st[sp - 1] != tri_unknown) st[sp - 1] = st[sp - 1] == tri_true ? tri_false : tri_true;
            break;
        case Op::at_least: {
            const int n = in.arg, k = static_cast<int>(in.num);
            int t = 0, u = 0;
            for (int i = sp - n; i < sp; ++i) t += st[i] == tri_true, u += st[i] == tri_unknown;
            sp -= n;
            st[sp++] = t >= k ? tri_true : t + u < k ? tri_false : tri_unknown;
            break;
        }
        default: return tri_unknown;  // not a logic program: the general runs decide
        }
    }
    return touched ? tri_unknown : st[0];
}

}  // namespace

void detail::run_program(const Program& p, const Value* slots, Value* stack, Value& out) {
    constexpr int lite_capacity = 64;
    if (p.logic && p.max_stack <= lite_capacity) {
        if (const Tri r = run_logic(p, slots); r != tri_unknown) {
            out.state = State::known;
            out.soft = false;
            out.num = r == tri_true ? 1.0 : 0.0;
            out.set = 0;
            out.deps = DepSet{};
            return;
        }
    } else if (p.max_stack <= lite_capacity) {
        Lite lite[lite_capacity];  // left uninitialised: run() writes before it reads
        lite[0] = Lite::absent();
        bool touched = false;
        const Lite& r = run(p, slots, lite, touched);
        if (r.state != State::unknown && !touched) {
            out.state = r.state;
            out.soft = false;
            out.num = r.num;
            out.set = r.set;
            out.deps = DepSet{};
            return;
        }
    }
    bool unused = false;
    out = run(p, slots, stack, unused);
}

Value evaluate(const Program& p, const Value* slots, Value* stack) {
    Value v;
    evaluate_into(p, slots, stack, v);
    return v;
}

}  // namespace myoscreen
