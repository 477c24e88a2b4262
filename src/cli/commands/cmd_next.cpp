// `next`: the adaptive questionnaire's next question for other front-ends
// (a web form, a chat, an EHR): {"next": QUESTION|null, "needed": [...], "asked": N}.
#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/adaptive.hpp"
#include "myoscreen/render.hpp"
#include "dialogue/saved_session.hpp"

namespace myoscreen::cli {

int cmd_next(const NextArgs& a) {
    if (a.answers.empty() == a.session.empty()) throw Failure(exit_usage, "next needs one of --answers FILE or --session FILE");
    const Definitions d = load_rules(a.rules);
    Answers answers(d.questions.size());
    AskedSet asked(d.questions.size(), 0);
    if (!a.answers.empty()) {
        answers = read_answers_file(d, a.answers);
        for (std::size_t q = 0; q < asked.size(); ++q) asked[q] = answers.values[q].given;
    } else {
        // A session also knows what was skipped: those are not asked again.
        std::vector<int> history;
        load_session(a.session, d, answers, history);
        for (int q : history) asked[static_cast<std::size_t>(q)] = 1;
        for (std::size_t q = 0; q < asked.size(); ++q) asked[q] |= answers.values[q].given;
    }
    const NeededQuestions need = needed_questions(d, answers, asked);
    int n = 0;
    for (char c : asked) n += c != 0;
    std::string out;
    render_next_json(d, need.questions, n, out);
    write_out(out);
    return exit_ok;
}

}  // namespace myoscreen::cli
