// Expression syntax tree with column spans, between parsing and compiling.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace myoscreen::detail {

struct Node {
    enum class Kind { number, string, boolean, ident, unary, binary, in, call, list };
    Kind kind = Kind::number;
    std::string text;   // identifier (may contain one '.'), string, operator or call name
    double number = 0;
    std::vector<int> kids;
    int begin = 0, end = 0;  // byte offsets in the expression text
};

struct Ast {
    std::vector<Node> nodes;
    int root = -1;
};

struct ExprError {
    int offset = 0;  // byte offset in the expression text
    std::string message;
};

inline constexpr int max_expr_depth = 32;
inline constexpr std::size_t max_expr_length = 4096;

// Parses `text`; on failure returns false and fills `err`.
bool parse_expression(std::string_view text, Ast& out, ExprError& err);

}  // namespace myoscreen::detail
