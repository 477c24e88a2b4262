// Names that are no question id: the question a typo most likely meant, and
// the error for a JSON key that is none (named by position, never by text).
#include <algorithm>

#include <fmt/format.h>

#include "answer_values.hpp"
#include "myoscreen/records.hpp"

namespace myoscreen {
namespace {

// Levenshtein distance, bounded: enough to spot a typo in a column name.
int edit_distance(std::string_view a, std::string_view b) {
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

std::string suggest_question(const Definitions& d, std::string_view name) {
    if (name.size() <= 3) return {};
    std::string best;
    // One edit for short names, two for longer ones: "sexx" → sex, but
    // "name" is not a typo of "age".
    int best_d = name.size() <= 5 ? 2 : 3;
    for (const auto& q : d.questions) {
        const int dist = edit_distance(name, q.id);
        if (dist < best_d) best_d = dist, best = q.id;
    }
    return best;
}

AnswerError detail::unknown_key(const Definitions& d, std::string_view key, std::size_t position) {
    AnswerError e{suggest_question(d, key), fmt::format("key {} is not a question id", position)};
    if (!e.field.empty()) e.reason += fmt::format("; did you mean '{}'?", e.field);
    return e;
}

}  // namespace myoscreen
