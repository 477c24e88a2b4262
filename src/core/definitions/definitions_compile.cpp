// Stage 2 of loading: give every value a slot, compile every expression
// against the ids it may see, order derived values and instruments by their
// dependencies (reporting cycles), and check bands for gaps and overlaps.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "expr/evaluator.hpp"
#include "definitions/load_context.hpp"

namespace myoscreen::detail {
namespace {

struct Global {
    Symbol sym;
    int node = -1;        // derived d → d; instrument i → derived.size() + i; questions: -1
    int question = -1;    // question index, for ask_if ordering
    int instrument = -1;  // instrument the name belongs to
    bool is_item = false;
};

class Compiler {
public:
    Compiler(Definitions& d, LoadContext& c) : defs_(d), ctx_(c) {}

    void run() {
        assign_slots();
        const int nodes = static_cast<int>(defs_.derived.size() + defs_.instruments.size());
        edges_.assign(nodes, {});
        for (const auto& e : ctx_.pending) compile(e);
        order();
        for (std::size_t i = 0; i < defs_.instruments.size(); ++i) check_bands(static_cast<int>(i));
        unreachable();
    }

private:
    Definitions& defs_;
    LoadContext& ctx_;
    std::unordered_map<std::string, Global> globals_;
    std::vector<std::vector<std::string>> codes_;  // per question, then per instrument (bands)
    std::vector<std::vector<std::pair<int, const PendingExpr*>>> edges_;  // node → (needed node, where)

    void assign_slots() {
        int slot = 0;
        const std::size_t nq = defs_.questions.size();
        codes_.resize(nq + defs_.instruments.size());
        for (std::size_t i = 0; i < nq; ++i) {
            const Question& q = defs_.questions[i];
            for (const auto& c : q.choices) codes_[i].push_back(c.code);
            Type t = Type::number;
            if (q.type == QuestionType::yes_no) t = Type::boolean;
            else if (q.type == QuestionType::choice) t = Type::code;
            else if (q.type == QuestionType::multi_choice) t = Type::set;
            globals_.emplace(q.id, Global{Symbol{t, slot++, &codes_[i]}, -1, static_cast<int>(i)});
        }
        for (std::size_t d = 0; d < defs_.derived.size(); ++d) {
            auto& dv = defs_.derived[d];
            dv.slot = slot++;
            globals_.emplace(dv.id, Global{Symbol{dv.is_bool ? Type::boolean : Type::number, dv.slot, nullptr}, static_cast<int>(d)});
        }
        for (std::size_t i = 0; i < defs_.instruments.size(); ++i) {
            auto& ins = defs_.instruments[i];
            const int node = static_cast<int>(defs_.derived.size() + i);
            auto& bands = codes_[nq + i];
            for (const auto& b : ins.bands) bands.push_back(b.name);
            ins.score_slot = slot++;
            ins.band_slot = slot++;
            globals_.emplace(ins.id + ".score", Global{Symbol{Type::number, ins.score_slot, nullptr}, node, -1, static_cast<int>(i)});
            globals_.emplace(ins.id + ".band", Global{Symbol{Type::code, ins.band_slot, &bands}, node, -1, static_cast<int>(i)});
            int lo = 0, hi = 0;
            for (auto& it : ins.items) {
                it.slot = slot++;
                const bool crit = it.kind == Item::Kind::criterion;
                globals_.emplace(ins.id + "." + it.id, Global{Symbol{crit ? Type::boolean : Type::number, it.slot, nullptr}, node, -1,
                                                              static_cast<int>(i), true});
                std::vector<int> pts = it.points;
                if (crit) pts = {0, it.criterion_points};
                if (it.kind == Item::Kind::cases) {
                    pts = it.case_points;
                    if (it.case_when.empty() || !it.case_when.back().empty()) pts.push_back(0);  // none true → 0
                }
                if (pts.empty()) pts = {0};
                it.min_points = *std::min_element(pts.begin(), pts.end());
                it.max_points = *std::max_element(pts.begin(), pts.end());
                lo += it.min_points;
                hi += it.max_points;
            }
            ins.max_score = hi;
            min_scores_.push_back(lo);
        }
        for (auto& f : defs_.factors)
            for (auto& r : f.rules) r.slot = slot++;
        defs_.slot_count = slot;
    }
    std::vector<int> min_scores_;

