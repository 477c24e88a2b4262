// Walking the questionnaire one typed answer at a time, with skip logic,
// `skip`, `back` and `?`: shared by the terminal dialogue and piped line
// mode, so both accept exactly the same input. No I/O here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/adaptive.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"

namespace myoscreen {

class Session {
public:
    // `adaptive`: ask only the questions that can still change the outcome,
    // emergency and urgent ones first (adaptive.hpp); else every question
    // that applies, in catalogue order.
    explicit Session(const Definitions& defs, bool adaptive = false);

    // The question to ask now, or -1 when the questionnaire is finished.
    int current() const { return current_; }
    bool finished() const { return current_ < 0; }

    // empty: an empty line, taken as a skip only when it comes twice in a row
    // (set_confirm_empty); a lone one asks again, so a stray Enter loses nothing.
    enum class Outcome { answered, skipped, back, help, invalid, at_start, empty };
    // Applies one typed line to the current question. On `invalid`, `err`
    // holds the reason (never the text).
    Outcome input(std::string_view line, AnswerError& err);

    // 1-based position of the current question among those asked, and the
    // number that would be asked given the answers so far.
    int position() const { return static_cast<int>(history_.size()) + 1; }
    int expected_total() const;
    // Adaptive: the questions still needed after the current one (it may
    // change with every answer); full: expected_total() - position().
    int to_go() const;
    bool adaptive() const { return adaptive_; }
    // The dialogue's rule for empty lines (piped line mode: an empty line skips).
    void set_confirm_empty(bool on) { confirm_empty_ = on; }
    // The questions put to the person so far (answered or skipped).
    AskedSet asked() const;

    const Answers& answers() const { return answers_; }
    const std::vector<int>& history() const { return history_; }

    // What the text of question q's answer said beyond the answer (a number
    // typed without a unit), as the parser found it: the plausibility
    // checks' unit alternative reads it. Empty when skipped or restored.
    const TypedDetail& typed(int q) const { return typed_[static_cast<std::size_t>(q)]; }
    // Replaces an answer given earlier (a correction asked for by a
    // plausibility check); the walk goes on with what is now needed.
    void correct(int q, const Answer& a, const TypedDetail& how = {});

    // Restores a saved walk: the answers, and the questions already asked.
    void restore(const Answers& answers, const std::vector<int>& history);
    // Answers that no longer apply (after `back` changed a skip-logic answer)
    // are dropped so they are not reported as ignored.
    Answers final_answers() const;

private:
    const Definitions& defs_;
    Answers answers_;
    std::vector<int> history_;  // questions asked before the current one
    std::vector<TypedDetail> typed_;  // per question, from the last typed answer
    int current_ = -1;
    bool adaptive_ = false;
    bool confirm_empty_ = false, empty_pending_ = false;
    std::vector<int> needed_;  // adaptive: what is needed, the current question first

    int next_from(int q) const;  // first asked question at or after q
    void advance(int after);     // choose the next current question
};

// The saved-session file (`--save`, `--resume`): schema myoscreen.session/1,
// the definitions' name and version, the answers and the questions asked.
std::string session_to_json(const Definitions& defs, const Answers& answers, const std::vector<int>& history);

struct SessionRead {
    enum class Kind { ok, not_a_session, other_definitions, invalid };
    Kind kind = Kind::ok;
    std::string message;  // why, for kinds other than ok; never an answer value
};
// Reads a saved session of `defs` into `answers` and `history`.
SessionRead read_session(std::string_view text, const Definitions& defs, Answers& answers, std::vector<int>& history);

}  // namespace myoscreen
