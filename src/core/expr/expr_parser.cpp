// Recursive-descent parser for the definitions expression language:
//   or  := and ('or' and)*          and := not ('and' not)*
//   not := 'not' not | cmp          cmp := add (CMP add | 'in' list)?
//   add := mul (('+'|'-') mul)*     mul := unary (('*'|'/') unary)*
//   unary := '-' unary | primary
//   primary := NUMBER | STRING | true | false | '(' or ')'
//            | IDENT ('.' IDENT)? | IDENT '(' args ')'
// Nesting is limited so hostile definitions cannot exhaust the stack.
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "expr/expr_ast.hpp"

namespace myoscreen::detail {
namespace {

enum class Tok { end, number, string, ident, op, lparen, rparen, lbrack, rbrack, comma, dot, bad };

struct Token {
    Tok kind = Tok::end;
    std::string_view text;
    int begin = 0;
};

class Parser {
public:
    Parser(std::string_view s, Ast& ast, ExprError& err) : s_(s), ast_(ast), err_(err) {}

    bool run() {
        if (s_.size() > max_expr_length) return fail(0, "expression is longer than 4096 characters");
        next();
        int root = parse_or();
        if (root < 0) return false;
        if (tok_.kind != Tok::end) return fail(tok_.begin, "unexpected " + describe(tok_) + " after the expression");
        ast_.root = root;
        return true;
    }

private:
    std::string_view s_;
    Ast& ast_;
    ExprError& err_;
    Token tok_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    bool failed_ = false;

    bool fail(int offset, std::string msg) {
        if (!failed_) {
            err_ = {offset, std::move(msg)};
            failed_ = true;
        }
        return false;
    }

    static std::string describe(const Token& t) {
        if (t.kind == Tok::end) return "end of expression";
        return fmt::format("'{}'", t.text);
    }

