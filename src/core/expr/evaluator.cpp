// Runs a compiled expression with three-valued (Kleene) logic. Absent values
// (questions whose ask_if is false) make every test false and arithmetic
// absent; unknown values carry the questions that would decide them, and
// known or absent values the questions that could still overturn them.
#include <bit>
#include <cmath>

#include "expr/evaluator.hpp"

namespace myoscreen {
namespace {

using detail::byte;
using detail::Instr;
using detail::Op;
using detail::Program;
using detail::full;
using detail::Tri;

// Values on the evaluation stack. Full (Value) carries the questions a value
// hinges on; Lite does not, and is what runs first: only when the result is
// unknown, or Lite met an input that carries questions of its own (a known
// value that answering could overturn, or answered() of an unknown value),
// is the program run again with Full to find out which. Most records are
// mostly answered, so most programs never need Full. Programs of logic only
// (Program::logic) run first on one byte a value (Tri) in the same way.
// Trivially constructible on purpose: the stack array is not zeroed per call.
struct Lite {
    State state;
    double num;
    std::uint64_t set;

    static Lite absent() { return Lite{State::absent, 0, 0}; }
    static Lite number(double x) { return Lite{State::known, x, 0}; }
    static Lite boolean(bool b) { return Lite{State::known, b ? 1.0 : 0.0, 0}; }
    bool known() const noexcept { return state == State::known; }
};

// A slot's value as kind V; a run of Lite or Tri notes in `touched` an input
// that carries questions while known or absent.
template <class V>
V load(const Value& v, bool& touched) {
    if constexpr (full<V>) {
        return v;
    } else {
        touched |= v.soft;
        if constexpr (byte<V>) return detail::tri_of(v);
        else return Lite{v.state, v.num, v.set};
    }
}

// Arithmetic: absent dominates unknown, unknown dominates known. A firm
// absent operand makes the result absent for good; any other result can
// change with any question of either operand.
template <class V>
V arith(const V& a, const V& b, double r) {
    V out = a.state == State::absent || b.state == State::absent ? V::absent()
            : !a.known() || !b.known()                          ? detail::make<V>(detail::tri_unknown)
            : !std::isfinite(r)                                 ? V::absent()  // x/0: no meaningful value
                                                                : V::number(r);
    if constexpr (full<V>) {
        if (!(a.state == State::absent && !a.soft) && !(b.state == State::absent && !b.soft)) detail::join(out, a, b);
    }
    return out;
}

// The operations on values other than conditions: arithmetic, comparisons of
// computed values, tests of the stack top, count and answered (never in a
// program of logic only).
template <class V>
void value_op(const Instr& in, V* stack, int& sp, bool& touched) {
    switch (in.op) {
    case Op::neg: {
        V& a = stack[sp - 1];
        if (a.known()) a.num = -a.num;
        return;
    }
    case Op::in_mask:
    case Op::has: {
        V& a = stack[sp - 1];
        detail::test_into(in, a, a);
        return;
    }
    case Op::count: {
        V& a = stack[sp - 1];
        if (a.known()) {
            a.num = std::popcount(a.set & in.mask);
            a.set = 0;
        }
        return;
    }
    case Op::answered: {
        // Known either way, but answering what an unknown value hinges on
        // turns false into true: those questions stay with the result.
        V& a = stack[sp - 1];
        if constexpr (full<V>) {
            detail::set_bool(a, a.known());
            a.soft = !a.deps.empty();
        } else {
            touched |= a.state == State::unknown;
            detail::set_bool(a, a.known());
        }
        return;
    }
    default: break;
    }
    const V& b = stack[--sp];
    V& a = stack[sp - 1];
    switch (in.op) {
    case Op::add: a = arith(a, b, a.num + b.num); break;
    case Op::sub: a = arith(a, b, a.num - b.num); break;
    case Op::mul: a = arith(a, b, a.num * b.num); break;
    case Op::div: a = arith(a, b, a.num / b.num); break;
    default: a = detail::test_pair(in.op, a, b); break;  // eq, ne, lt, le, gt, ge
    }
}

// The one interpreter, for every kind of value. Returns the result in place:
// copying it out whole right after the loop's narrower stores stalls store
// forwarding; the caller reads its fields. A run of Tri meets only logic
// (Program::logic): anything else leaves it undecided (`touched`).
template <class V>
const V& run(const Program& p, const Value* slots, V* stack, bool& touched) {
    int sp = 0;
    for (const Instr& in : p.code) {
        switch (in.op) {
        case Op::constant: stack[sp++] = detail::number<V>(in.num); break;
        case Op::load: stack[sp++] = load<V>(slots[in.arg], touched); break;
        case Op::load_cmp:
        case Op::load_in_mask:
        case Op::load_has: {
            const Value& a = slots[in.arg];
            if constexpr (byte<V>) {
                touched |= a.soft;
                stack[sp++] = detail::test_of(in, a);
            } else {
                if constexpr (!full<V>) touched |= a.soft;
                detail::test_into(in, a, stack[sp++]);
            }
            break;
        }
        case Op::and_load: {
            V& a = stack[sp - 1];
            a = detail::kleene<false>(a, load<V>(slots[in.arg], touched));
            break;
        }
        case Op::or_load: {
            V& a = stack[sp - 1];
            a = detail::kleene<true>(a, load<V>(slots[in.arg], touched));
            break;
        }
        case Op::and_: --sp, stack[sp - 1] = detail::kleene<false>(stack[sp - 1], stack[sp]); break;
        case Op::or_: --sp, stack[sp - 1] = detail::kleene<true>(stack[sp - 1], stack[sp]); break;
        case Op::not_: detail::kleene_not(stack[sp - 1]); break;
        case Op::at_least: {
            sp -= in.arg;
            const V r = detail::at_least(stack + sp, in.arg, static_cast<int>(in.num));
            stack[sp++] = r;
            break;
        }
        default:
            if constexpr (byte<V>) {
                touched = true;  // not a program of logic only: the runs of values decide
                return stack[0];
            } else {
                value_op(in, stack, sp, touched);
            }
        }
    }
    return stack[0];
}

}  // namespace

void detail::run_program(const Program& p, const Value* slots, Value* stack, Value& out) {
    constexpr int lite_capacity = 64;
    if (p.logic && p.max_stack <= lite_capacity) {
        Tri st[lite_capacity];  // left uninitialised: run() writes before it reads
        st[0] = tri_unknown;    // (an empty program: never compiled, but the compiler cannot know)
        bool touched = false;
        const Tri r = run(p, slots, st, touched);
        if (r != tri_unknown && !touched) {
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
    run_program_general(p, slots, stack, out);
}

void detail::run_program_general(const Program& p, const Value* slots, Value* stack, Value& out) {
    bool unused = false;
    out = run(p, slots, stack, unused);
}

Value evaluate(const Program& p, const Value* slots, Value* stack) {
    Value v;
    evaluate_into(p, slots, stack, v);
    return v;
}

}  // namespace myoscreen
