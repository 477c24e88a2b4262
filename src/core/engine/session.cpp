// The questionnaire walk: one typed line at a time, with skip logic, skip, back and restore.
#include "myoscreen/session.hpp"

#include <cctype>
#include <string>

#include "myoscreen/screen.hpp"
#include "answers/units.hpp"

namespace myoscreen {

Session::Session(const Definitions& defs, bool adaptive)
    : defs_(defs), answers_(defs.questions.size()), typed_(defs.questions.size()), adaptive_(adaptive) {
    advance(-1);
}

void Session::advance(int after) {
    if (!adaptive_) {
        current_ = next_from(after + 1);
        return;
    }
    needed_ = needed_questions(defs_, answers_, asked()).questions;
    current_ = needed_.empty() ? -1 : needed_.front();
}

AskedSet Session::asked() const {
    AskedSet a(defs_.questions.size(), 0);
    for (int q : history_) a[static_cast<std::size_t>(q)] = 1;
    return a;
}

int Session::to_go() const {
    if (current_ < 0) return 0;
    if (!adaptive_) return expected_total() - position();
    int n = 0;
    for (int q : needed_) n += q != current_;
    return n;
}

int Session::next_from(int q) const {
    for (int i = q; i < static_cast<int>(defs_.questions.size()); ++i)
        if (is_asked(defs_, answers_, i)) return i;
    return -1;
}

int Session::expected_total() const {
    if (adaptive_) return position() + to_go();
    int n = static_cast<int>(history_.size());
    for (int i = current_ < 0 ? static_cast<int>(defs_.questions.size()) : current_; i < static_cast<int>(defs_.questions.size()); ++i)
        if (is_asked(defs_, answers_, i)) ++n;
    return n;
}

Session::Outcome Session::input(std::string_view line, AnswerError& err) {
    if (current_ < 0) return Outcome::invalid;
    std::string cmd(detail::trim(line));
    for (char& c : cmd) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool empty_again = empty_pending_;
    empty_pending_ = false;
    if (cmd.empty() && confirm_empty_ && !empty_again) {
        empty_pending_ = true;
        return Outcome::empty;
    }
    if (cmd == "?" || cmd == "help") return Outcome::help;
    if (cmd == "back") {
        if (history_.empty()) return Outcome::at_start;
        current_ = history_.back();
        history_.pop_back();
        if (adaptive_) needed_ = needed_questions(defs_, answers_, asked()).questions;
        return Outcome::back;
    }
    const int q = current_;
    Outcome result = Outcome::answered;
    if (cmd == "skip" || cmd.empty()) {
        answers_.values[q] = Answer{};
        typed_[static_cast<std::size_t>(q)] = TypedDetail{};
        result = Outcome::skipped;
    } else {
        Answer a;
        TypedDetail how;
        if (auto e = parse_typed_answer(defs_.questions[q], line, a, {.words = &defs_.words, .info = &how})) {
            err = *e;
            err.reason += ", or type skip";  // every refusal in the dialogue and line mode says so
            return Outcome::invalid;
        }
        answers_.values[q] = a;
        typed_[static_cast<std::size_t>(q)] = how;
    }
    history_.push_back(q);
    advance(q);
    return result;
}

void Session::correct(int q, const Answer& a, const TypedDetail& how) {
    answers_.values[static_cast<std::size_t>(q)] = a;
    typed_[static_cast<std::size_t>(q)] = how;
    // The answer may change what is asked next (skip logic, what is still needed).
    advance(history_.empty() ? -1 : history_.back());
}

void Session::restore(const Answers& answers, const std::vector<int>& history) {
    answers_ = answers;
    history_ = history;
    typed_.assign(defs_.questions.size(), TypedDetail{});
    advance(history_.empty() ? -1 : history_.back());
}

Answers Session::final_answers() const {
    Answers out = answers_;
    for (std::size_t i = 0; i < out.values.size(); ++i)
        if (out.values[i].given && !is_asked(defs_, out, static_cast<int>(i))) out.values[i] = Answer{};
    return out;
}

}  // namespace myoscreen
