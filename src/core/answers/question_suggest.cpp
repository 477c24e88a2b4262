// Names that are no question id: the question a typo most likely meant, and
// the error for a JSON key that is none (named by position, never by text).
#include <algorithm>

#include <fmt/format.h>

#include "answers/answer_values.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {
std::string suggest_question(const Definitions& d, std::string_view name) {
    if (name.size() <= 3) return {};
    std::string best;
    // One edit for short names, two for longer ones: "sexx" → sex, but
    // "name" is not a typo of age.
    int best_d = name.size() <= 5 ? 2 : 3;
    for (const auto& q : d.questions) {
        const int dist = edit_distance(name, q.id);
        if (dist < best_d) best_d = dist, best = q.id;
    }
    return best;
}

AnswerError detail::unknown_key(const Definitions& d, std::string_view key, std::size_t position) {
    AnswerError e{suggest_question(d, key), fmt::format("key {} is not a question id", position), Refusal::unknown_key};
    if (!e.field.empty()) e.reason += fmt::format("; did you mean '{}'?", e.field);
    return e;
}

}  // namespace myoscreen
