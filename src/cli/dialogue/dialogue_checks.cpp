// Plausibility checks in the dialogue: see dialogue_checks.hpp.
#include "dialogue/dialogue_checks.hpp"

#include <cctype>

#include <fmt/format.h>

#include "myoscreen/screen.hpp"
#include "myoscreen/text.hpp"
#include "terminal/terminal.hpp"

namespace myoscreen::cli {
namespace {

std::string lower_trimmed(std::string_view s) {
    std::string out(s);
    out.erase(0, out.find_first_not_of(" \t"));
    out.erase(out.find_last_not_of(" \t") + 1);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class CheckDialogue {
public:
    CheckDialogue(const Definitions& d, Session& s, const CheckTerminal& t) : defs_(d), session_(s), term_(t) {}

    // One check: its message, then the alternative or each answer to confirm.
    bool ask(int k, const Report& r) {
        const Check& c = defs_.checks[static_cast<std::size_t>(k)];
        std::string said(1, '\n');  // appended, not "\n" + ...: g++ 12 warns falsely (-Wrestrict) on that
        said += term_.bold(term_.wrap("  ", check_message(defs_, r, k), "  "));
        term_.print(said);
        if (const auto taken = alternative(k, c)) return *taken;
        for (int q : c.confirm)
            if (session_.answers().values[static_cast<std::size_t>(q)].given && !confirm(q)) return false;
        return true;
    }

private:
    const Definitions& defs_;
    Session& session_;
    const CheckTerminal& term_;

    // The check's unit alternative, when its answer was a bare number and
    // reading it in the alternative unit satisfies the alternative's
    // condition: true once taken, false on Ctrl-D, nullopt when not offered
    // or declined (then the answers are confirmed one by one).
    std::optional<bool> alternative(int k, const Check& c) {
        const int q = c.alternative.question;
        if (q < 0) return std::nullopt;
        const auto& bare = session_.typed(q).bare_number;
        if (!bare || !session_.answers().values[static_cast<std::size_t>(q)].given) return std::nullopt;
        const Question& question = defs_.questions[static_cast<std::size_t>(q)];
        const std::string reading = fmt::format("{} {}", *bare, c.alternative.unit);
        Answer alt;
        // A unit this question does not take, or out of range that way: no offer.
        if (parse_typed_answer(question, reading, alt, {.words = &defs_.words})) return std::nullopt;
        Answers answers = session_.final_answers();
        answers.values[static_cast<std::size_t>(q)] = alt;
        if (!check_alternative_holds(defs_, answers, k)) return std::nullopt;
        for (;;) {
            const auto reply = term_.read_line(
                fmt::format("  Did you mean {} ({})? {} ", reading, describe_answer(question, alt), yes_no_hint(std::nullopt)));
            if (!reply) return false;
            const auto yes = yes_no_reply(*reply);
            if (yes == true) {
                session_.correct(q, alt);
                term_.print(term_.dim("  = " + describe_answer(question, alt)) + "\n");
                return true;
            }
            if (yes == false) return std::nullopt;
            term_.print("  Please answer y or n.\n");
        }
    }

    // One answer: Enter keeps it; anything else is a new answer to it.
    bool confirm(int q) {
        const Question& question = defs_.questions[static_cast<std::size_t>(q)];
        for (;;) {
            const Answer& now = session_.answers().values[static_cast<std::size_t>(q)];
            const auto reply = term_.read_line(
                fmt::format("  {}: {}. Enter to keep it, or type the right answer: ", question.name(), describe_answer(question, now)));
            if (!reply) return false;
            // Enter or yes keeps it, as do "ok" and "keep"; a no is read as an answer (it may be one).
            const std::string a = lower_trimmed(*reply);
            if (yes_no_reply(*reply, true) == true || a == "ok" || a == "keep") return true;
            Answer fixed;
            TypedDetail how;
            if (const auto err = parse_typed_answer(question, *reply, fixed, {.words = &defs_.words, .info = &how})) {
                term_.print(term_.wrap("  Sorry: ", err->reason + ". Please try again, or press Enter to keep the answer.", "         "));
                continue;
            }
            session_.correct(q, fixed, how);
            term_.print(term_.dim("  = " + describe_answer(question, fixed)) + "\n");
            return true;
        }
    }
};

}  // namespace

bool confirm_checks(const Definitions& defs, Session& session, std::vector<bool>& raised, const CheckTerminal& term) {
    raised.resize(defs.checks.size(), false);
    CheckDialogue dialogue(defs, session, term);
    // A correction can raise another check: look again after each, a
    // bounded number of times. One confirmed stays quiet while it is true.
    for (std::size_t round = 0; round <= 2 * defs.checks.size(); ++round) {
        const Report r = screen(defs, session.final_answers());
        std::vector<bool> now(defs.checks.size(), false);
        for (int k : r.checks) now[static_cast<std::size_t>(k)] = true;
        int next = -1;
        for (std::size_t k = 0; k < now.size(); ++k) {
            if (!now[k]) raised[k] = false;  // asked again if it turns true again
            else if (!raised[k] && next < 0) next = static_cast<int>(k);
        }
        if (next < 0) return true;
        raised[static_cast<std::size_t>(next)] = true;
        if (!dialogue.ask(next, r)) return false;
    }
    return true;
}

}  // namespace myoscreen::cli
