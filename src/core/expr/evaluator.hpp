// Runs a compiled Program with three-valued (Kleene) logic: inline for the
// one-step programs that most conditions are, the interpreter for the rest.
#pragma once

#include "myoscreen/detail/program.hpp"

namespace myoscreen {

namespace detail {
// The interpreter, for programs of more than one step (expr_eval.cpp).
void run_program(const Program& p, const Value* slots, Value* stack, Value& out);

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
}  // namespace detail

// Evaluates `p` against `slots` into `out` (a slot the program does not
// read, or a local); `stack` must hold at least p.max_stack values. The
// result is written field by field where it is kept: a whole Value returned
// and copied on made the caller's wide loads wait for the callee's narrow
// stores (failed store forwarding), once the largest single cost of screening.
inline void evaluate_into(const Program& p, const Value* slots, Value* stack, Value& out) {
    // One step (most conditions, once fused), inline in the caller: straight
    // from the slot, with no call, no stack and no second run for an unknown.
    if (p.one_step) {
        const Instr& in = p.step;
        switch (in.op) {
        case Op::load: out = slots[in.arg]; return;
        case Op::load_cmp:
        case Op::load_in_mask:
        case Op::load_has: {
            const Value& a = slots[in.arg];
            out.set = 0;
            if (a.state == State::unknown) {
                out.state = State::unknown;
                out.soft = false;
                out.num = 0;
                out.deps = a.deps;
                return;
            }
            const bool b = a.state == State::absent     ? false
                           : in.op == Op::load_has     ? (a.set & in.mask) != 0
                           : in.op == Op::load_in_mask ? ((in.mask >> static_cast<int>(a.num)) & 1U) != 0
                                                       : detail::compare(static_cast<Op>(in.mask), a.num, in.num);
            // What could overturn the input could overturn the test.
            const bool soft = a.soft && !a.deps.empty();
            out.state = State::known;
            out.soft = soft;
            out.num = b ? 1.0 : 0.0;
            out.deps = soft ? a.deps : DepSet{};
            return;
        }
        default: break;
        }
    }
    detail::run_program(p, slots, stack, out);
}

// The same, returned: for tests and the few callers off the hot path.
Value evaluate(const Program& p, const Value* slots, Value* stack);

}  // namespace myoscreen