    Program& target(const PendingExpr& e) {
        using O = PendingExpr::Owner;
        switch (e.owner) {
        case O::ask_if: return defs_.questions[e.index].ask_if;
        case O::derived: return defs_.derived[e.index].expr;
        case O::item: {
            Item& it = defs_.instruments[e.index].items[e.sub];
            return e.sub2 < 0 ? it.when : it.case_when[e.sub2];
        }
        case O::band: return defs_.instruments[e.index].bands[e.sub].when;
        case O::rule: return defs_.factors[e.index].rules[e.sub].when;
        case O::factor_level: return e.sub == 0 ? defs_.factors[e.index].likely : defs_.factors[e.index].possible;
        case O::check: return defs_.checks[e.index].when;
        case O::check_alternative: return defs_.checks[e.index].alternative.when;
        case O::red_flag: break;  // returned below: every path returns a real target
        }
        return defs_.red_flags[e.index].when;
    }

    int node_of(const PendingExpr& e) const {
        if (e.owner == PendingExpr::Owner::derived) return e.index;
        if (e.owner == PendingExpr::Owner::item || e.owner == PendingExpr::Owner::band)
            return static_cast<int>(defs_.derived.size()) + e.index;
        return -1;
    }

    void compile(const PendingExpr& e) {
        using O = PendingExpr::Owner;
        const int self = node_of(e);
        Resolver resolve = [&](std::string_view name, std::string& why) -> std::optional<Symbol> {
            if (e.owner == O::rule || e.owner == O::factor_level) {
                const auto& rules = defs_.factors[e.index].rules;
                const std::size_t limit = e.owner == O::rule ? static_cast<std::size_t>(e.sub) : rules.size();
                for (std::size_t k = 0; k < rules.size(); ++k)
                    if (rules[k].id == name) {
                        if (k < limit) return Symbol{Type::boolean, rules[k].slot, nullptr};
                        why = fmt::format("rule \"{}\" can only be used by later rules and the factor's levels", name);
                        return std::nullopt;
                    }
            }
            auto it = globals_.find(std::string(name));
            if (it == globals_.end()) {
                why = fmt::format("unknown id '{}'", name);
                if (name.find('.') != std::string_view::npos) why += " (expected INSTRUMENT.score, INSTRUMENT.band or INSTRUMENT.ITEM)";
                return std::nullopt;
            }
            const Global& g = it->second;
            if (e.owner == O::ask_if && (g.question < 0 || g.question >= e.index)) {
                why = fmt::format("ask_if may only use questions asked before this one; '{}' is not one", name);
                return std::nullopt;
            }
            if (self >= 0 && g.node >= 0) {
                const bool own = g.node == self;
                const bool own_item_in_band = own && e.owner == O::band && (g.is_item || name.ends_with(".score"));
                if (own && !own_item_in_band) {
                    why = fmt::format("'{}' refers to the value being defined here", name);
                    return std::nullopt;
                }
                if (g.is_item && !own) {
                    why = "items of another instrument cannot be used here; use its .score or .band";
                    return std::nullopt;
                }
                if (!own) edges_[self].push_back({g.node, &e});
            }
            return g.sym;
        };
        Ast ast;
        ExprError err;
        Program& out = target(e);
        if (!parse_expression(e.text, ast, err) || !compile_expression(ast, resolve, e.want, out, err)) {
            ctx_.expr_error(e, err);
            out = Program{};
            return;
        }
        defs_.stack_size = std::max(defs_.stack_size, out.max_stack);
    }

