// The expression language: Kleene logic, absent vs unknown, at_least, and
// compile errors with their column.
#include <catch2/catch.hpp>

#include "expr/evaluator.hpp"
#include "expr/expr_compiler.hpp"
#include "fixture.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;
using namespace myoscreen::detail;

namespace {

// Compiles `text` as a condition over the mini definitions' questions.
Program compile_mini(const char* text) {
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
    return p;
}

// Evaluates `text` as a red-flag-like condition over the mini definitions.
std::string eval(const char* text, const char* answers) {
    const Definitions& d = test::mini();
    const Program p = compile_mini(text);
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

// Slots of the mini questions (age, sex, weight_kg, height_cm, tired, conds,
// male_q) set by hand, to see what a result can change with.
enum Q { age, sex, weight_kg, height_cm, tired, conds, male_q, n_questions };

DepSet deps_of(std::initializer_list<int> qs) {
    DepSet d;
    for (int q : qs) d.add(q);
    return d;
}
Value unknown(int q) { return Value::unknown(deps_of({q})); }
// A known or absent value that answering any of `qs` could overturn.
Value soft(Value v, std::initializer_list<int> qs) { return v.add_deps(deps_of(qs)); }

struct Eval {
    Value v;
    std::vector<int> deps;
};

Eval eval_slots(const char* text, std::vector<Value> slots) {
    slots.resize(n_questions, Value::absent());
    const Program p = compile_mini(text);
    std::vector<Value> stack(static_cast<std::size_t>(p.max_stack) + 1);
    Eval e{evaluate(p, slots.data(), stack.data()), {}};
    e.v.deps.for_each([&](int q) { e.deps.push_back(q); });
    // The fast paths give what the general interpreter alone gives.
    Value general;
    run_program_general(p, slots.data(), stack.data(), general);
    CHECK(general.state == e.v.state);
    CHECK(general.num == e.v.num);
    CHECK(general.soft == e.v.soft);
    std::vector<int> general_deps;
    general.deps.for_each([&](int q) { general_deps.push_back(q); });
    CHECK(general_deps == e.deps);
    // The flag the fast run relies on is always in step with deps.
    CHECK(e.v.soft == (e.v.state != State::unknown && !e.deps.empty()));
    // Whatever the deps, the value itself is what the same inputs without
    // deps give: deps never change a result.
    for (auto& s : slots)
        if (s.state != State::unknown) s.soft = false, s.deps = DepSet{};
    const Value plain = evaluate(p, slots.data(), stack.data());
    CHECK(plain.state == e.v.state);
    CHECK(plain.num == e.v.num);
    return e;
}

using Qs = std::vector<int>;

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

TEST_CASE("answered() of an unknown value is false, but carries what would make it true") {
    auto e = eval_slots("answered(age)", {unknown(age)});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{age});
    e = eval_slots("answered(age)", {Value::number(50)});
    CHECK(e.v.is_true());
    CHECK(e.deps.empty());
    // Unknown through what it hinges on (an unknown ask_if, or a derived value).
    e = eval_slots("answered(male_q)", {unknown(age), Value::code(1), {}, {}, {}, {}, Value::unknown(deps_of({age, male_q}))});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{age, male_q});
    // Absent for good: false, and nothing could change it.
    e = eval_slots("answered(male_q)", {});
    CHECK(e.v.is_false());
    CHECK(e.deps.empty());
    // The MNA-SF F form: the false answered() decides the `and`, and the
    // unknown operand's questions come along with it.
    e = eval_slots("answered(age) and age < 19", {unknown(age)});
    CHECK(e.v.is_false());
    CHECK(e.v.soft);
    CHECK(e.deps == Qs{age});
}

TEST_CASE("propagation: a result decided by a firm operand is firm") {
    // false and X: firm false decides, whatever X carries.
    auto e = eval_slots("tired and age > 50", {unknown(age), {}, {}, {}, Value::boolean(false)});
    CHECK(e.v.is_false());
    CHECK(e.deps.empty());
    e = eval_slots("tired and age > 50", {soft(Value::number(60), {sex}), {}, {}, {}, Value::boolean(false)});
    CHECK(e.deps.empty());
    // true or X
    e = eval_slots("tired or age > 50", {unknown(age), {}, {}, {}, Value::boolean(true)});
    CHECK(e.v.is_true());
    CHECK(e.deps.empty());
    // A firm absent makes a test false and arithmetic absent for good.
    e = eval_slots("male_q or age * 2 > 100", {soft(Value::number(10), {sex})});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{sex});  // the age test is not decided by the absent male_q
    e = eval_slots("male_q and age > 1", {soft(Value::number(10), {sex})});
    CHECK(e.deps.empty());
}

