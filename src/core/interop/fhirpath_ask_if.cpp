// An ask_if in FHIRPath, from its syntax tree, for the SDC
// enableWhenExpression: three-valued as our evaluator is. FHIRPath's empty
// collection is our unknown (its and, or, not, comparisons and arithmetic
// are Kleene on it); our absent (a question whose own ask_if is false) is
// written out: every test reading an absent question is false, so each test
// is guarded by the ask_ifs of the questions it reads, recursively (an
// ask_if reads only earlier questions, so the recursion ends).
#include <fmt/format.h>

#include <map>
#include <vector>

#include "interop/fhir_common.hpp"
#include "myoscreen/fhir_questionnaire.hpp"

namespace myoscreen {
namespace {

using detail::Node;

class FhirPathWriter {
public:
    explicit FhirPathWriter(const Definitions& d) : d_(d) {}

    // The ask_if of question q: true, false, or empty (unknown).
    const std::string& ask(int q) {
        if (auto it = memo_.find(q); it != memo_.end()) return it->second;
        const Question& question = d_.questions[static_cast<std::size_t>(q)];
        const detail::Ast ast = interop::ask_if_ast(question);
        std::string s = ast.root < 0 ? "true" : Tree(*this, ast).condition(ast.root);
        return memo_.emplace(q, std::move(s)).first->second;
    }

private:
    const Definitions& d_;
    std::map<int, std::string> memo_;

    // The answers of a question: a Coding (.code), boolean, integer or decimal.
    static std::string value(const Question& q) {
        return fmt::format("%resource.repeat(item).where(linkId={}).answer.value", interop::fhirpath_string(q.id));
    }

    class Tree {
    public:
        Tree(FhirPathWriter& w, const detail::Ast& a) : w_(w), a_(a) {}

        // A condition: true, false or empty.
        std::string condition(int i) {
            const Node& n = a_.nodes[static_cast<std::size_t>(i)];
            switch (n.kind) {
            case Node::Kind::boolean: return n.number != 0 ? "true" : "false";
            case Node::Kind::ident: return guarded(absent_of(i), value(*question(n)));  // a yes_no question
            case Node::Kind::unary: return "(" + condition(n.kids[0]) + ").not()";  // only `not` gives a condition
            case Node::Kind::binary:
                if (n.text == "and" || n.text == "or")
                    return "(" + condition(n.kids[0]) + ") " + n.text + " (" + condition(n.kids[1]) + ")";
                return comparison(n);
            case Node::Kind::in: return in(n);
            case Node::Kind::call: return call(n);
            default: return "{}";  // numbers, strings and lists are no conditions (the compiler said so)
            }
        }

    private:
        FhirPathWriter& w_;
        const detail::Ast& a_;

        const Node& node(int i) const { return a_.nodes[static_cast<std::size_t>(i)]; }
        const Question* question(const Node& n) const { return interop::question_named(w_.d_, n.text); }

        // `test`, but false when any of `absent` (conditions that say an
        // operand is absent) is true; unknown ones do not decide it.
        static std::string guarded(const std::vector<std::string>& absent, const std::string& test) {
            if (absent.empty()) return test;
            std::string any;
            for (const auto& a : absent) any += (any.empty() ? "" : " or ") + a;
            return "iif(" + any + ", false, " + test + ")";
        }

        // What makes the value of node i absent: a question it reads whose
        // ask_if is false, or a division by zero (both operands known). Tests
        // inside are conditions, known or unknown, never absent.
        std::vector<std::string> absent_of(int i) {
            std::vector<std::string> out;
            collect_absent(i, out);
            return out;
        }
        void collect_absent(int i, std::vector<std::string>& out) {
            const Node& n = node(i);
            switch (n.kind) {
            case Node::Kind::ident: {
                const Question* q = question(n);
                if (q && !q->ask_if_text.empty())
                    out.push_back("(" + w_.ask(static_cast<int>(q - w_.d_.questions.data())) + ").not()");
                return;
            }
            case Node::Kind::unary:
                if (n.text == "-") collect_absent(n.kids[0], out);
                return;
            case Node::Kind::binary:
                if (n.text == "+" || n.text == "-" || n.text == "*" || n.text == "/") {
                    collect_absent(n.kids[0], out);
                    collect_absent(n.kids[1], out);
                    if (n.text == "/") out.push_back("((" + number(n.kids[0]) + ").exists() and (" + number(n.kids[1]) + ") = 0)");
                }
                return;
            case Node::Kind::call:
                if (n.text == "count") collect_absent(n.kids[0], out);
                return;
            default: return;
            }
        }

