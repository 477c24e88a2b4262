// Compiles an expression tree into a Program: resolves names to slots, string
// literals to choice or band indices, and checks types, all at load time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expr_ast.hpp"
#include "myoscreen/detail/program.hpp"

namespace myoscreen::detail {

enum class Type { boolean, number, code, set };

std::string_view to_string(Type t);

struct Symbol {
    Type type = Type::number;
    int slot = 0;
    const std::vector<std::string>* codes = nullptr;  // code and set types
};

// Resolves an identifier (`age`, `sarc_f.band`) to a symbol, or nullopt with
// a reason in `why` ("unknown id", "defined later", ...).
using Resolver = std::function<std::optional<Symbol>(std::string_view name, std::string& why)>;

// Compiles `ast` expecting a result of type `want`. Returns false with `err`
// set (offset into the expression text) on the first problem.
bool compile_expression(const Ast& ast, const Resolver& resolve, Type want, Program& out, ExprError& err);

}  // namespace myoscreen::detail
