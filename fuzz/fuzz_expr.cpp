// Expression compiler and evaluator: the input is one expression, placed as a
// red flag's condition in small definitions; if it compiles, it is evaluated
// over a few answer sets (empty, all answered, skip logic absent), and its
// program over generated slot values (absent, unknown, known, soft) by the
// public path, fast paths and all, and by the general interpreter alone:
// any difference in state, value, soft or deps aborts.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "expr/evaluator.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

namespace {

using namespace myoscreen;
using myoscreen::detail::Instr;
using myoscreen::detail::Op;
using myoscreen::detail::Program;

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (u < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 15];
        else out += c;
    }
    return out;
}

// What a slot holds, so generated values are of its type (a choice's index
// must be one of its codes: it is a shift count).
struct SlotType {
    enum Kind : std::uint8_t { number, boolean, code, set } kind = number;
    int codes = 0;
};

std::vector<SlotType> slot_types(const Definitions& d) {
    std::vector<SlotType> t(static_cast<std::size_t>(d.slot_count));
    for (std::size_t q = 0; q < d.questions.size(); ++q) {
        const Question& qq = d.questions[q];
        const int n = static_cast<int>(qq.choices.size());
        switch (qq.type) {
        case QuestionType::yes_no: t[q] = {SlotType::boolean, 0}; break;
        case QuestionType::choice: t[q] = {SlotType::code, n}; break;
        case QuestionType::multi_choice: t[q] = {SlotType::set, n}; break;
        default: break;
        }
    }
    for (const Derived& dv : d.derived) t[dv.slot] = {dv.is_bool ? SlotType::boolean : SlotType::number, 0};
    for (const Instrument& ins : d.instruments) {
        for (const Item& it : ins.items)
            if (it.kind == Item::Kind::criterion) t[it.slot] = {SlotType::boolean, 0};
        t[ins.band_slot] = {SlotType::code, static_cast<int>(ins.bands.size())};
    }
    for (const Factor& f : d.factors)
        for (const Rule& r : f.rules) t[r.slot] = {SlotType::boolean, 0};
    return t;
}

DepSet deps_of(std::initializer_list<int> qs) {
    DepSet d;
    for (int q : qs) d.add(q);
    return d;
}

// Values a slot of type `t` may hold, as the engine makes them: unknown ones
// carry what would decide them; a known or absent one is soft exactly when
// it carries questions. Numbers sit on and beside the program's constants.
std::vector<Value> candidates(SlotType t, const std::vector<double>& constants) {
    std::vector<Value> v = {Value::absent(), Value::absent().add_deps(deps_of({1})), Value::unknown(deps_of({0})),
                            Value::unknown(deps_of({0, 3}))};
    switch (t.kind) {
    case SlotType::boolean:
        for (bool b : {false, true}) v.push_back(Value::boolean(b)), v.push_back(Value::boolean(b).add_deps(deps_of({2})));
        break;
    case SlotType::code:
        for (int c = 0; c < std::min(t.codes, 64); ++c) v.push_back(Value::code(c));
        if (t.codes > 0) v.push_back(Value::code(t.codes - 1).add_deps(deps_of({2})));
        break;
    case SlotType::set: {
        const std::uint64_t all = t.codes >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << t.codes) - 1;
        v.push_back(Value::selection(0));
        v.push_back(Value::selection(all));
        for (int c = 0; c < std::min(t.codes, 8); ++c) v.push_back(Value::selection(std::uint64_t{1} << c));
        v.push_back(Value::selection(all).add_deps(deps_of({2})));
        break;
    }
    case SlotType::number:
        v.push_back(Value::number(0));
        v.push_back(Value::number(-3));
        v.push_back(Value::number(1e308));  // times anything above 1: not finite
        for (double c : constants)
            for (double x : {c, c - 1, c + 1, c + 0.5}) v.push_back(Value::number(x));
        v.push_back(Value::number(7).add_deps(deps_of({2})));
        break;
    }
    return v;
}

std::vector<int> members(const DepSet& d) {
    std::vector<int> m;
    d.for_each([&](int q) { m.push_back(q); });
    return m;
}

void same_or_abort(const Value& a, const Value& b, const char* path) {
    const bool num = a.num == b.num || (std::isnan(a.num) && std::isnan(b.num));
    if (a.state == b.state && a.soft == b.soft && num && a.set == b.set && members(a.deps) == members(b.deps)) return;
    std::fprintf(stderr, "%s differs from the general interpreter: state %d/%d soft %d/%d num %g/%g set %llu/%llu deps %zu/%zu\n",
                 path, static_cast<int>(a.state), static_cast<int>(b.state), a.soft, b.soft, a.num, b.num,
                 static_cast<unsigned long long>(a.set), static_cast<unsigned long long>(b.set), members(a.deps).size(),
                 members(b.deps).size());
    std::abort();
}

