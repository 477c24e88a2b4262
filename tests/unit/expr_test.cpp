// The expression language: Kleene logic, absent vs unknown, at_least, and
// compile errors with their column.
#include <catch2/catch.hpp>

#include "expr_compiler.hpp"
#include "fixture.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;
using namespace myoscreen::detail;

namespace {

// Evaluates `text` as a red-flag-like condition over the mini definitions.
std::string eval(const char* text, const char* answers) {
    const Definitions& d = test::mini();
    Ast ast;
    ExprError err;
    REQUIRE(parse_expression(text, ast, err));
    Resolver r = [&](std::string_view name, std::string&) -> std::optional<Symbol> {
        const int q = d.question_index(name);
        if (q < 0) return std::nullopt;
        const Question& qq = d.questions[q];
        static std::vector<std::string> codes;
        Type t = qq.type == QuestionType::yes_no ? Type::boolean
                 : qq.type == QuestionType::choice ? Type::code
                 : qq.type == QuestionType::multi_choice ? Type::set
                                                          : Type::number;
        static std::vector<std::vector<std::string>> all(d.questions.size());
        all[q].clear();
        for (const auto& c : qq.choices) all[q].push_back(c.code);
        return Symbol{t, q, &all[q]};
    };
    Program p;
    REQUIRE(compile_expression(ast, r, Type::boolean, p, err));
    Answers a;
    REQUIRE(parse_json_answers(d, answers, a).empty());
    // Question slots as the engine loads them (male_q absent unless asked).
    std::vector<Value> slots(d.questions.size());
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        const Answer& an = a.values[i];
        if (!is_asked(d, a, static_cast<int>(i))) slots[i] = Value::absent();
        else if (!an.given) {
            DepSet ds;
            ds.add(static_cast<int>(i));
            slots[i] = Value::unknown(ds);
        } else if (q.type == QuestionType::multi_choice) slots[i] = Value::selection(an.set);
        else slots[i] = Value::number(an.num);
    }
    std::vector<Value> stack(static_cast<std::size_t>(p.max_stack) + 1);
    const Value v = evaluate(p, slots.data(), stack.data());
    if (v.state == State::unknown) return "unknown";
    return v.is_true() ? "true" : "false";
}

std::string compile_error(const char* text, int& offset) {
    Ast ast;
    ExprError err;
    Program p;
    Resolver r = [](std::string_view name, std::string&) -> std::optional<Symbol> {
        static const std::vector<std::string> codes = {"female", "male"};
        if (name == "age") return Symbol{Type::number, 0, nullptr};
        if (name == "sex") return Symbol{Type::code, 1, &codes};
        return std::nullopt;
    };
    bool ok = parse_expression(text, ast, err) && compile_expression(ast, r, Type::boolean, p, err);
    REQUIRE_FALSE(ok);
    offset = err.offset;
    return err.message;
}

}  // namespace

TEST_CASE("Kleene logic: false and unknown, true or unknown, not unknown") {
    CHECK(eval("tired and age > 50", R"J({"tired": false})J") == "false");
    CHECK(eval("tired and age > 50", R"J({"tired": true})J") == "unknown");
    CHECK(eval("tired or age > 50", R"J({"tired": true})J") == "true");
    CHECK(eval("tired or age > 50", R"J({"tired": false})J") == "unknown");
    CHECK(eval("not tired", R"J({})J") == "unknown");
    CHECK(eval("not tired", R"J({"tired": false})J") == "true");
    CHECK(eval("age * 2 > 100", R"J({})J") == "unknown");
    CHECK(eval("age * 2 > 100", R"J({"age": 51})J") == "true");
}

TEST_CASE("absent is false in every test, unknown is not") {
    // male_q is absent for a woman, unknown for a man of unknown age.
    CHECK(eval("male_q", R"J({"sex": "female"})J") == "false");
    CHECK(eval("not male_q", R"J({"sex": "female"})J") == "true");
    CHECK(eval("answered(male_q)", R"J({"sex": "female"})J") == "false");
    CHECK(eval("male_q", R"J({"sex": "male"})J") == "unknown");
    CHECK(eval("male_q", R"J({"sex": "male", "male_q": true})J") == "true");
    CHECK(eval("answered(age)", R"J({})J") == "false");
}

TEST_CASE("choices, in, has, count, at_least") {
    CHECK(eval("sex == 'male'", R"J({"sex": "male"})J") == "true");
    CHECK(eval("sex != 'male'", R"J({})J") == "unknown");
    CHECK(eval("sex in ['female', 'male']", R"J({"sex": "male"})J") == "true");
    CHECK(eval("age in [40, 50]", R"J({"age": 50})J") == "true");
    CHECK(eval("has(conds, 'a')", R"J({"conds": ["a", "b"]})J") == "true");
    CHECK(eval("has(conds, 'c')", R"J({"conds": ["none"]})J") == "false");
    CHECK(eval("count(conds, ['a', 'b', 'c']) >= 2", R"J({"conds": ["a", "c"]})J") == "true");
    CHECK(eval("count(conds, ['a', 'b', 'c']) >= 2", R"J({})J") == "unknown");
    // at least 2 of 3: true when 2 true; false when 2 can no longer be reached.
    CHECK(eval("at_least(2, tired, age > 60, sex == 'male')", R"J({"tired": true, "age": 70})J") == "true");
    CHECK(eval("at_least(2, tired, age > 60, sex == 'male')", R"J({"tired": false, "age": 50})J") == "false");
    CHECK(eval("at_least(2, tired, age > 60, sex == 'male')", R"J({"tired": true, "age": 50})J") == "unknown");
}

TEST_CASE("compile errors name the problem and its column") {
    int at = -1;
    CHECK(compile_error("age >= ", at) == "expected a value, got end of expression");
    CHECK(at == 7);
    CHECK(compile_error("agee > 3", at) == "unknown id 'agee'");
    CHECK(at == 0);
    CHECK(compile_error("sex == 'robot'", at).find("'robot' is not a code of 'sex'") == 0);
    CHECK(at == 7);
    CHECK(compile_error("age and sex == 'male'", at).find("needs a condition") != std::string::npos);
    CHECK(compile_error("age = 3", at).find("use '=='") != std::string::npos);
    CHECK(at == 4);
    CHECK(compile_error("(age > 3", at).find("expected ')'") == 0);
    CHECK(compile_error("age > 3 > 2", at).find("chained") != std::string::npos);
    CHECK(compile_error("frobnicate(age)", at).find("unknown function") == 0);
    std::string deep(40, '(');
    deep += "age > 1" + std::string(40, ')');
    CHECK(compile_error(deep.c_str(), at).find("nested more than 32") != std::string::npos);
    CHECK(compile_error(std::string(5000, 'a').c_str(), at).find("longer than 4096") != std::string::npos);
}
