// A compiled expression: a flat stack program over value slots. Compiled
// once when definitions load; evaluating it does no name lookup or parsing.
#pragma once

#include <cstdint>
#include <vector>

#include "myoscreen/value.hpp"

namespace myoscreen {

enum class Op : std::uint8_t {
    constant,   // push Value::number(num) (booleans and codes are numbers too)
    load,       // push slots[arg]
    add, sub, mul, div, neg,
    eq, ne, lt, le, gt, ge,
    in_mask,    // code in a set of codes: mask
    and_, or_, not_,
    has,        // set has a code: mask
    count,      // number of codes of mask selected
    answered,   // two-valued: is the operand known
    at_least,   // pops arg conditions; true when num of them are true
    // Fused forms of the commonest sequences (a peephole pass at compile
    // time): most conditions are one test of one answer, run in one step.
    load_cmp,      // slots[arg] <op> num, where op = static_cast<Op>(mask)
    load_in_mask,  // slots[arg] in a set of codes: mask
    load_has,      // slots[arg] has a code: mask
    and_load,      // top and slots[arg]
    or_load,       // top or slots[arg]
};

struct Instr {
    Op op = Op::constant;
    std::int32_t arg = 0;
    double num = 0;
    std::uint64_t mask = 0;
    bool operator==(const Instr&) const = default;
};

struct Program {
    std::vector<Instr> code;
    int max_stack = 0;
    // Only logic over one-step tests (and, or, not, at_least, constants,
    // fused loads): runs first on three-valued bytes (detail::run_program).
    bool logic = false;
    // A one-step program's instruction, also kept here: most conditions are
    // one step, and reading it beside the rest of the rule saves following
    // `code` to its own heap block for every evaluation.
    bool one_step = false;
    Instr step{};
    bool empty() const noexcept { return code.empty(); }
};

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
