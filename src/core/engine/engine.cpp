// screen(): questions (with skip logic) → derived values and instruments in
// dependency order → factors → red flags → plausibility checks. Pure: everything it needs comes in
// through its arguments and everything it finds goes out in the Report.
#include <algorithm>
#include <cmath>

#include "expr/evaluator.hpp"
#include "engine/instruments.hpp"
#include "myoscreen/screen.hpp"

namespace myoscreen {
namespace {

void to_list(const DepSet& d, std::vector<int>& out) {
    out.clear();
    d.for_each([&](int q) { out.push_back(q); });
}

// Derived numbers are rounded to 1 decimal, half away from zero; the tiny
// relative nudge makes 22.85 (stored as 22.849999...) round up as written.
double round1(double x) {
    double y = x * 10;
    y += (y >= 0 ? 1e-9 : -1e-9) * std::max(1.0, std::fabs(y));
    double r = std::round(y) / 10;
    return r == 0 ? 0.0 : r;  // no -0.0
}

Value answer_value(const Question& q, const Answer& a) {
    switch (q.type) {
    case QuestionType::yes_no: return Value::boolean(a.num != 0);
    case QuestionType::choice: return Value::code(static_cast<int>(a.num));
    case QuestionType::multi_choice: return Value::selection(a.set);
    default: return Value::number(a.num);
    }
}

// Fills the question slots; returns nothing else. Shared by screen() and
// is_asked() so skip logic is decided in one place.
void load_questions(const Definitions& defs, const Answers& answers, Value* slots, Value* stack, std::size_t upto,
                    Report* report) {
    Value ask;  // the last ask_if's result
    for (std::size_t i = 0; i < upto; ++i) {
        const Question& q = defs.questions[i];
        const Answer& a = answers.values[i];
        if (q.ask_if.empty()) {  // always asked
            if (a.given) {
                slots[i] = answer_value(q, a);
            } else {
                DepSet d;
                d.add(static_cast<int>(i));
                slots[i] = Value::unknown(d);
                if (report) report->unanswered.push_back(static_cast<int>(i));
            }
            continue;
        }
        if (!q.same_ask_if_as_previous) evaluate_into(q.ask_if, slots, stack, ask);
        // Whatever could change the ask_if could make the question absent or
        // present: an absent slot, an answer and an unknown all carry it.
        if (ask.is_false()) {
            slots[i] = Value::absent();
            if (ask.soft) slots[i].add_deps(ask.deps);
            if (report && a.given) report->ignored.push_back(static_cast<int>(i));
            continue;
        }
        if (a.given) {
            slots[i] = answer_value(q, a);
            if (!ask.firm()) slots[i].add_deps(ask.deps);
        } else {
            // Answering it decides it; so might answering what its ask_if hinges on.
            DepSet d = ask.deps;
            d.add(static_cast<int>(i));
            slots[i] = Value::unknown(d);
            if (report) report->unanswered.push_back(static_cast<int>(i));
        }
    }
}

RuleOutcome outcome(const Value& v) {
    RuleOutcome o;
    o.state = v.state == State::unknown ? State::unknown : State::known;
    o.fired = v.is_true();
    if (!v.firm()) to_list(v.deps, o.would_decide);
    return o;
}

}  // namespace

bool is_asked(const Definitions& defs, const Answers& answers, int q) {
    std::vector<Value> slots(defs.questions.size());
    std::vector<Value> stack(static_cast<std::size_t>(std::max(defs.stack_size, 1)));
    load_questions(defs, answers, slots.data(), stack.data(), static_cast<std::size_t>(q), nullptr);
    const Question& question = defs.questions[q];
    return question.ask_if.empty() || !evaluate(question.ask_if, slots.data(), stack.data()).is_false();
}

Report screen(const Definitions& defs, const Answers& answers, const ScreenOptions& opt) {
    Report r;
    ScreenScratch scratch;
    screen_into(defs, answers, opt, r, scratch);
    return r;
}

void screen_into(const Definitions& defs, const Answers& answers, const ScreenOptions& opt, Report& r, ScreenScratch& scratch) {
    r.defs = &defs;
    r.unanswered.clear();
    r.ignored.clear();
    auto& slots = scratch.slots;
    auto& stack = scratch.stack;
    slots.resize(static_cast<std::size_t>(defs.slot_count));
    stack.resize(static_cast<std::size_t>(std::max(defs.stack_size, 1)));
    Value* s = slots.data();
    load_questions(defs, answers, s, stack.data(), defs.questions.size(), &r);
    r.complete = r.unanswered.empty();

    r.derived.resize(defs.derived.size());
    r.instruments.resize(defs.instruments.size());
    for (const Step& step : defs.order) {
        if (step.kind == Step::Kind::derived) {
            const Derived& d = defs.derived[step.index];
            Value& v = s[d.slot];
            evaluate_into(d.expr, s, stack.data(), v);
            if (v.known() && !d.is_bool) v.num = round1(v.num);
            if (v.known() && d.is_bool) v.num = v.num != 0;
            r.derived[step.index] = v;
        } else {
            r.instruments[step.index] = detail::score_instrument(defs.instruments[step.index], defs, s, stack.data());
        }
    }

    r.factors.resize(defs.factors.size());
    for (std::size_t f = 0; f < defs.factors.size(); ++f) {
        const Factor& factor = defs.factors[f];
        FactorResult& fr = r.factors[f];
        fr.evidence.clear();
        fr.rules.clear();
        for (std::size_t k = 0; k < factor.rules.size(); ++k) {
            Value& v = s[factor.rules[k].slot];
            evaluate_into(factor.rules[k].when, s, stack.data(), v);
            if (v.is_true()) fr.evidence.push_back(static_cast<int>(k));
            if (opt.explain) fr.rules.push_back(outcome(v));
        }
        Value& likely = scratch.likely;
        Value& possible = scratch.possible;
        evaluate_into(factor.likely, s, stack.data(), likely);
        evaluate_into(factor.possible, s, stack.data(), possible);
        if (likely.is_true()) fr.level = Level::likely;
        else if (possible.is_true()) fr.level = Level::possible;  // even while likely is undecided
        else if (likely.is_false() && possible.is_false()) fr.level = Level::unlikely;
        else fr.level = Level::unknown;
        // A firmly true "likely" settles the level. Otherwise the level can
        // change with whatever can change "likely" (undecided, or known but
        // not firm) or "possible" (which decides once likely is not true).
        DepSet deps;
        if (!(likely.is_true() && likely.firm())) {
            if (!likely.firm()) deps |= likely.deps;
            if (!possible.firm()) deps |= possible.deps;
        }
        to_list(deps, fr.would_decide);
    }

    FlagResult& fl = r.attention;
    fl.flag = false;
    fl.urgency = Urgency::none;
    fl.reasons.clear();
    fl.flags.clear();
    auto& flag_values = scratch.flags;
    flag_values.resize(defs.red_flags.size());
    for (std::size_t k = 0; k < defs.red_flags.size(); ++k) {
        evaluate_into(defs.red_flags[k].when, s, stack.data(), flag_values[k]);
        if (flag_values[k].is_true()) {
            fl.flag = true;
            fl.reasons.push_back(static_cast<int>(k));
            fl.urgency = std::max(fl.urgency, defs.red_flags[k].urgency);
        }
        if (opt.explain) fl.flags.push_back(outcome(flag_values[k]));
    }
    // Unanswered questions that could raise the flag or its urgency: what
    // could make a red flag above the current urgency true (one that is true
    // is at or below it). A firmly false one carries no questions.
    DepSet deps;
    for (std::size_t k = 0; k < defs.red_flags.size(); ++k)
        if (!flag_values[k].firm() && !flag_values[k].is_true() && defs.red_flags[k].urgency > fl.urgency)
            deps |= flag_values[k].deps;
    to_list(deps, fl.would_decide);

    // Plausibility checks: warnings about the answers, never part of the
    // screening itself (the answers stand).
    r.checks.clear();
    Value check;
    for (std::size_t k = 0; k < defs.checks.size(); ++k) {
        evaluate_into(defs.checks[k].when, s, stack.data(), check);
        if (check.is_true()) r.checks.push_back(static_cast<int>(k));
    }
}

}  // namespace myoscreen
