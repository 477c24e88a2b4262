// The dialogue on a terminal: one question at a time (adaptive or all),
// help, back, skip, plausibility checks, the emergency stop, --save/--resume,
// and the offer to save a report at the end.
#include "dialogue/dialogue.hpp"
#include "dialogue/dialogue_checks.hpp"
#include "dialogue/dialogue_terminal.hpp"

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/screen.hpp"
#include "myoscreen/session.hpp"
#include "myoscreen/text.hpp"
#include "io/report_output.hpp"
#include "dialogue/saved_session.hpp"

namespace myoscreen::cli {
namespace {

std::string hint(const Question& q) {
    switch (q.type) {
    case QuestionType::integer:
    case QuestionType::number: {
        std::string h = describe_range(q);
        if (q.unit == Unit::kg) h += "; or in lb, e.g. 154 lb";
        // An example sized for the question: feet and inches for a height,
        // plain inches for a calf or a waist.
        if (q.unit == Unit::cm)
            h += q.max >= 150 ? std::string("; or in feet and inches, e.g. 5 ft 8 in")
                              : fmt::format("; or in inches, e.g. {:.0f} in", (q.min + q.max) / 2 / 2.54);
        return h;
    }
    case QuestionType::yes_no: return "yes or no";
    case QuestionType::choice:
        // On an amount question a number is the amount, so the choices carry no numbers.
        if (q.amounts)
            return q.amount_unit != Unit::none
                       ? fmt::format("type the amount in {}, e.g. 2 {}, or a word of an answer", to_string(q.amount_unit), to_string(q.amount_unit))
                       : fmt::format("type how many{}, e.g. 2, or a word of an answer",
                                     q.amount_words.empty() ? "" : " " + q.amount_words.front());
        return "type a number or a word of the answer";
    case QuestionType::multi_choice: return "one or more numbers or words, separated by commas";
    }
    return "";
}

class Dialogue {
public:
    Dialogue(const Definitions& d, const DialogueOptions& o) : defs_(d), opt_(o), term_(o.color), session_(d, o.adaptive) {}

    DialogueResult run() {
        const SigintGuard guard;  // Ctrl-C ends the dialogue cleanly
        Answers saved;
        std::vector<int> history;
        if (!opt_.resume.empty()) load_session(opt_.resume, defs_, saved, history);  // fail before greeting
        bool resume_saved = !opt_.resume.empty();
        if (opt_.resume.empty() && !opt_.save.empty()) resume_saved = check_save_file(saved, history);
        welcome();
        if (resume_saved) resume(saved, history);
        session_.set_confirm_empty(true);
        try {
            ask_all();
        } catch (const Failure& f) {
            // Ctrl-C: say where the answers are and how to go on from there.
            if (f.code != exit_interrupted || save_path().empty() || ::access(save_path().c_str(), F_OK) != 0) throw;
            throw Failure(exit_interrupted, fmt::format("interrupted; no report was made. Your answers so far are saved in {}.\n"
                                                        "To continue: myoscreen --resume {}",
                                                        save_path(), shell_quote(save_path())));
        }
        if (opt_.offer_report != nullptr && !ended_early_) offer_report(*opt_.offer_report);  // Ctrl-D means "show me now"
        term_.print(ended_early_ ? "\nYour report on the answers so far follows.\n\n" : "\nThank you. Your report follows.\n\n");
        AskedSet asked = session_.asked();
        if (ended_early_) asked.assign(asked.size(), 1);  // not reached, so unanswered rather than not needed
        return {session_.final_answers(), asked};
    }

private:
    const Definitions& defs_;
    const DialogueOptions& opt_;
    Terminal term_;
    Session session_;
    std::vector<bool> announced_ = std::vector<bool>(defs_.red_flags.size(), false);
    bool ended_early_ = false;
    std::vector<bool> checks_raised_;  // plausibility checks asked about while true

