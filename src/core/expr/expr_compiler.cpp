// Compiles an expression tree into a Program at load: names to slots, literals to indices, types checked.
#include "expr/expr_compiler.hpp"

#include <algorithm>

namespace myoscreen::detail {

std::string_view to_string(Type t) {
    switch (t) {
    case Type::boolean: return "a condition (true/false)";
    case Type::number: return "a number";
    case Type::code: return "a choice";
    case Type::set: return "a multiple choice";
    }
    return "?";
}

namespace {

struct Typed {
    Type type;
    const std::vector<std::string>* codes = nullptr;
};

class Compiler {
public:
    Compiler(const Ast& ast, const Resolver& r, Program& out, ExprError& err)
        : ast_(ast), resolve_(r), out_(out), err_(err) {}

    std::optional<Typed> node(int i) {
        const Node& n = ast_.nodes[i];
        switch (n.kind) {
        case Node::Kind::number: emit({Op::constant, 0, n.number, 0}); return Typed{Type::number};
        case Node::Kind::boolean: emit({Op::constant, 0, n.number, 0}); return Typed{Type::boolean};
        case Node::Kind::string:
            return fail(n, "a quoted code can only be compared with a choice, e.g. sex == 'male'");
        case Node::Kind::list: return fail(n, "a list can only follow 'in' or be a count() argument");
        case Node::Kind::ident: {
            auto s = symbol(n);
            if (!s) return std::nullopt;
            if (s->type == Type::set)
                return fail(n, "'" + n.text + "' is a multiple choice; use has(" + n.text + ", 'code') or count(...)");
            emit({Op::load, s->slot, 0, 0});
            return Typed{s->type, s->codes};
        }
        case Node::Kind::unary: {
            const bool is_not = n.text == "not";
            auto k = node(n.kids[0]);
            if (!k) return std::nullopt;
            const Type want = is_not ? Type::boolean : Type::number;
            if (k->type != want) return mismatch(ast_.nodes[n.kids[0]], want, k->type, n.text);
            emit({is_not ? Op::not_ : Op::neg, 0, 0, 0});
            return Typed{want};
        }
        case Node::Kind::binary: return binary(n);
        case Node::Kind::in: return in(n);
        case Node::Kind::call: return call(n);
        }
        return std::nullopt;
    }

private:
    const Ast& ast_;
    const Resolver& resolve_;
    Program& out_;
    ExprError& err_;
    int sp_ = 0;

    void emit(Instr in) {
        out_.code.push_back(in);
        switch (in.op) {
        case Op::constant: case Op::load: ++sp_; break;
        case Op::neg: case Op::not_: case Op::in_mask: case Op::has: case Op::count: case Op::answered: break;
        case Op::at_least: sp_ -= in.arg - 1; break;
        default: --sp_; break;
        }
        out_.max_stack = std::max(out_.max_stack, sp_);
    }

    std::nullopt_t fail(const Node& n, std::string msg) {
        err_ = {n.begin, std::move(msg)};
        return std::nullopt;
    }
    std::nullopt_t mismatch(const Node& n, Type want, Type got, std::string_view op) {
        return fail(n, std::string("'") + std::string(op) + "' needs " + std::string(to_string(want)) +
                           ", but this is " + std::string(to_string(got)));
    }

    std::optional<Symbol> symbol(const Node& n) {
        std::string why;
        auto s = resolve_(n.text, why);
        if (!s) fail(n, why.empty() ? "unknown id '" + n.text + "'" : why);
        return s;
    }

    // A quoted code compared with a choice or band: resolved to its index.
    std::optional<int> code_index(const Node& n, const std::vector<std::string>& codes, const Node& subject) {
        auto it = std::find(codes.begin(), codes.end(), n.text);
        if (it == codes.end()) {
            std::string known;
            for (const auto& c : codes) known += (known.empty() ? "" : ", ") + c;
            fail(n, "'" + n.text + "' is not a code of '" + subject.text + "' (codes: " + known + ")");
            return std::nullopt;
        }
        return static_cast<int>(it - codes.begin());
    }