    // Depth-first topological sort; a back edge is a cycle.
    void order() {
        const int n = static_cast<int>(edges_.size());
        std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
        std::vector<int> path;
        auto name = [&](int v) {
            return v < static_cast<int>(defs_.derived.size()) ? defs_.derived[v].id : defs_.instruments[v - defs_.derived.size()].id;
        };
        auto visit = [&](auto&& self, int v) -> void {
            state[v] = 1;
            path.push_back(v);
            for (auto [w, where] : edges_[v]) {
                if (state[w] == 1) {
                    std::string cycle;
                    auto from = std::find(path.begin(), path.end(), w);
                    for (auto p = from; p != path.end(); ++p) cycle += name(*p) + " -> ";
                    ctx_.error(where->pointer, "cycle between derived values or instruments: " + cycle + name(w));
                } else if (state[w] == 0) {
                    self(self, w);
                }
            }
            path.pop_back();
            state[v] = 2;
            const int nd = static_cast<int>(defs_.derived.size());
            defs_.order.push_back(v < nd ? Step{Step::Kind::derived, v} : Step{Step::Kind::instrument, v - nd});
        };
        for (int v = 0; v < n; ++v)
            if (state[v] == 0) visit(visit, v);
    }

    void check_bands(int i) {
        const Instrument& ins = defs_.instruments[i];
        if (ins.rule_bands || ins.bands.empty()) return;
        const std::string bp = "/instruments/" + std::to_string(i) + "/bands";
        std::vector<int> idx(ins.bands.size());
        for (std::size_t k = 0; k < idx.size(); ++k) idx[k] = static_cast<int>(k);
        std::sort(idx.begin(), idx.end(), [&](int a, int b) { return ins.bands[a].min < ins.bands[b].min; });
        int expect = min_scores_[i];
        for (int k : idx) {
            const Band& b = ins.bands[k];
            const std::string p = child(bp, static_cast<std::size_t>(k));
            if (b.max < b.min) ctx_.error(child(p, "max"), "band \"" + b.name + "\" ends before it starts");
            if (b.min > expect)
                ctx_.error(child(p, "min"), "gap in bands: no band covers scores " + std::to_string(expect) + " to " + std::to_string(b.min - 1));
            else if (b.min < expect)
                ctx_.error(child(p, "min"), "band \"" + b.name + "\" overlaps the band before it at score " + std::to_string(b.min));
            expect = std::max(expect, b.max + 1);
        }
        if (expect <= ins.max_score)
            ctx_.error(bp, "gap in bands: no band covers scores " + std::to_string(expect) + " to " + std::to_string(ins.max_score) +
                               " (the items can add up to " + std::to_string(ins.max_score) + ")");
        else if (expect > ins.max_score + 1)
            ctx_.error(bp, "bands reach score " + std::to_string(expect - 1) + " but the items add up to at most " + std::to_string(ins.max_score));
    }

    // A question whose ask_if is false even when nothing is known can never be asked.
    void unreachable() {
        std::vector<Value> slots(static_cast<std::size_t>(defs_.slot_count));
        std::vector<Value> stack(static_cast<std::size_t>(std::max(defs_.stack_size, 1)));
        for (std::size_t i = 0; i < defs_.questions.size() && i < static_cast<std::size_t>(max_questions); ++i) {
            DepSet d;
            d.add(static_cast<int>(i));
            slots[i] = Value::unknown(d);
        }
        for (std::size_t i = 0; i < defs_.questions.size(); ++i) {
            const Question& q = defs_.questions[i];
            // answered() is two-valued, so this test says nothing about it.
            const bool uses_answered = std::any_of(q.ask_if.code.begin(), q.ask_if.code.end(), [](const Instr& in) { return in.op == Op::answered; });
            if (!q.ask_if.empty() && !uses_answered && evaluate(q.ask_if, slots.data(), stack.data()).is_false())
                ctx_.error("/questions/" + std::to_string(i) + "/ask_if", "question \"" + q.id + "\" can never be asked: its ask_if is always false");
        }
    }
};

}  // namespace

void compile_definitions(Definitions& defs, LoadContext& ctx) { Compiler(defs, ctx).run(); }

void finish_definitions(Definitions& defs) {
    const Program* previous = nullptr;
    for (Question& q : defs.questions) {
        if (q.ask_if.empty()) continue;
        q.same_ask_if_as_previous = previous && previous->code == q.ask_if.code;
        previous = &q.ask_if;
    }
    for (std::size_t i = 0; i < defs.questions.size(); ++i) {
        Question& q = defs.questions[i];
        defs.question_ids.add(q.id, static_cast<int>(i));
        for (std::size_t c = 0; c < q.choices.size(); ++c) q.codes.add(q.choices[c].code, static_cast<int>(c));
    }
}

}  // namespace myoscreen::detail
