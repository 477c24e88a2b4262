// The questionnaire walk: one typed line at a time, with skip logic, skip, back and restore.
#include "myoscreen/session.hpp"

#include <cctype>
#include <string>

#include "myoscreen/screen.hpp"
#include "units.hpp"

namespace myoscreen {

Session::Session(const Definitions& defs) : defs_(defs), answers_(defs.questions.size()) { current_ = next_from(0); }

int Session::next_from(int q) const {
    for (int i = q; i < static_cast<int>(defs_.questions.size()); ++i)
        if (is_asked(defs_, answers_, i)) return i;
    return -1;
}

int Session::expected_total() const {
    int n = static_cast<int>(history_.size());
    for (int i = current_ < 0 ? static_cast<int>(defs_.questions.size()) : current_; i < static_cast<int>(defs_.questions.size()); ++i)
        if (is_asked(defs_, answers_, i)) ++n;
    return n;
}

Session::Outcome Session::input(std::string_view line, AnswerError& err) {
    if (current_ < 0) return Outcome::invalid;
    std::string cmd(detail::trim(line));
    for (char& c : cmd) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (cmd == "?" || cmd == "help") return Outcome::help;
    if (cmd == "back") {
        if (history_.empty()) return Outcome::at_start;
        current_ = history_.back();
        history_.pop_back();
        return Outcome::back;
    }
    const int q = current_;
    Outcome result = Outcome::answered;
    if (cmd == "skip" || cmd.empty()) {
        answers_.values[q] = Answer{};
        result = Outcome::skipped;
    } else {
        Answer a;
        if (auto e = parse_typed_answer(defs_.questions[q], line, a)) {
            err = *e;
            return Outcome::invalid;
        }
        answers_.values[q] = a;
    }
    history_.push_back(q);
    current_ = next_from(q + 1);
    return result;
}

void Session::restore(const Answers& answers, const std::vector<int>& history) {
    answers_ = answers;
    history_ = history;
    current_ = next_from(history_.empty() ? 0 : history_.back() + 1);
}

Answers Session::final_answers() const {
    Answers out = answers_;
    for (std::size_t i = 0; i < out.values.size(); ++i)
        if (out.values[i].given && !is_asked(defs_, out, static_cast<int>(i))) out.values[i] = Answer{};
    return out;
}

}  // namespace myoscreen
