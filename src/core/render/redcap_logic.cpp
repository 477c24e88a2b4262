// ask_if → REDCap branching logic and derived → calc, from the syntax tree.
//
// myoscreen asks a question when its ask_if is not false (true or unknown);
// REDCap shows a field when its logic is true and reads a blank field as
// blank. So each condition C is written twice over: P(C), "C is not false",
// and N(C), "C is not true", with blanks spelt out:
//   P(x = v) = [x] = '' or [x] = v        N(x = v) = [x] = '' or [x] <> v
//   P(A and B) = P(A) and P(B)            N(A and B) = N(A) or N(B)
//   P(A or B)  = P(A) or P(B)             N(A or B)  = N(A) and N(B)
//   P(not A)   = N(A)                     N(not A)   = P(A)
// The branching logic is P(ask_if).
#include "render/redcap_logic.hpp"

#include <fmt/format.h>

#include "expr/expr_ast.hpp"

namespace myoscreen::detail {

std::string redcap_number(double v) { return v == 0 ? std::string("0") : fmt::format("{}", v); }

namespace {

// A piece of logic and its top-level connective ('a', 'o', or 0: an atom).
struct Logic {
    std::string text;
    char top = 0;
};

std::string wrap(const Logic& l, char joining) { return l.top != 0 && l.top != joining ? "(" + l.text + ")" : l.text; }

Logic join(const Logic& a, const Logic& b, char c) {
    return {wrap(a, c) + (c == 'a' ? " and " : " or ") + wrap(b, c), c};
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string_view negated(std::string_view op) {
    if (op == "=") return "<>";
    if (op == "<>") return "=";
    if (op == "<") return ">=";
    if (op == ">=") return "<";
    if (op == ">") return "<=";
    return ">";  // <=
}

std::string_view flipped(std::string_view op) {  // 40 <= age  →  age >= 40
    if (op == "<") return ">";
    if (op == ">") return "<";
    if (op == "<=") return ">=";
    if (op == ">=") return "<=";
    return op;
}

class Translator {
public:
    Translator(const Definitions& d, const Ast& a, const RedcapFields& f, std::string& why) : d_(d), a_(a), f_(f), why_(why) {}

    // P (positive = true) or N of node n.
    std::optional<Logic> logic(int n, bool positive) {
        const Node& x = a_.nodes[static_cast<std::size_t>(n)];
        switch (x.kind) {
        case Node::Kind::unary:
            if (x.text == "not") return logic(x.kids[0], !positive);
            return fail("a negative number is not a condition");
        case Node::Kind::binary: {
            if (x.text == "and" || x.text == "or") {
                auto l = logic(x.kids[0], positive), r = logic(x.kids[1], positive);
                if (!l || !r) return std::nullopt;
                // De Morgan: N swaps the connective.
                return join(*l, *r, (x.text == "and") == positive ? 'a' : 'o');
            }
            return comparison(x, positive);
        }
        case Node::Kind::ident: return yes_no(x, positive);
        case Node::Kind::in: return in(x, positive);
        case Node::Kind::call: return call(x, positive);
        default: return fail("a constant condition");
        }
    }

    std::optional<std::string> arithmetic(int n) {
        const Node& x = a_.nodes[static_cast<std::size_t>(n)];
        switch (x.kind) {
        case Node::Kind::number: return redcap_number(x.number);
        case Node::Kind::ident: {
            if (auto f = numeric_field(x.text)) return *f;
            why_ = "'" + x.text + "' has no numeric REDCap field";
            return std::nullopt;
        }
        case Node::Kind::unary:
            if (x.text == "-") {
                auto k = arithmetic(x.kids[0]);
                return k ? std::optional("(-" + *k + ")") : std::nullopt;
            }
            break;
        case Node::Kind::binary:
            if (x.text == "+" || x.text == "-" || x.text == "*" || x.text == "/") {
                auto l = arithmetic(x.kids[0]), r = arithmetic(x.kids[1]);
                if (!l || !r) return std::nullopt;
                return "(" + *l + " " + x.text + " " + *r + ")";
            }
            break;
        default: break;
        }
        why_ = "'" + x.text + "' is not arithmetic REDCap can compute";
        return std::nullopt;
    }

private:
    const Definitions& d_;
    const Ast& a_;
    const RedcapFields& f_;
    std::string& why_;

    std::nullopt_t fail(std::string why) {
        if (why_.empty()) why_ = std::move(why);
        return std::nullopt;
    }

    const Question* question(std::string_view id) const {
        const int q = d_.question_index(id);
        return q < 0 ? nullptr : &d_.questions[static_cast<std::size_t>(q)];
    }
    // `[id]` of a number question, or of a numeric derived value with a calc field.
    std::optional<std::string> numeric_field(std::string_view id) const {
        if (const Question* q = question(id); q && (q->type == QuestionType::integer || q->type == QuestionType::number))
            return "[" + q->id + "]";
        for (std::size_t k = 0; k < d_.derived.size(); ++k)
            if (d_.derived[k].id == id && !d_.derived[k].is_bool && f_.calc[k]) return "[" + d_.derived[k].id + "]";
        return std::nullopt;
    }

    // A field compared with a constant: `[x] = '' or [x] OP v`.
    std::optional<Logic> comparison(const Node& x, bool positive) {
        std::string_view op = x.text == "==" ? "=" : x.text == "!=" ? "<>" : std::string_view(x.text);
        if (op != "=" && op != "<>" && op != "<" && op != "<=" && op != ">" && op != ">=") return fail("arithmetic is not a condition");
        int field = x.kids[0], value = x.kids[1];
        if (a_.nodes[static_cast<std::size_t>(field)].kind != Node::Kind::ident) {
            std::swap(field, value);
            op = flipped(op);
        }
        const Node& f = a_.nodes[static_cast<std::size_t>(field)];
        const Node& v = a_.nodes[static_cast<std::size_t>(value)];
        if (f.kind != Node::Kind::ident) return fail("a comparison involving arithmetic or two fields");
        std::string name, literal;
        const Question* q = question(f.text);
        if (q && v.kind == Node::Kind::string && q->type == QuestionType::choice && (op == "=" || op == "<>") &&
            q->choice_index(v.text) >= 0) {
            name = "[" + q->id + "]";
            literal = quoted(q->choices[static_cast<std::size_t>(q->choice_index(v.text))].code);
        } else if (q && v.kind == Node::Kind::boolean && q->type == QuestionType::yes_no && (op == "=" || op == "<>")) {
            name = "[" + q->id + "]";
            literal = v.number != 0 ? "'1'" : "'0'";
        } else if (auto nf = numeric_field(f.text); nf && v.kind == Node::Kind::number) {
            name = *nf;
            literal = redcap_number(v.number);
        } else {
            return fail("'" + f.text + "' compared in a way REDCap's logic cannot say");
        }
        if (!positive) op = negated(op);
        return Logic{name + " = '' or " + name + " " + std::string(op) + " " + literal, 'o'};
    }

    std::optional<Logic> yes_no(const Node& x, bool positive) {
        const Question* q = question(x.text);
        if (!q || q->type != QuestionType::yes_no) return fail("'" + x.text + "' is not a yes/no question");
        const std::string name = "[" + q->id + "]";
        return Logic{name + " = '' or " + name + " = " + (positive ? "'1'" : "'0'"), 'o'};
    }

    std::optional<Logic> in(const Node& x, bool positive) {
        const Node& f = a_.nodes[static_cast<std::size_t>(x.kids[0])];
        const Node& list = a_.nodes[static_cast<std::size_t>(x.kids[1])];
        const Question* q = f.kind == Node::Kind::ident ? question(f.text) : nullptr;
        if (!q || q->type != QuestionType::choice || list.kind != Node::Kind::list) return fail("an 'in' REDCap's logic cannot say");
        const std::string name = "[" + q->id + "]";
        Logic any;
        for (int k : list.kids) {
            const Node& c = a_.nodes[static_cast<std::size_t>(k)];
            if (c.kind != Node::Kind::string || q->choice_index(c.text) < 0) return fail("an 'in' list of other than codes");
            const Logic one{name + (positive ? " = " : " <> ") + quoted(q->choices[static_cast<std::size_t>(q->choice_index(c.text))].code), 0};
            any = any.text.empty() ? one : join(any, one, positive ? 'o' : 'a');
        }
        if (any.text.empty()) return fail("an empty 'in' list");
        return join(Logic{name + " = ''", 0}, any, 'o');
    }

    // A checkbox option: [m(code)]. A checkbox with no option ticked is unanswered.
    static std::string option(const Question& q, std::size_t c) { return "[" + q.id + "(" + q.choices[c].code + ")]"; }
    static Logic all_options(const Question& q, std::string_view value, char c, std::size_t except) {
        Logic out;
        for (std::size_t k = 0; k < q.choices.size(); ++k) {
            if (k == except) continue;
            const Logic one{option(q, k) + " = '" + std::string(value) + "'", 0};
            out = out.text.empty() ? one : join(out, one, c);
        }
        return out;
    }

    std::optional<Logic> call(const Node& x, bool positive) {
        const Node* arg = x.kids.empty() ? nullptr : &a_.nodes[static_cast<std::size_t>(x.kids[0])];
        const Question* q = arg && arg->kind == Node::Kind::ident ? question(arg->text) : nullptr;
        if (x.text == "has" && q && q->type == QuestionType::multi_choice && x.kids.size() == 2) {
            const Node& code = a_.nodes[static_cast<std::size_t>(x.kids[1])];
            const int c = q->choice_index(code.text);
            if (code.kind != Node::Kind::string || c < 0) return fail("has() of other than a code");
            const auto ci = static_cast<std::size_t>(c);
            // True: ticked. False: another option ticked and not this one.
            if (!positive) return Logic{option(*q, ci) + " = '0'", 0};
            if (q->choices.size() == 1) return fail("has() of a checkbox with one option is never false");
            return join(Logic{option(*q, ci) + " = '1'", 0}, all_options(*q, "0", 'a', ci), 'o');
        }
        if (x.text == "answered" && arg && arg->kind == Node::Kind::ident) {
            // Never unknown: P and N are "answered" and "not answered".
            if (q && q->type == QuestionType::multi_choice)
                return positive ? all_options(*q, "1", 'o', q->choices.size()) : all_options(*q, "0", 'a', q->choices.size());
            std::optional<std::string> name;
            if (q) name = "[" + q->id + "]";
            else name = numeric_field(arg->text);
            if (!name) return fail("answered() of a value without a REDCap field");
            return Logic{*name + (positive ? " <> ''" : " = ''"), 0};
        }
        return fail(x.text + "() has no REDCap equivalent");
    }
};

}  // namespace

std::optional<std::string> redcap_branching(const Definitions& d, const Question& q, const RedcapFields& f, std::string& why) {
    if (q.ask_if_text.empty()) return std::string();
    Ast ast;
    ExprError err;
    if (!parse_expression(q.ask_if_text, ast, err) || ast.root < 0) {  // it parsed at load: cannot happen
        why = "the ask_if does not parse";
        return std::nullopt;
    }
    why.clear();
    Translator t(d, ast, f, why);
    auto l = t.logic(ast.root, true);
    if (!l) return std::nullopt;
    return l->text;
}

std::optional<std::string> redcap_calc(const Definitions& d, const Derived& v, const RedcapFields& f, std::string& why) {
    if (v.is_bool) {
        why = "a yes/no derived value (REDCap calc fields are numbers)";
        return std::nullopt;
    }
    Ast ast;
    ExprError err;
    if (!parse_expression(v.expr_text, ast, err) || ast.root < 0) {
        why = "the expression does not parse";
        return std::nullopt;
    }
    why.clear();
    Translator t(d, ast, f, why);
    auto e = t.arithmetic(ast.root);
    if (!e) return std::nullopt;
    // Outer parentheses of a binary operation are not needed.
    if (e->size() > 2 && e->front() == '(' && e->back() == ')' && ast.nodes[static_cast<std::size_t>(ast.root)].kind == Node::Kind::binary) return e->substr(1, e->size() - 2);
    return e;
}

}  // namespace myoscreen::detail