    std::optional<Typed> binary(const Node& n) {
        const std::string& op = n.text;
        const Node& l = ast_.nodes[n.kids[0]];
        const Node& r = ast_.nodes[n.kids[1]];
        if (op == "and" || op == "or") {
            for (int k : n.kids) {
                auto t = node(k);
                if (!t) return std::nullopt;
                if (t->type != Type::boolean) return mismatch(ast_.nodes[k], Type::boolean, t->type, op);
            }
            emit({op == "and" ? Op::and_ : Op::or_, 0, 0, 0});
            return Typed{Type::boolean};
        }
        const bool equality = op == "==" || op == "!=";
        if (equality && (l.kind == Node::Kind::string || r.kind == Node::Kind::string)) {
            const Node& lit = l.kind == Node::Kind::string ? l : r;
            const Node& subj = l.kind == Node::Kind::string ? r : l;
            if (subj.kind == Node::Kind::string) return fail(n, "comparing two quoted codes is always the same; compare a choice instead");
            auto t = node(static_cast<int>(&subj - ast_.nodes.data()));
            if (!t) return std::nullopt;
            if (t->type != Type::code) return fail(lit, "a quoted code can only be compared with a choice, and this is " + std::string(to_string(t->type)));
            auto idx = code_index(lit, *t->codes, subj);
            if (!idx) return std::nullopt;
            emit({Op::constant, 0, static_cast<double>(*idx), 0});
            emit({op == "==" ? Op::eq : Op::ne, 0, 0, 0});
            return Typed{Type::boolean};
        }
        auto a = node(n.kids[0]);
        if (!a) return std::nullopt;
        auto b = node(n.kids[1]);
        if (!b) return std::nullopt;
        if (equality) {
            if (a->type != b->type || a->codes != b->codes)
                return fail(n, "'" + op + "' compares " + std::string(to_string(a->type)) + " with " + std::string(to_string(b->type)));
            emit({op == "==" ? Op::eq : Op::ne, 0, 0, 0});
            return Typed{Type::boolean};
        }
        if (a->type != Type::number) return mismatch(l, Type::number, a->type, op);
        if (b->type != Type::number) return mismatch(r, Type::number, b->type, op);
        static const std::pair<const char*, Op> ops[] = {{"+", Op::add}, {"-", Op::sub}, {"*", Op::mul}, {"/", Op::div},
                                                          {"<", Op::lt}, {"<=", Op::le}, {">", Op::gt}, {">=", Op::ge}};
        for (auto [name, o] : ops)
            if (op == name) {
                emit({o, 0, 0, 0});
                return Typed{o <= Op::neg ? Type::number : Type::boolean};
            }
        return fail(n, "unknown operator '" + op + "'");
    }

    std::optional<Typed> in(const Node& n) {
        const Node& subj = ast_.nodes[n.kids[0]];
        const Node& list = ast_.nodes[n.kids[1]];
        auto t = node(n.kids[0]);
        if (!t) return std::nullopt;
        if (t->type == Type::code) {
            auto mask = code_mask(list, *t->codes, subj);
            if (!mask) return std::nullopt;
            emit({Op::in_mask, 0, 0, *mask});
            return Typed{Type::boolean};
        }
        if (t->type != Type::number) return fail(subj, "'in' needs a choice or a number, but this is " + std::string(to_string(t->type)));
        // x in [a, b] on numbers: (x == a) or (x == b); the subject is reloaded.
        const std::size_t subject_begin = out_.code.size() - 1;
        if (subj.kind != Node::Kind::ident) return fail(subj, "'in' with numbers needs a plain id on the left");
        for (std::size_t i = 0; i < list.kids.size(); ++i) {
            const Node& v = ast_.nodes[list.kids[i]];
            if (v.kind != Node::Kind::number) return fail(v, "this list holds numbers; quoted codes do not belong here");
            if (i > 0) emit(out_.code[subject_begin]);
            emit({Op::constant, 0, v.number, 0});
            emit({Op::eq, 0, 0, 0});
            if (i > 0) emit({Op::or_, 0, 0, 0});
        }
        return Typed{Type::boolean};
    }

    std::optional<std::uint64_t> code_mask(const Node& list, const std::vector<std::string>& codes, const Node& subj) {
        if (list.kind != Node::Kind::list) return fail(list, "expected a list of quoted codes like ['a', 'b']");
        std::uint64_t mask = 0;
        for (int k : list.kids) {
            const Node& v = ast_.nodes[k];
            if (v.kind != Node::Kind::string) return fail(v, "expected a quoted code");
            auto idx = code_index(v, codes, subj);
            if (!idx) return std::nullopt;
            mask |= std::uint64_t{1} << *idx;
        }
        return mask;
    }

