// Runs a compiled expression with three-valued (Kleene) logic. Absent values
// (questions whose ask_if is false) make every test false and arithmetic
// absent; unknown values carry the questions that would decide them.
#include <bit>
#include <cmath>
#include <type_traits>

#include "myoscreen/expr.hpp"

namespace myoscreen {
namespace {

// Values on the evaluation stack. Full carries the questions an unknown
// value hinges on; Lite does not, and is what runs first: only when the
// result is unknown is the program run again with Full to find out why.
// Most records are mostly answered, so most programs never need Full.
// Trivially constructible on purpose: the stack array is not zeroed per call.
struct Lite {
    State state;
    double num;
    std::uint64_t set;

    static Lite from(const Value& v) { return Lite{v.state, v.num, v.set}; }
    static Lite absent() { return Lite{State::absent, 0, 0}; }
    static Lite number(double x) { return Lite{State::known, x, 0}; }
    static Lite boolean(bool b) { return Lite{State::known, b ? 1.0 : 0.0, 0}; }
    bool known() const noexcept { return state == State::known; }
    bool is_true() const noexcept { return state == State::known && num != 0; }
    bool is_false() const noexcept { return state == State::absent || (state == State::known && num == 0); }
};

template <class V>
V unknown_of(const V& a, const V& b) {
    if constexpr (std::is_same_v<V, Value>) {
        DepSet d;
        if (a.state == State::unknown) d |= a.deps;
        if (b.state == State::unknown) d |= b.deps;
        return Value::unknown(d);
    } else {
        return V{State::unknown, 0, 0};
    }
}

// Arithmetic: absent dominates unknown, unknown dominates known.
template <class V>
V arith(const V& a, const V& b, double r) {
    if (a.state == State::absent || b.state == State::absent) return V::absent();
    if (!a.known() || !b.known()) return unknown_of(a, b);
    if (!std::isfinite(r)) return V::absent();  // x/0: no meaningful value
    return V::number(r);
}

// Comparisons and other tests: absent makes the test false.
template <class V>
V test(const V& a, const V& b, bool r) {
    if (a.state == State::absent || b.state == State::absent) return V::boolean(false);
    if (!a.known() || !b.known()) return unknown_of(a, b);
    return V::boolean(r);
}

template <class V>
V kleene_and(const V& a, const V& b) {
    if (a.is_false() || b.is_false()) return V::boolean(false);
    if (a.is_true() && b.is_true()) return V::boolean(true);
    return unknown_of(a, b);
}

template <class V>
V kleene_or(const V& a, const V& b) {
    if (a.is_true() || b.is_true()) return V::boolean(true);
    if (a.is_false() && b.is_false()) return V::boolean(false);
    return unknown_of(a, b);
}

template <class V>
V load(const Value& v) {
    if constexpr (std::is_same_v<V, Value>) return v;
    else return Lite::from(v);
}

bool compare(Op op, double a, double b) {
    switch (op) {
    case Op::eq: return a == b;
    case Op::ne: return a != b;
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    default: return a >= b;
    }
}

template <class V>
V run(const Program& p, const Value* slots, V* stack) {
    int sp = 0;
    for (const Instr& in : p.code) {
        switch (in.op) {
        case Op::constant: stack[sp++] = V::number(in.num); break;
        case Op::load: stack[sp++] = load<V>(slots[in.arg]); break;
        case Op::load_cmp: {
            const V a = load<V>(slots[in.arg]);
            stack[sp++] = test(a, V::number(in.num), compare(static_cast<Op>(in.mask), a.num, in.num));
            break;
        }
        case Op::load_in_mask:
        case Op::load_has: {
            const V a = load<V>(slots[in.arg]);
            if (a.state == State::absent) stack[sp++] = V::boolean(false);
            else if (!a.known()) stack[sp++] = a;
            else if (in.op == Op::load_has) stack[sp++] = V::boolean(a.set & in.mask);
            else stack[sp++] = V::boolean((in.mask >> static_cast<int>(a.num)) & 1U);
            break;
        }
        case Op::neg: {
            V& a = stack[sp - 1];
            if (a.known()) a.num = -a.num;
            break;
        }
        case Op::not_: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) a = V::boolean(true);  // not false
            else if (a.known()) a.num = a.num != 0 ? 0 : 1;
            break;
        }
        case Op::in_mask: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) a = V::boolean(false);
            else if (a.known()) a = V::boolean((in.mask >> static_cast<int>(a.num)) & 1U);
            break;
        }
        case Op::has: {
            V& a = stack[sp - 1];
            if (a.state == State::absent) a = V::boolean(false);
            else if (a.known()) a = V::boolean(a.set & in.mask);
            break;
        }
        case Op::count: {
            V& a = stack[sp - 1];
            if (a.known()) a = V::number(std::popcount(a.set & in.mask));
            break;
        }
        case Op::answered: {
            V& a = stack[sp - 1];
            a = V::boolean(a.known());
            break;
        }
        case Op::at_least: {
            const int n = in.arg;
            const int k = static_cast<int>(in.num);
            int t = 0, u = 0;
            V unknown = unknown_of(V::absent(), V::absent());  // unknown, no deps yet
            for (int i = sp - n; i < sp; ++i) {
                if (stack[i].is_true()) ++t;
                else if (stack[i].state == State::unknown) {
                    ++u;
                    if constexpr (std::is_same_v<V, Value>) unknown.deps |= stack[i].deps;
                }
            }
            sp -= n;
            if (t >= k) stack[sp++] = V::boolean(true);
            else if (t + u < k) stack[sp++] = V::boolean(false);
            else stack[sp++] = unknown;
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

Value evaluate(const Program& p, const Value* slots, Value* stack) {
    // One step (most conditions, once fused): straight from the slot, with
    // no stack and no second run for an unknown.
    if (p.code.size() == 1) {
        const Instr& in = p.code[0];
        switch (in.op) {
        case Op::load: return slots[in.arg];
        case Op::load_cmp:
        case Op::load_in_mask:
        case Op::load_has: {
            const Value& a = slots[in.arg];
            if (a.state == State::absent) return Value::boolean(false);
            if (a.state == State::unknown) return Value::unknown(a.deps);
            if (in.op == Op::load_has) return Value::boolean(a.set & in.mask);
            if (in.op == Op::load_in_mask) return Value::boolean((in.mask >> static_cast<int>(a.num)) & 1U);
            return Value::boolean(compare(static_cast<Op>(in.mask), a.num, in.num));
        }
        default: break;
        }
    }
    constexpr int lite_capacity = 64;
    if (p.max_stack <= lite_capacity) {
        Lite lite[lite_capacity];  // left uninitialised: run() writes before it reads
        lite[0] = Lite::absent();
        const Lite r = run(p, slots, lite);
        if (r.state != State::unknown) return Value{r.state, r.num, r.set, {}};
    }
    return run(p, slots, stack);
}

}  // namespace myoscreen