    // --save FILE that already exists: a session of these definitions is
    // offered for resuming; anything else is never overwritten.
    bool check_save_file(Answers& saved, std::vector<int>& history) {
        const std::string& path = opt_.save;
        if (::access(path.c_str(), F_OK) != 0) return false;
        std::string text;
        try {
            text = read_input(path, "saved session");
        } catch (const Failure&) {
            throw Failure(exit_usage, fmt::format("--save {}: the file exists but cannot be read; choose another file", path));
        }
        const SessionRead r = read_session(text, defs_, saved, history);
        if (r.kind != SessionRead::Kind::ok)
            throw Failure(exit_usage, fmt::format("--save {}: the file exists and is not a saved session of these definitions ({}); "
                                                  "it was left as it is. Choose another file name.",
                                                  path, r.message));
        const auto reply = term_.read_line(
            fmt::format("{} holds a saved session ({} questions asked). Continue it? {} ", path, history.size(), yes_no_hint(true)));
        if (!reply) throw Failure(exit_ok, "ended before the first question (Ctrl-D); nothing was changed");
        if (yes_no_reply(*reply, true) == true) return true;
        throw Failure(exit_usage, fmt::format("--save {}: not continuing it, and not overwriting it either; choose another file "
                                              "name, or delete the file to start again",
                                              path));
    }

    void ask_all() {
        int section = -1;
        while (!session_.finished() && !ended_early_) {
            const int qi = session_.current();
            const Question& q = defs_.questions[qi];
            if (q.section != section) {
                section = q.section;
                term_.print(fmt::format("\n{}\n", term_.bold(defs_.sections[section].title)));
            }
            ask(q);
            auto line = term_.read_line("> ");
            if (!line) {  // Ctrl-D: a report of what was answered, as EOF in line mode
                term_.print("\n");
                ended_early_ = true;
                return;
            }
            if (term_.last_too_long()) {
                term_.print(term_.sorry("that answer is too long. Please try again."));
                continue;
            }
            AnswerError err;
            switch (session_.input(*line, err)) {
            case Session::Outcome::invalid: term_.print(term_.sorry(err.reason + ".")); break;
            case Session::Outcome::help: help(q); break;
            case Session::Outcome::at_start: term_.print("  This is the first question.\n"); break;
            case Session::Outcome::empty:
                term_.print(term_.dim("  (type an answer, ? for help, or press Enter again to skip this question)") + "\n");
                break;
            case Session::Outcome::back: section = -1; break;
            case Session::Outcome::skipped:
                term_.print(term_.dim("  skipped") + "\n");
                after_answer();
                break;
            case Session::Outcome::answered:
                term_.print(term_.dim("  = " + describe_answer(q, session_.answers().values[qi])) + "\n");
                after_answer();
                break;
            }
        }
    }

    void welcome() {
        term_.print(term_.bold(defs_.name) + " " + defs_.version + "\n\n" + term_.wrap("", defs_.disclaimer, "") + "\n" +
                    term_.dim(term_.wrap("", "Type ? for help on a question, 'back' to go back, 'skip' to leave one "
                                             "unanswered. Ctrl-C stops at any time.", "")));
    }

    void ask(const Question& q) {
        const auto& sec = defs_.sections[q.section];
        // Adaptive: how many are left changes as answers settle things, so it is "about"; with
        // none left after this one, a skip could still make others matter: "maybe the last".
        const int to_go = session_.to_go();
        const std::string progress =
            !session_.adaptive() ? fmt::format("{} · question {} of {}", sec.title, session_.position(), session_.expected_total())
            : to_go == 0         ? fmt::format("{} · question {} · maybe the last", sec.title, session_.position())
                                 : fmt::format("{} · question {} · about {} to go", sec.title, session_.position(), to_go);
        term_.print(fmt::format("\n{}\n", term_.dim(progress)));
        term_.print(term_.bold(term_.wrap("", q.text, "")));
        for (std::size_t c = 0; c < q.choices.size(); ++c)
            term_.print(term_.wrap(q.amounts ? std::string("   -  ") : fmt::format("  {:>2}  ", c + 1), q.choices[c].label, "      "));
        term_.print(term_.dim(term_.wrap("  (", hint(q) + ")", "   ")));
        std::vector<std::string> words;
        if (q.type == QuestionType::yes_no) words = {"yes", "no"};
        for (const auto& c : q.choices) words.push_back(c.code);
        for (const char* cmd : {"skip", "back", "help"}) words.emplace_back(cmd);
        term_.set_completions(std::move(words));
    }

    void help(const Question& q) {
        term_.print(q.help.empty() ? "  No extra help for this question.\n" : term_.wrap("  ", q.help, "  "));
        if (!q.choices.empty()) {
            std::string codes;
            for (const auto& c : q.choices) codes += (codes.empty() ? "" : ", ") + c.code;
            term_.print(term_.dim("  Codes: " + codes) + "\n");
        }
        term_.print(term_.dim("  Commands: skip (leave unanswered), back (previous question), Ctrl-C (stop).") + "\n");
    }