    std::optional<Typed> call(const Node& n) {
        const std::string& f = n.text;
        const auto argc = n.kids.size();
        if (f == "has" || f == "count") {
            if (argc != 2) return fail(n, f + "() takes two arguments: a multiple-choice id and " + (f == "has" ? "a quoted code" : "a list of quoted codes"));
            const Node& subj = ast_.nodes[n.kids[0]];
            if (subj.kind != Node::Kind::ident) return fail(subj, f + "() needs a multiple-choice question id first");
            auto s = symbol(subj);
            if (!s) return std::nullopt;
            if (s->type != Type::set) return fail(subj, "'" + subj.text + "' is not a multiple choice");
            const Node& arg = ast_.nodes[n.kids[1]];
            std::uint64_t mask = 0;
            if (f == "has") {
                if (arg.kind != Node::Kind::string) return fail(arg, "has() needs a quoted code second");
                auto idx = code_index(arg, *s->codes, subj);
                if (!idx) return std::nullopt;
                mask = std::uint64_t{1} << *idx;
            } else {
                auto m = code_mask(arg, *s->codes, subj);
                if (!m) return std::nullopt;
                mask = *m;
            }
            emit({Op::load, s->slot, 0, 0});
            emit({f == "has" ? Op::has : Op::count, 0, 0, mask});
            return Typed{f == "has" ? Type::boolean : Type::number};
        }
        if (f == "answered") {
            if (argc != 1 || ast_.nodes[n.kids[0]].kind != Node::Kind::ident)
                return fail(n, "answered() takes one id");
            auto s = symbol(ast_.nodes[n.kids[0]]);
            if (!s) return std::nullopt;
            emit({Op::load, s->slot, 0, 0});
            emit({Op::answered, 0, 0, 0});
            return Typed{Type::boolean};
        }
        if (f == "at_least") {
            if (argc < 2) return fail(n, "at_least() takes a count and one or more conditions");
            const Node& k = ast_.nodes[n.kids[0]];
            if (k.kind != Node::Kind::number || k.number < 0 || k.number != static_cast<int>(k.number))
                return fail(k, "at_least() needs a whole number first");
            for (std::size_t i = 1; i < argc; ++i) {
                auto t = node(n.kids[i]);
                if (!t) return std::nullopt;
                if (t->type != Type::boolean) return mismatch(ast_.nodes[n.kids[i]], Type::boolean, t->type, "at_least");
            }
            emit({Op::at_least, static_cast<std::int32_t>(argc - 1), k.number, 0});
            return Typed{Type::boolean};
        }
        return fail(n, "unknown function '" + f + "' (known: has, count, answered, at_least)");
    }
};

}  // namespace

// Peephole: `load s; constant c; <compare>` becomes one load_cmp,
// `count m; constant 1; >=` (or `> 0`) one has,
// `load s; in_mask|has` one load_in_mask|load_has, and `load s; and|or` (the
// load being the right operand) one and_load|or_load. A load and a constant
// each push one value, so the pair right before a comparison is its operands.
static void fuse(Program& p) {
    std::vector<Instr> out;
    out.reserve(p.code.size());
    for (const Instr& in : p.code) {
        const std::size_t n = out.size();
        if ((in.op == Op::ge || in.op == Op::gt) && n >= 2 && out[n - 2].op == Op::count && out[n - 1].op == Op::constant &&
            out[n - 1].num == (in.op == Op::ge ? 1 : 0)) {
            // count(x, [...]) >= 1 is has(x, any of [...]): absent, unknown
            // and what could change them behave the same either way.
            const Instr has{Op::has, 0, 0, out[n - 2].mask};
            out.resize(n - 2);
            if (n >= 3 && out[n - 3].op == Op::load) out[n - 3] = Instr{Op::load_has, out[n - 3].arg, 0, has.mask};
            else out.push_back(has);
        } else if (in.op >= Op::eq && in.op <= Op::ge && n >= 2 && out[n - 2].op == Op::load && out[n - 1].op == Op::constant) {
            const Instr fused{Op::load_cmp, out[n - 2].arg, out[n - 1].num, static_cast<std::uint64_t>(in.op)};
            out.resize(n - 2);
            out.push_back(fused);
        } else if ((in.op == Op::and_ || in.op == Op::or_) && n >= 2 && out[n - 1].op == Op::load) {
            // The load pushed the right operand: combine with the slot directly.
            out[n - 1] = Instr{in.op == Op::and_ ? Op::and_load : Op::or_load, out[n - 1].arg, 0, 0};
        } else if ((in.op == Op::in_mask || in.op == Op::has) && n >= 1 && out[n - 1].op == Op::load) {
            out[n - 1] = Instr{in.op == Op::has ? Op::load_has : Op::load_in_mask, out[n - 1].arg, 0, in.mask};
        } else {
            out.push_back(in);
        }
    }
    p.code = std::move(out);
}

bool compile_expression(const Ast& ast, const Resolver& resolve, Type want, Program& out, ExprError& err) {
    out = Program{};
    Compiler c(ast, resolve, out, err);
    auto t = c.node(ast.root);
    if (!t) return false;
    if (t->type != want) {
        err = {ast.nodes[ast.root].begin, "expected " + std::string(to_string(want)) + ", but this is " + std::string(to_string(t->type))};
        return false;
    }
    fuse(out);
    out.one_step = out.code.size() == 1;
    if (out.one_step) out.step = out.code[0];
    out.logic = want == Type::boolean && out.code.size() > 1 && std::all_of(out.code.begin(), out.code.end(), [](const Instr& in) {
        switch (in.op) {
        case Op::constant: case Op::load: case Op::load_cmp: case Op::load_in_mask: case Op::load_has:
        case Op::and_load: case Op::or_load: case Op::and_: case Op::or_: case Op::not_: case Op::at_least: return true;
        default: return false;
        }
    });
    return true;
}

}  // namespace myoscreen::detail