    void next() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        tok_.begin = static_cast<int>(pos_);
        if (pos_ >= s_.size()) { tok_ = {Tok::end, {}, tok_.begin}; return; }
        const char c = s_[pos_];
        auto take = [&](Tok k, std::size_t n) { tok_.kind = k; tok_.text = s_.substr(pos_, n); pos_ += n; };
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && pos_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
            std::size_t e = pos_;
            while (e < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[e])) || s_[e] == '.')) ++e;
            take(Tok::number, e - pos_);
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t e = pos_;
            while (e < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_')) ++e;
            take(Tok::ident, e - pos_);
        } else if (c == '\'') {
            std::size_t e = s_.find('\'', pos_ + 1);
            if (e == std::string_view::npos) { take(Tok::bad, s_.size() - pos_); fail(tok_.begin, "unterminated string"); return; }
            take(Tok::string, e + 1 - pos_);
        } else if (c == '(') take(Tok::lparen, 1);
        else if (c == ')') take(Tok::rparen, 1);
        else if (c == '[') take(Tok::lbrack, 1);
        else if (c == ']') take(Tok::rbrack, 1);
        else if (c == ',') take(Tok::comma, 1);
        else if (c == '.') take(Tok::dot, 1);
        else if ((c == '=' || c == '!' || c == '<' || c == '>') && pos_ + 1 < s_.size() && s_[pos_ + 1] == '=') take(Tok::op, 2);
        else if (c == '<' || c == '>' || c == '+' || c == '-' || c == '*' || c == '/') take(Tok::op, 1);
        else if (c == '=') { take(Tok::bad, 1); fail(tok_.begin, "'=' is not an operator; use '==' to compare"); }
        else { take(Tok::bad, 1); fail(tok_.begin, "unexpected character '" + std::string(1, c) + "'"); }
    }

    bool is_word(std::string_view w) const { return tok_.kind == Tok::ident && tok_.text == w; }
    bool is_op(std::string_view o) const { return tok_.kind == Tok::op && tok_.text == o; }

    int add(Node n) {
        ast_.nodes.push_back(std::move(n));
        return static_cast<int>(ast_.nodes.size()) - 1;
    }
    int binary(std::string op, int l, int r) {
        Node n{Node::Kind::binary, std::move(op), 0, {l, r}, ast_.nodes[l].begin, ast_.nodes[r].end};
        return add(std::move(n));
    }

    // Guards recursion: each nested parenthesis, call argument, 'not' or
    // unary minus costs one level.
    struct Depth {
        Parser& p;
        bool ok;
        explicit Depth(Parser& pp) : p(pp), ok(++pp.depth_ <= max_expr_depth) {
            if (!ok) p.fail(p.tok_.begin, "expression is nested more than 32 levels deep");
        }
        ~Depth() { --p.depth_; }
    };

    // One left-associative level: operand (op operand)*, where `is_op_tok`
    // says whether the current token is one of this level's operators.
    template <class Operand, class IsOp>
    int left_assoc(Operand operand, IsOp is_op_tok) {
        int l = (this->*operand)();
        while (l >= 0 && is_op_tok()) {
            std::string op(tok_.text);
            next();
            int r = (this->*operand)();
            if (r < 0) return -1;
            l = binary(op, l, r);
        }
        return l;
    }

    int parse_or() {
        Depth d(*this);
        if (!d.ok) return -1;
        return left_assoc(&Parser::parse_and, [&] { return is_word("or"); });
    }
    int parse_and() { return left_assoc(&Parser::parse_not, [&] { return is_word("and"); }); }
    int parse_not() {
        if (is_word("not")) {
            Depth d(*this);
            if (!d.ok) return -1;
            int begin = tok_.begin;
            next();
            int k = parse_not();
            if (k < 0) return -1;
            return add(Node{Node::Kind::unary, "not", 0, {k}, begin, ast_.nodes[k].end});
        }
        return parse_cmp();
    }
    int parse_cmp() {
        int l = parse_add();
        if (l < 0) return -1;
        if (tok_.kind == Tok::op && (tok_.text == "==" || tok_.text == "!=" || tok_.text == "<" ||
                                     tok_.text == "<=" || tok_.text == ">" || tok_.text == ">=")) {
            std::string op(tok_.text);
            next();
            int r = parse_add();
            if (r < 0) return -1;
            l = binary(op, l, r);
            if (tok_.kind == Tok::op && tok_.text.size() <= 2 && tok_.text != "+" && tok_.text != "-" && tok_.text != "*" && tok_.text != "/")
                return fail(tok_.begin, "comparisons cannot be chained; combine them with 'and'"), -1;
        } else if (is_word("in")) {
            next();
            int r = parse_list();
            if (r < 0) return -1;
            Node n{Node::Kind::in, "in", 0, {l, r}, ast_.nodes[l].begin, ast_.nodes[r].end};
            l = add(std::move(n));
        }
        return l;
    }
    int parse_add() { return left_assoc(&Parser::parse_mul, [&] { return is_op("+") || is_op("-"); }); }
    int parse_mul() { return left_assoc(&Parser::parse_unary, [&] { return is_op("*") || is_op("/"); }); }
    int parse_unary() {
        if (is_op("-")) {
            Depth d(*this);
            if (!d.ok) return -1;
            int begin = tok_.begin;
            next();
            int k = parse_unary();
            if (k < 0) return -1;
            return add(Node{Node::Kind::unary, "-", 0, {k}, begin, ast_.nodes[k].end});
        }
        return parse_primary();
    }
    int parse_list() {
        if (tok_.kind != Tok::lbrack) return fail(tok_.begin, "expected '[' after 'in', got " + describe(tok_)), -1;
        Node list{Node::Kind::list, "", 0, {}, tok_.begin, 0};
        next();
        while (tok_.kind != Tok::rbrack) {
            bool neg = is_op("-");
            if (neg) next();
            if (tok_.kind != Tok::string && tok_.kind != Tok::number)
                return fail(tok_.begin, "a list holds quoted codes or numbers, got " + describe(tok_)), -1;
            int k = parse_primary();
            if (k < 0) return -1;
            if (neg) ast_.nodes[k].number = -ast_.nodes[k].number;
            list.kids.push_back(k);
            if (tok_.kind == Tok::comma) next();
            else if (tok_.kind != Tok::rbrack) return fail(tok_.begin, "expected ',' or ']' in the list, got " + describe(tok_)), -1;
        }
        list.end = tok_.begin + 1;
        next();
        if (list.kids.empty()) return fail(list.begin, "empty list"), -1;
        return add(std::move(list));
    }
    int parse_primary() {
        const Token t = tok_;
        const int end = t.begin + static_cast<int>(t.text.size());
        switch (t.kind) {
        case Tok::number: {
            double v = 0;
            auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
            if (ec != std::errc{} || p != t.text.data() + t.text.size()) return fail(t.begin, "malformed number '" + std::string(t.text) + "'"), -1;
            next();
            return add(Node{Node::Kind::number, "", v, {}, t.begin, end});
        }
        case Tok::string:
            next();
            return add(Node{Node::Kind::string, std::string(t.text.substr(1, t.text.size() - 2)), 0, {}, t.begin, end});
        case Tok::lparen: {
            next();  // the nesting is counted by parse_or
            int k = parse_or();
            if (k < 0) return -1;
            if (tok_.kind != Tok::rparen) return fail(tok_.begin, "expected ')', got " + describe(tok_)), -1;
            next();
            return k;
        }
        case Tok::ident: {
            if (t.text == "true" || t.text == "false") {
                next();
                return add(Node{Node::Kind::boolean, "", t.text == "true" ? 1.0 : 0.0, {}, t.begin, end});
            }
            if (t.text == "and" || t.text == "or" || t.text == "not" || t.text == "in")
                return fail(t.begin, "expected a value, got '" + std::string(t.text) + "'"), -1;
            next();
            if (tok_.kind == Tok::lparen) return parse_call(t);
            std::string name(t.text);
            int e = end;
            if (tok_.kind == Tok::dot) {
                next();
                if (tok_.kind != Tok::ident) return fail(tok_.begin, "expected a name after '.', got " + describe(tok_)), -1;
                name += '.';
                name += tok_.text;
                e = tok_.begin + static_cast<int>(tok_.text.size());
                next();
            }
            return add(Node{Node::Kind::ident, std::move(name), 0, {}, t.begin, e});
        }
        default:
            if (failed_) return -1;
            return fail(t.begin, "expected a value, got " + describe(t)), -1;
        }
    }
    int parse_call(const Token& name) {
        Node call{Node::Kind::call, std::string(name.text), 0, {}, name.begin, 0};
        next();  // '('
        while (tok_.kind != Tok::rparen) {
            int k = tok_.kind == Tok::lbrack ? parse_list() : parse_or();
            if (k < 0) return -1;
            call.kids.push_back(k);
            if (tok_.kind == Tok::comma) next();
            else if (tok_.kind != Tok::rparen) return fail(tok_.begin, "expected ',' or ')' in the call to " + call.text + ", got " + describe(tok_)), -1;
        }
        call.end = tok_.begin + 1;
        next();
        return add(std::move(call));
    }
};

}  // namespace

bool parse_expression(std::string_view text, Ast& out, ExprError& err) {
    out = Ast{};
    Parser p(text, out, err);
    return p.run();
}

}  // namespace myoscreen::detail
