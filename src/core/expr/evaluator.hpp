// Runs a compiled Program with three-valued (Kleene) logic: inline for the
// one-step programs that most conditions are, the interpreter for the rest.
#pragma once

#include "expr/kleene.hpp"
#include "myoscreen/detail/program.hpp"

namespace myoscreen {

namespace detail {
// The interpreter, for programs of more than one step (evaluator.cpp).
void run_program(const Program& p, const Value* slots, Value* stack, Value& out);

// The interpreter with no fast path: one run with full Values, whatever the
// program. What every fast path must agree with (tests, fuzz/fuzz_expr.cpp).
void run_program_general(const Program& p, const Value* slots, Value* stack, Value& out);
}  // namespace detail

// Evaluates `p` against `slots` into `out` (a slot the program does not
// read, or a local); `stack` must hold at least p.max_stack values. The
// result is written field by field where it is kept: a whole Value returned
// and copied on made the caller's wide loads wait for the callee's narrow
// stores (failed store forwarding), once the largest single cost of screening.
inline void evaluate_into(const detail::Program& p, const Value* slots, Value* stack, Value& out) {
    // One step (most conditions, once fused), inline in the caller: straight
    // from the slot, with no call, no stack and no second run for an unknown.
    if (p.one_step) {
        const detail::Instr& in = p.step;
        switch (in.op) {
        case detail::Op::load: out = slots[in.arg]; return;
        case detail::Op::load_cmp:
        case detail::Op::load_in_mask:
        case detail::Op::load_has: detail::test_slot(in, slots[in.arg], out); return;
        default: break;
        }
    }
    detail::run_program(p, slots, stack, out);
}

// The same, returned: for tests and the few callers off the hot path.
Value evaluate(const detail::Program& p, const Value* slots, Value* stack);

}  // namespace myoscreen