// Runs `p` over combinations of its slots' candidate values (all of them, or
// a sample picked by `seed` when there are too many) both ways.
void compare_paths(const Definitions& d, const Program& p, std::uint64_t seed) {
    std::vector<int> loaded;
    std::vector<double> constants;
    for (const Instr& in : p.code) {
        if (in.op == Op::load || in.op == Op::load_cmp || in.op == Op::load_in_mask || in.op == Op::load_has ||
            in.op == Op::and_load || in.op == Op::or_load)
            if (std::find(loaded.begin(), loaded.end(), in.arg) == loaded.end()) loaded.push_back(in.arg);
        if ((in.op == Op::constant || in.op == Op::load_cmp) && constants.size() < 4) constants.push_back(in.num);
    }
    const std::vector<SlotType> types = slot_types(d);
    std::vector<std::vector<Value>> cands;
    double combos = 1;
    for (int s : loaded) {
        cands.push_back(candidates(types[s], constants));
        combos *= static_cast<double>(cands.back().size());
    }
    constexpr int limit = 4096;
    const bool all = combos <= limit;
    const int runs = all ? static_cast<int>(combos) : limit;
    Program lite = p;  // a program of logic only, also through the run of Lite values
    lite.logic = false;
    std::vector<Value> slots(static_cast<std::size_t>(d.slot_count), Value::absent());
    std::vector<Value> stack(static_cast<std::size_t>(p.max_stack) + 1), general_stack(stack.size());
    for (int r = 0; r < runs; ++r) {
        std::uint64_t pick = static_cast<std::uint64_t>(r);
        for (std::size_t i = 0; i < loaded.size(); ++i) {
            std::size_t k;
            if (all) {
                k = pick % cands[i].size();
                pick /= cands[i].size();
            } else {
                seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;  // xorshift64
                k = seed % cands[i].size();
            }
            slots[loaded[i]] = cands[i][k];
        }
        Value general;
        detail::run_program_general(p, slots.data(), general_stack.data(), general);
        same_or_abort(evaluate(p, slots.data(), stack.data()), general, "the public path");
        if (p.logic) same_or_abort(evaluate(lite, slots.data(), stack.data()), general, "the run of Lite values");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string expr = escape(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string defs = R"({"schema":"myoscreen.definitions/1","name":"f","version":"1","disclaimer":"d",
 "sections":[{"id":"s","title":"S"}],
 "questions":[{"id":"age","section":"s","type":"integer","unit":"years","min":18,"max":120,"text":"t"},
  {"id":"sex","section":"s","type":"choice","text":"t","choices":[{"code":"female","label":"F"},{"code":"male","label":"M"}]},
  {"id":"w","section":"s","type":"number","unit":"kg","min":25,"max":350,"text":"t"},
  {"id":"y","section":"s","type":"yes_no","text":"t","ask_if":"sex == 'male'"},
  {"id":"m","section":"s","type":"multi_choice","text":"t","exclusive":"none","choices":[{"code":"a","label":"A"},{"code":"none","label":"N"}]}],
 "derived":[{"id":"d","type":"number","expr":"w / 2"}],
 "instruments":[{"id":"i","name":"I","source":"s","items":[{"id":"x","when":"y","points":1}],"bands":[{"band":"lo","min":0,"max":0},{"band":"hi","min":1,"max":1}]}],
 "factors":[{"id":"f","title":"F","source":"s","rules":[{"id":"r","when":"age > 1","text":"t","source":"s"}],"likely":"r","possible":"r"}],
 "red_flags":[{"id":"z","when":")" + expr + R"(","urgency":"soon","text":"t","source":"s"}]})";
    try {
        const auto d = myoscreen::load_definitions(defs, "fuzz.json");
        for (const char* a : {"{}", R"({"age":70,"sex":"male","w":80,"y":true,"m":["a"]})", R"({"sex":"female","m":[]})"}) {
            myoscreen::Answers answers;
            if (!myoscreen::parse_json_answers(d, a, answers).empty()) continue;
            std::string out;
            myoscreen::render_json(myoscreen::screen(d, answers, {true}), out);
        }
        std::uint64_t seed = 0x9e3779b97f4a7c15ULL;  // FNV-1a of the input: the sample follows it
        for (std::size_t i = 0; i < size; ++i) seed = (seed ^ data[i]) * 0x100000001b3ULL;
        compare_paths(d, d.red_flags.at(0).when, seed | 1);
    } catch (const myoscreen::DefinitionsError&) {
    }
    return 0;
}
