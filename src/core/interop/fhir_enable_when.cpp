// An ask_if as FHIR enableWhen, when that is exact (docs/interop.md): one
// simple test, or tests joined by only `and` (enableBehavior all) or only
// `or` (any). A form hides disabled items and FHIR treats them as
// unanswered, so each test is true exactly when our test is true; `!=`
// needs `exists` beside it, because R4 lets `!=` be true of an unanswered
// question. Anything else is FHIRPath (fhirpath_ask_if.cpp).
#include <cmath>
#include <optional>

#include "interop/fhir_common.hpp"
#include "myoscreen/fhir_questionnaire.hpp"

namespace myoscreen {
namespace {

using detail::Node;
using When = FhirEnable::When;

class Planner {
public:
    Planner(const Definitions& d, const detail::Ast& a) : d_(d), a_(a) {}

    // The tests joined by `op` under node i, flattened; false when one is no
    // simple test.
    bool leaves(int i, const std::string& op, std::vector<int>& out) const {
        const Node& n = node(i);
        if (n.kind == Node::Kind::binary && (n.text == "and" || n.text == "or")) {
            if (n.text != op) return false;
            return leaves(n.kids[0], op, out) && leaves(n.kids[1], op, out);
        }
        out.push_back(i);
        return true;
    }

    // The enableWhen of one simple test; `in_all`: joined by and (or alone).
    bool test(int i, bool in_all, bool alone, std::vector<When>& out) const {
        const Node& n = node(i);
        switch (n.kind) {
        case Node::Kind::ident: {  // a yes_no question: = true
            const Question* q = interop::question_named(d_, n.text);
            if (!q || q->type != QuestionType::yes_no) return false;
            return add(out, When{q->id, "=", When::Answer::boolean, true, 0, {}});
        }
        case Node::Kind::call: {
            if (n.text == "has" && n.kids.size() == 2) {
                const Question* q = interop::question_named(d_, node(n.kids[0]).text);
                if (!q || node(n.kids[1]).kind != Node::Kind::string) return false;
                return add(out, When{q->id, "=", When::Answer::coding, false, 0, node(n.kids[1]).text});
            }
            if (n.text == "answered" && n.kids.size() == 1) {
                const Question* q = interop::question_named(d_, node(n.kids[0]).text);
                if (!q) return false;
                return add(out, When{q->id, "exists", When::Answer::boolean, true, 0, {}});
            }
            return false;
        }
        case Node::Kind::binary: return comparison(n, in_all, out);
        case Node::Kind::in: {
            // One of several values: `any` of `=`, so only alone or under or.
            const Node& list = node(n.kids[1]);
            if (in_all && !(alone || list.kids.size() == 1)) return false;
            for (int k : list.kids) {
                const std::optional<When> w = equals(n.kids[0], k, "=");
                if (!w) return false;
                add(out, *w);
            }
            return !list.kids.empty();
        }
        default: return false;
        }
    }

private:
    const Definitions& d_;
    const detail::Ast& a_;

    const Node& node(int i) const { return a_.nodes[static_cast<std::size_t>(i)]; }

    static bool add(std::vector<When>& out, const When& w) {
        for (const When& o : out)
            if (o.question == w.question && o.op == w.op && o.answer == w.answer && o.boolean == w.boolean && o.number == w.number &&
                o.code == w.code)
                return true;
        out.push_back(w);
        return true;
    }

    // question <op> literal, as one enableWhen, or none.
    std::optional<When> equals(int qi, int li, const std::string& op) const {
        const Node& qn = node(qi);
        const Node& lit = node(li);
        if (qn.kind != Node::Kind::ident) return std::nullopt;
        const Question* q = interop::question_named(d_, qn.text);
        if (!q) return std::nullopt;
        switch (q->type) {
        case QuestionType::choice:
            if (lit.kind != Node::Kind::string || (op != "=" && op != "!=")) return std::nullopt;
            return When{q->id, op, When::Answer::coding, false, 0, lit.text};
        case QuestionType::yes_no:
            if (lit.kind != Node::Kind::boolean || (op != "=" && op != "!=")) return std::nullopt;
            return When{q->id, op, When::Answer::boolean, lit.number != 0, 0, {}};
        case QuestionType::integer:
            // An integer item's answers are integers: a test against a
            // fraction has no answerInteger.
            if (lit.kind != Node::Kind::number || !interop::fhir_integer(lit.number)) return std::nullopt;
            return When{q->id, op, When::Answer::integer, false, lit.number, {}};
        case QuestionType::number:
            if (lit.kind != Node::Kind::number || !std::isfinite(lit.number)) return std::nullopt;
            return When{q->id, op, When::Answer::decimal, false, lit.number, {}};
        case QuestionType::multi_choice: return std::nullopt;
        }
        return std::nullopt;
    }

    bool comparison(const Node& n, bool in_all, std::vector<When>& out) const {
        static constexpr std::pair<std::string_view, std::string_view> ops[] = {
            {"==", "="}, {"!=", "!="}, {"<", "<"}, {"<=", "<="}, {">", ">"}, {">=", ">="}};
        static constexpr std::pair<std::string_view, std::string_view> flipped[] = {
            {"=", "="}, {"!=", "!="}, {"<", ">"}, {"<=", ">="}, {">", "<"}, {">=", "<="}};
        std::string op;
        for (const auto& [ours, fhir] : ops)
            if (n.text == ours) op = fhir;
        if (op.empty()) return false;
        std::optional<When> w = equals(n.kids[0], n.kids[1], op);
        if (!w) {
            for (const auto& [a, b] : flipped)
                if (op == a) op = b;
            w = equals(n.kids[1], n.kids[0], op);
        }
        if (!w) return false;
        if (op == "!=") {
            // Unanswered makes our != unknown (not asked) but may make R4's
            // != true: `exists` beside it, which only `all` can join.
            if (!in_all) return false;
            add(out, When{w->question, "exists", When::Answer::boolean, true, 0, {}});
        }
        return add(out, *w);
    }
};

}  // namespace

FhirEnable fhir_enable(const Definitions& d, int q) {
    FhirEnable e;
    const Question& question = d.questions[static_cast<std::size_t>(q)];
    const detail::Ast ast = interop::ask_if_ast(question);
    if (ast.root < 0) return e;
    const Node& root = ast.nodes[static_cast<std::size_t>(ast.root)];
    if (root.kind == Node::Kind::boolean && root.number != 0) return e;  // `true`: always asked
    const Planner p(d, ast);
    std::vector<int> tests;
    bool any = false;
    bool ok = false;
    if (root.kind == Node::Kind::binary && (root.text == "and" || root.text == "or")) {
        any = root.text == "or";
        ok = p.leaves(ast.root, root.text, tests);
    } else {
        tests.push_back(ast.root);
        ok = true;
    }
    std::vector<When> when;
    for (std::size_t i = 0; ok && i < tests.size(); ++i) ok = p.test(tests[i], !any, tests.size() == 1, when);
    if (ok) {
        // One test that became several enableWhen: an `in` list is `any`;
        // `!=` with `exists` is `all`.
        if (tests.size() == 1 && when.size() > 1) any = ast.nodes[static_cast<std::size_t>(ast.root)].kind == Node::Kind::in;
        e.kind = FhirEnable::Kind::enable_when;
        e.when = std::move(when);
        e.any = any;
        return e;
    }
    e.kind = FhirEnable::Kind::expression;
    e.expression = ask_if_fhirpath(d, q);
    return e;
}

}  // namespace myoscreen
