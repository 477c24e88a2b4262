// Runs a compiled expression with three-valued (Kleene) logic. Absent values
// (questions whose ask_if is false) make every test false and arithmetic
// absent; unknown values carry the questions that would decide them.
#include <bit>
#include <cmath>

#include "myoscreen/expr.hpp"

namespace myoscreen {
namespace {

// Arithmetic: absent dominates unknown, unknown dominates known.
Value arith(const Value& a, const Value& b, double r) {
    if (a.state == State::absent || b.state == State::absent) return Value::absent();
    if (!a.known() || !b.known()) {
        DepSet d = a.deps;
        d |= b.deps;
        return Value::unknown(d);
    }
    if (!std::isfinite(r)) return Value::absent();  // x/0: no meaningful value
    return Value::number(r);
}

// Comparisons and other tests: absent makes the test false.
Value test(const Value& a, const Value& b, bool r) {
    if (a.state == State::absent || b.state == State::absent) return Value::boolean(false);
    if (!a.known() || !b.known()) {
        DepSet d = a.deps;
        d |= b.deps;
        return Value::unknown(d);
    }
    return Value::boolean(r);
}

Value kleene_and(const Value& a, const Value& b) {
    if (a.is_false() || b.is_false()) return Value::boolean(false);
    if (a.is_true() && b.is_true()) return Value::boolean(true);
    DepSet d;
    if (!a.known()) d |= a.deps;
    if (!b.known()) d |= b.deps;
    return Value::unknown(d);
}

Value kleene_or(const Value& a, const Value& b) {
    if (a.is_true() || b.is_true()) return Value::boolean(true);
    if (a.is_false() && b.is_false()) return Value::boolean(false);
    DepSet d;
    if (a.state == State::unknown) d |= a.deps;
    if (b.state == State::unknown) d |= b.deps;
    return Value::unknown(d);
}

}  // namespace

Value evaluate(const Program& p, const Value* slots, Value* stack) {
    int sp = 0;
    for (const Instr& in : p.code) {
        switch (in.op) {
        case Op::constant: stack[sp++] = Value::number(in.num); break;
        case Op::load: stack[sp++] = slots[in.arg]; break;
        case Op::neg: {
            Value& a = stack[sp - 1];
            if (a.known()) a.num = -a.num;
            break;
        }
        case Op::not_: {
            Value& a = stack[sp - 1];
            if (a.state == State::absent) a = Value::boolean(true);  // not false
            else if (a.known()) a.num = a.num != 0 ? 0 : 1;
            break;
        }
        case Op::in_mask: {
            Value& a = stack[sp - 1];
            if (a.state == State::absent) a = Value::boolean(false);
            else if (a.known()) a = Value::boolean((in.mask >> static_cast<int>(a.num)) & 1U);
            break;
        }
        case Op::has: {
            Value& a = stack[sp - 1];
            if (a.state == State::absent) a = Value::boolean(false);
            else if (a.known()) a = Value::boolean(a.set & in.mask);
            break;
        }
        case Op::count: {
            Value& a = stack[sp - 1];
            if (a.known()) a = Value::number(std::popcount(a.set & in.mask));
            break;
        }
        case Op::answered: {
            Value& a = stack[sp - 1];
            a = Value::boolean(a.known());
            break;
        }
        case Op::at_least: {
            const int n = in.arg;
            const int k = static_cast<int>(in.num);
            int t = 0, u = 0;
            DepSet d;
            for (int i = sp - n; i < sp; ++i) {
                if (stack[i].is_true()) ++t;
                else if (stack[i].state == State::unknown) { ++u; d |= stack[i].deps; }
            }
            sp -= n;
            if (t >= k) stack[sp++] = Value::boolean(true);
            else if (t + u < k) stack[sp++] = Value::boolean(false);
            else stack[sp++] = Value::unknown(d);
            break;
        }
        default: {
            const Value& b = stack[--sp];
            Value& a = stack[sp - 1];
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

}  // namespace myoscreen