    // A file name for the report, or nothing: Enter (or n, or Ctrl-D) declines.
    void offer_report(std::string& chosen) {
        static constexpr std::string_view suggested = "myoscreen-report.html";
        term_.print("\n" + term_.dim(term_.wrap("", fmt::format("(Enter: no. y: save as {}. A name ending in .html, .pdf, .json or .txt: "
                                                                "save in that format.)", suggested), "")));
        for (;;) {
            term_.print(fmt::format("Save this report to take to your doctor? File name [{}]: ", suggested));
            const auto line = term_.read_line();
            if (!line) {
                term_.print("\n");
                return;
            }
            std::string name(*line);
            name.erase(0, name.find_first_not_of(" \t"));
            name.erase(name.find_last_not_of(" \t") + 1);
            if (const auto yes = yes_no_reply(name, false)) {  // Enter or n: no; y: the name suggested
                if (!*yes) return;
                name = suggested;
            }
            if (name.starts_with("~/"))
                if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') name = home + name.substr(1);
            if (!format_of_file(name)) {
                term_.print("  Please give a name ending in .html, .pdf, .json or .txt.\n");
                continue;
            }
            struct stat st {};
            if (::stat(name.c_str(), &st) == 0) {
                if (S_ISDIR(st.st_mode)) {
                    term_.print("  That is a folder. Please give a file name.\n");
                    continue;
                }
                term_.print(fmt::format("  {} exists. Replace it? {} ", name, yes_no_hint(false)));
                const auto yes = term_.read_line();
                if (!yes || !yes_no_reply(*yes, false).value_or(false)) continue;
            }
            chosen = name;
            return;
        }
    }

    // Where progress is kept: --save, or else the file being resumed.
    const std::string& save_path() const { return opt_.save.empty() ? opt_.resume : opt_.save; }

    void after_answer() {
        plausibility();
        if (!save_path().empty()) save_session(save_path(), defs_, session_.answers(), session_.history());
        if (!ended_early_) emergency_check();
    }

    // A slip such as 180 (kg) at 180 cm: ask to confirm or correct (dialogue_checks.cpp).
    void plausibility() {
        if (defs_.checks.empty()) return;
        const CheckTerminal t{[this](std::string_view s) { term_.print(s); },
                              [this](const std::string& prompt) { return term_.read_line(prompt); },
                              [this](std::string_view lead, std::string_view text, std::string_view indent) {
                                  return term_.wrap(lead, text, indent);
                              },
                              [this](std::string_view s) { return term_.bold(s); }, [this](std::string_view s) { return term_.dim(s); }};
        if (!confirm_checks(defs_, session_, checks_raised_, t)) {
            term_.print("\n");
            ended_early_ = true;  // Ctrl-D: the report on the answers so far
        }
    }

    // An emergency red flag is said at once, before any more questions.
    void emergency_check() {
        const Report r = screen(defs_, session_.final_answers());
        bool any = false;
        for (int k : r.attention.reasons) {
            const RedFlag& f = defs_.red_flags[k];
            if (f.urgency != Urgency::emergency || announced_[k]) continue;
            announced_[k] = true;
            any = true;
            term_.print(fmt::format("\n{}\n{}", term_.red("!! SEEK EMERGENCY CARE NOW"), term_.bold(term_.wrap("", f.text, ""))));
            if (!f.action.empty()) term_.print(term_.wrap("", f.action, ""));
        }
        if (!any) return;
        term_.print("\nPress Enter to continue the questionnaire, Ctrl-D for the report now, or Ctrl-C to stop.\n");
        if (!term_.read_line()) ended_early_ = true;  // Ctrl-D: the report now, emergency first
    }

    void resume(const Answers& a, const std::vector<int>& history) {
        session_.restore(a, history);
        std::size_t answered = 0;
        for (const auto& v : a.values) answered += v.given ? 1 : 0;
        term_.print(fmt::format("\nResuming: {} of the {} questions asked so far were answered.\n", answered, history.size()));
        emergency_check();  // an emergency already in the saved answers is said again, once
    }
};

}  // namespace

DialogueResult run_dialogue(const Definitions& defs, const DialogueOptions& opt) { return Dialogue(defs, opt).run(); }

}  // namespace myoscreen::cli