        // A number (or a yes_no's boolean, or a choice's code), empty when unknown.
        std::string number(int i) {
            const Node& n = node(i);
            switch (n.kind) {
            case Node::Kind::number: return interop::plain_number(n.number);
            case Node::Kind::boolean: return n.number != 0 ? "true" : "false";
            case Node::Kind::string: return interop::fhirpath_string(n.text);
            case Node::Kind::ident: {
                const Question* q = question(n);
                return value(*q) + (q->type == QuestionType::choice ? ".code" : "");
            }
            case Node::Kind::unary:
                if (n.text == "-") return "(0 - (" + number(n.kids[0]) + "))";
                return condition(i);
            case Node::Kind::binary:
                if (n.text == "+" || n.text == "-" || n.text == "*" || n.text == "/")
                    return "(" + number(n.kids[0]) + ") " + n.text + " (" + number(n.kids[1]) + ")";
                return condition(i);
            case Node::Kind::call:
                if (n.text == "count") return count(n);
                return condition(i);
            default: return condition(i);
            }
        }

        // Is node i a condition (its operands are then compared as conditions,
        // known or unknown, never absent)?
        bool is_condition(int i) const {
            const Node& n = node(i);
            switch (n.kind) {
            case Node::Kind::unary: return n.text == "not";
            case Node::Kind::binary: return !(n.text == "+" || n.text == "-" || n.text == "*" || n.text == "/");
            case Node::Kind::in: return true;
            case Node::Kind::call: return n.text != "count";
            default: return false;
            }
        }

        std::string operand(int i) { return is_condition(i) ? condition(i) : number(i); }

        std::string comparison(const Node& n) {
            static const std::map<std::string, std::string, std::less<>> ops = {
                {"==", "="}, {"!=", "!="}, {"<", "<"}, {"<=", "<="}, {">", ">"}, {">=", ">="}};
            const auto op = ops.find(n.text);
            std::vector<std::string> absent;
            for (int k : n.kids)
                if (!is_condition(k)) collect_absent(k, absent);
            const std::string test =
                "(" + operand(n.kids[0]) + ") " + (op == ops.end() ? n.text : op->second) + " (" + operand(n.kids[1]) + ")";
            return guarded(absent, test);
        }

        std::string in(const Node& n) {
            const std::string x = number(n.kids[0]);
            std::string any;
            for (int k : node(n.kids[1]).kids) any += (any.empty() ? "(" : " or (") + x + " = " + number(k) + ")";
            if (any.empty()) any = "false";
            return guarded(absent_of(n.kids[0]), "(" + any + ")");
        }

        // The answers of a multi_choice, when it is answered at all.
        std::string selected(const Node& m) { return value(*question(m)); }

        std::string count(const Node& n) {
            const Node& m = node(n.kids[0]);
            std::string codes;
            for (int k : node(n.kids[1]).kids) codes += (codes.empty() ? "" : " or ") + std::string("code = ") + interop::fhirpath_string(node(k).text);
            if (codes.empty()) codes = "false";
            return "iif(" + selected(m) + ".exists(), " + selected(m) + ".where(" + codes + ").count())";
        }

        std::string call(const Node& n) {
            if (n.text == "has") {
                const Node& m = node(n.kids[0]);
                const std::string test = "iif(" + selected(m) + ".exists(), " + selected(m) + ".where(code = " +
                                         interop::fhirpath_string(node(n.kids[1]).text) + ").exists())";
                return guarded(absent_of(n.kids[0]), test);
            }
            if (n.text == "answered") {
                const Node& x = node(n.kids[0]);
                return guarded(absent_of(n.kids[0]), value(*question(x)) + ".exists()");
            }
            if (n.text == "at_least") {
                // The conditions in one collection (combine keeps repeats;
                // an unknown one is empty and drops out): true when k are
                // true, false when k cannot be reached even if every unknown
                // one were true, else empty.
                const std::string k = interop::plain_number(node(n.kids[0]).number);
                std::string all;
                for (std::size_t c = 1; c < n.kids.size(); ++c)
                    all += c == 1 ? "(" + condition(n.kids[c]) + ")" : ".combine(" + condition(n.kids[c]) + ")";
                const std::string trues = "(" + all + ").where($this = true).count()";
                const auto unknowns = fmt::format("({} - ({}).count())", n.kids.size() - 1, all);
                return "iif(" + trues + " >= " + k + ", true, iif(" + trues + " + " + unknowns + " < " + k + ", false))";
            }
            return "{}";
        }
    };
};

}  // namespace

std::string ask_if_fhirpath(const Definitions& d, int q) {
    FhirPathWriter w(d);
    return w.ask(q);
}

}  // namespace myoscreen
