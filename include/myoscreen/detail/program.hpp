// A compiled expression: a flat stack program over value slots, compiled once
// when definitions load. Public only because the model embeds it by value;
// src/core/expr/evaluator.hpp runs it. In namespace detail: nothing outside
// the core should use it.
#pragma once

#include <cstdint>
#include <vector>

#include "myoscreen/value.hpp"

namespace myoscreen::detail {

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

}  // namespace myoscreen::detail