TEST_CASE("propagation: a result not decided by a firm operand changes with all of them") {
    // A false that could turn true no longer settles `and`.
    auto e = eval_slots("tired and age > 50", {unknown(age), {}, {}, {}, soft(Value::boolean(false), {sex})});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{age, sex});
    e = eval_slots("tired or age > 50", {unknown(age), {}, {}, {}, soft(Value::boolean(true), {sex})});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{age, sex});
    // Unknown results carry the questions of known operands that could change.
    e = eval_slots("tired and age > 50", {unknown(age), {}, {}, {}, soft(Value::boolean(true), {sex})});
    CHECK(e.v.state == State::unknown);
    CHECK(e.deps == Qs{age, sex});
    // Both true, one soft.
    e = eval_slots("tired and age > 50", {Value::number(60), {}, {}, {}, soft(Value::boolean(true), {sex})});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex});
    // not, arithmetic and comparisons pass deps through; so does not of an absent.
    e = eval_slots("not tired", {{}, {}, {}, {}, soft(Value::boolean(false), {sex})});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex});
    e = eval_slots("not male_q", {{}, {}, {}, {}, {}, {}, soft(Value::absent(), {sex})});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex});
    e = eval_slots("-age * 2 + weight_kg > 0", {soft(Value::number(10), {sex}), {}, Value::number(30)});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex});
    e = eval_slots("weight_kg / (age - 10) > 1", {soft(Value::number(10), {sex}), {}, Value::number(30)});
    CHECK(e.v.is_false());  // x/0 is absent, the test on it false
    CHECK(e.deps == Qs{sex});
}

TEST_CASE("propagation through choices, sets and the one-step fast path") {
    const Value male = soft(Value::code(1), {age});
    auto e = eval_slots("sex == 'male'", {{}, male});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{age});
    e = eval_slots("sex in ['female']", {{}, male});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{age});
    e = eval_slots("has(conds, 'a')", {{}, {}, {}, {}, {}, soft(Value::selection(1), {sex})});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex});
    e = eval_slots("count(conds, ['a', 'b']) >= 2", {{}, {}, {}, {}, {}, soft(Value::selection(1), {sex})});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{sex});
    e = eval_slots("tired", {{}, {}, {}, {}, soft(Value::boolean(true), {sex})});
    CHECK(e.deps == Qs{sex});
    e = eval_slots("male_q", {{}, {}, {}, {}, {}, {}, soft(Value::absent(), {sex})});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{sex});
    // An absent that could become present makes the test false, not firmly.
    e = eval_slots("sex == 'male'", {{}, soft(Value::absent(), {age})});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{age});
    // Firm inputs: nothing to carry.
    e = eval_slots("sex == 'male' and has(conds, 'a')", {{}, Value::code(1), {}, {}, {}, Value::selection(1)});
    CHECK(e.v.is_true());
    CHECK(e.deps.empty());
}

TEST_CASE("count(...) >= 1 and > 0 compile to has of any code, with the same values and deps") {
    // The peephole must not change a result or what could change it.
    const std::vector<Value> inputs = {Value::selection(0b10), Value::selection(0b1000), Value::selection(0), Value::absent(),
                                       unknown(conds), soft(Value::selection(0b1), {sex}), soft(Value::absent(), {age}),
                                       soft(Value::selection(0b100), {sex})};
    CHECK(compile_mini("count(conds, ['a', 'b']) >= 1").code.size() == 1);
    CHECK(compile_mini("count(conds, ['a', 'b']) > 0").code.size() == 1);
    for (const Value& in : inputs) {
        std::vector<Value> slots(6);
        slots[5] = in;
        const Eval any = eval_slots("has(conds, 'a') or has(conds, 'b')", slots);
        for (const char* text : {"count(conds, ['a', 'b']) >= 1", "count(conds, ['a', 'b']) > 0"}) {
            const Eval e = eval_slots(text, slots);
            INFO(text);
            CHECK(e.v.state == any.v.state);
            CHECK(e.v.num == any.v.num);
            CHECK(e.deps == any.deps);
        }
    }
    // Other counts are left as they are.
    CHECK(compile_mini("count(conds, ['a', 'b']) >= 2").code.size() > 1);
    CHECK(compile_mini("count(conds, ['a', 'b']) > 1").code.size() > 1);
}

