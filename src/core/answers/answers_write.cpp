// Answers as a JSON answers object: see answers_write.hpp.
#include "answers/answers_write.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace myoscreen {

void detail::write_answers(JsonWriter& w, const Definitions& defs, const Answers& answers) {
    w.begin_object();
    for (std::size_t i = 0; i < defs.questions.size() && i < answers.values.size(); ++i) {
        const Question& q = defs.questions[i];
        const Answer& a = answers.values[i];
        if (!a.given) continue;
        w.key(q.id);
        switch (q.type) {
        case QuestionType::yes_no: w.boolean(a.num != 0); break;
        case QuestionType::choice: w.string(q.choices[static_cast<std::size_t>(a.num)].code); break;
        case QuestionType::multi_choice:
            w.begin_array();
            for (std::size_t c = 0; c < q.choices.size(); ++c)
                if (a.set >> c & 1U) w.string(q.choices[c].code);
            w.end_array();
            break;
        default: {
            // Shortest exact form, without a heap string per number (batch
            // --include-answers writes one for most questions of every record).
            char buf[32];
            const auto r = fmt::format_to_n(buf, sizeof buf, "{}", a.num);
            w.raw(std::string_view(buf, std::min(r.size, sizeof buf)));
            break;
        }
        }
    }
    w.end_object();
}

std::string answers_to_json(const Definitions& defs, const Answers& answers) {
    std::string out;
    detail::JsonWriter w(out, false);
    detail::write_answers(w, defs, answers);
    w.finish();
    return out;
}

}  // namespace myoscreen
