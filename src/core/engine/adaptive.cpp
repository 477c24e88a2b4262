// Deterministic curtailment: the questions whose answers could still change
// the outcome, found from what the engine already tracks (which unanswered
// questions could decide each value), then narrowed by trying each answer of
// a question with few answers.
#include "myoscreen/adaptive.hpp"

#include "myoscreen/screen.hpp"

namespace myoscreen {
namespace {

using detail::Instr;
using detail::Op;

// What must come out the same as the full questionnaire: factor levels and
// every red flag's state (which gives the flag, its urgency and its reasons).
struct Outcome {
    std::vector<Level> levels;
    std::vector<State> flags;
    std::vector<char> fired;
    bool operator==(const Outcome&) const = default;
};

Outcome outcome_of(const Report& r) {
    Outcome o;
    for (const auto& f : r.factors) o.levels.push_back(f.level);
    for (const auto& f : r.attention.flags) {
        o.flags.push_back(f.state);
        o.fired.push_back(f.fired ? 1 : 0);
    }
    return o;
}

// The answers a question with few of them can take (choices, yes/no, each
// single code of a multi-choice and none); empty for numbers, which are
// then kept whenever the engine says they could decide something.
std::vector<Answer> answers_to_try(const Question& q) {
    std::vector<Answer> out;
    switch (q.type) {
    case QuestionType::yes_no:
        out.push_back(Answer{true, 1, 0});
        out.push_back(Answer{true, 0, 0});
        break;
    case QuestionType::choice:
        for (std::size_t c = 0; c < q.choices.size(); ++c) out.push_back(Answer{true, static_cast<double>(c), 0});
        break;
    default: break;
    }
    return out;
}

}  // namespace

NeededQuestions needed_questions(const Definitions& defs, const Answers& answers, const AskedSet& asked) {
    ScreenOptions opt;
    opt.explain = true;  // each red flag's outcome and what would decide it
    const Report r = screen(defs, answers, opt);
    const auto open = [&](int q) { return !answers.values[q].given && !asked[q]; };

    // Everything that could still change a level or a red flag.
    std::vector<char> candidate(defs.questions.size(), 0), urgent(defs.questions.size(), 0);
    for (const FactorResult& f : r.factors)
        for (int q : f.would_decide) candidate[q] = open(q);
    for (std::size_t k = 0; k < r.attention.flags.size(); ++k)
        for (int q : r.attention.flags[k].would_decide) {
            if (!open(q)) continue;
            candidate[q] = 1;
            if (defs.red_flags[k].urgency >= Urgency::urgent && !r.attention.flags[k].fired) urgent[q] = 1;
        }

    // Narrowed: a question with few answers is needed only if one of them
    // changes the outcome on its own. When none does but the outcome is not
    // settled (two questions that only matter together), the engine's own
    // list stands, so stopping is always exact.
    const Outcome now = outcome_of(r);
    std::vector<char> needed = candidate;
    bool any = false;
    Answers trial = answers;
    for (std::size_t q = 0; q < defs.questions.size(); ++q) {
        if (!candidate[q]) continue;
        const auto tries = answers_to_try(defs.questions[q]);
        if (!tries.empty()) {
            bool changes = false;
            for (const Answer& a : tries) {
                trial.values[q] = a;
                if (!(outcome_of(screen(defs, trial, opt)) == now)) {
                    changes = true;
                    break;
                }
            }
            trial.values[q] = Answer{};
            needed[q] = changes;
        }
        any = any || needed[q];
    }
    if (!any) needed = candidate;

    // A needed question whose ask_if is not yet decided: ask what decides it
    // first (it comes earlier in the catalogue), so nobody is asked about
    // menopause before their sex, or about a cast before any injury.
    for (std::size_t q = defs.questions.size(); q-- > 0;) {
        if (!needed[q] || defs.questions[q].ask_if.empty()) continue;
        for (const Instr& in : defs.questions[q].ask_if.code) {
            const bool reads_slot = in.op == Op::load || in.op == Op::load_cmp || in.op == Op::load_in_mask ||
                                    in.op == Op::load_has || in.op == Op::and_load || in.op == Op::or_load;
            if (reads_slot && in.arg >= 0 && static_cast<std::size_t>(in.arg) < defs.questions.size() && open(in.arg))
                needed[static_cast<std::size_t>(in.arg)] = 1;
        }
    }

    NeededQuestions out;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t q = 0; q < defs.questions.size(); ++q)
            if (needed[q] && (urgent[q] != 0) == (pass == 0)) out.questions.push_back(static_cast<int>(q));
    for (std::size_t q = 0; q < defs.questions.size(); ++q) out.urgent += needed[q] && urgent[q];
    return out;
}

void mark_not_needed(Report& report, const AskedSet& asked) {
    std::vector<int> still;
    report.not_needed.clear();
    for (int q : report.unanswered) (asked[static_cast<std::size_t>(q)] ? still : report.not_needed).push_back(q);
    report.unanswered = std::move(still);
    report.complete = report.unanswered.empty();
}

}  // namespace myoscreen