TEST_CASE("propagation through at_least: firm when the firm conditions decide it") {
    const char* two_of = "at_least(2, tired, age > 60, sex == 'male')";
    // Two firm trues: firm, whatever the third.
    auto e = eval_slots(two_of, {Value::number(70), soft(Value::code(0), {height_cm}), {}, {}, Value::boolean(true)});
    CHECK(e.v.is_true());
    CHECK(e.deps.empty());
    // One of the two trues could turn: it can change with every condition.
    e = eval_slots(two_of, {soft(Value::number(70), {weight_kg}), unknown(sex), {}, {}, Value::boolean(true)});
    CHECK(e.v.is_true());
    CHECK(e.deps == Qs{sex, weight_kg});
    // Two firm falses: false for good.
    e = eval_slots(two_of, {Value::number(50), soft(Value::code(1), {height_cm}), {}, {}, Value::boolean(false)});
    CHECK(e.v.is_false());
    CHECK(e.deps.empty());
    // Only one firm false: a soft false could still turn.
    e = eval_slots(two_of, {soft(Value::number(50), {height_cm}), Value::code(0), {}, {}, unknown(tired)});
    CHECK(e.v.is_false());
    CHECK(e.deps == Qs{height_cm, tired});
    // Unknown: every condition's questions, as before.
    e = eval_slots(two_of, {unknown(age), Value::code(1), {}, {}, unknown(tired)});
    CHECK(e.v.state == State::unknown);
    CHECK(e.deps == Qs{age, tired});
}

TEST_CASE("logic programs: the byte-wide run gives what the run of Lite values and the general interpreter give, for every input") {
    // tired, male_q: boolean questions; sex: a code; conds: a set. Each is
    // absent, unknown, known (both ways), or known but soft.
    const char* texts[] = {
        "tired and male_q",
        "tired or male_q",
        "not tired or (male_q and sex == 'male')",
        "(tired or male_q) and not (sex == 'female')",
        "at_least(2, tired, male_q, sex == 'male', has(conds, 'a'))",
        "tired or has(conds, 'b') or sex in ['female']",
        "not (tired and true)",
        "false or not male_q",
    };
    const std::vector<Value> booleans = {Value::absent(), unknown(tired), Value::boolean(true), Value::boolean(false),
                                         soft(Value::boolean(true), {age})};
    const std::vector<Value> codes = {Value::absent(), unknown(sex), Value::code(0), Value::code(1), soft(Value::code(1), {age})};
    const std::vector<Value> sets = {Value::absent(), unknown(conds), Value::selection(0b1), Value::selection(0b10)};
    int logic = 0;
    for (const char* text : texts) {
        const Program p = compile_mini(text);
        logic += p.logic;
        Program general = p;
        general.logic = false;
        std::vector<Value> stack(static_cast<std::size_t>(p.max_stack) + 1);
        for (const Value& t : booleans)
            for (const Value& m : booleans)
                for (const Value& s : codes)
                    for (const Value& c : sets) {
                        std::vector<Value> slots(n_questions, Value::absent());
                        slots[tired] = t, slots[male_q] = m, slots[sex] = s, slots[conds] = c;
                        const Value a = evaluate(p, slots.data(), stack.data());
                        const Value b = evaluate(general, slots.data(), stack.data());
                        Value g;
                        run_program_general(p, slots.data(), stack.data(), g);
                        INFO(text);
                        std::vector<int> da, db, dg;
                        a.deps.for_each([&](int q) { da.push_back(q); });
                        b.deps.for_each([&](int q) { db.push_back(q); });
                        g.deps.for_each([&](int q) { dg.push_back(q); });
                        REQUIRE(a.state == b.state);
                        REQUIRE(a.num == b.num);
                        REQUIRE(a.soft == b.soft);
                        REQUIRE(da == db);
                        REQUIRE(a.state == g.state);
                        REQUIRE(a.num == g.num);
                        REQUIRE(a.soft == g.soft);
                        REQUIRE(da == dg);
                    }
    }
    CHECK(logic == static_cast<int>(std::size(texts)));  // all of them take the byte-wide run
    CHECK_FALSE(compile_mini("count(conds, ['a', 'b']) >= 2 and tired").logic);
}
