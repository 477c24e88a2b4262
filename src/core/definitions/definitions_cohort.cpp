// Reading the cohort report's groupings ("cohort"): which answers break a
// batch down (age bands, sex), with their cut-offs, labels and headings. They
// are data so that no question id or cut-off lives in the tally's C++.
#include "definitions/definitions_reader.hpp"

namespace myoscreen::detail {

void Loader::cohort(const json& j) {
    const auto it = j.find("cohort");
    if (it == j.end() || !ctx_.object(*it, "/cohort", "the cohort report's groupings")) return;
    ctx_.only_keys(*it, "/cohort", {"groupings"});
    const json* a = ctx_.array(*it, "/cohort", "groupings");
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) cohort_grouping((*a)[i], child("/cohort/groupings", i));
}

void Loader::cohort_grouping(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "a cohort grouping")) return;
    ctx_.only_keys(v, p, {"id", "question", "title", "group", "bands", "not_answered"});
    CohortGrouping g;
    if (auto id = ctx_.str(v, p, "id")) unique_id(g.id = *id, child(p, "id"), "cohort grouping", defs_.cohort);
    g.title = ctx_.str(v, p, "title").value_or("");
    g.group_word = ctx_.str(v, p, "group").value_or("");
    g.not_answered = ctx_.str(v, p, "not_answered").value_or("");
    if (auto id = ctx_.str(v, p, "question")) {
        g.question = defs_.question_index(*id);
        if (g.question < 0) {
            ctx_.error(child(p, "question"), "unknown question \"" + *id + "\"");
        } else {
            const Question& q = defs_.questions[static_cast<std::size_t>(g.question)];
            g.by_choice = q.type == QuestionType::choice;
            if (g.by_choice) {
                for (const Choice& c : q.choices) g.labels.push_back(c.label);
                if (v.contains("bands"))
                    ctx_.error(child(p, "bands"), "a choice question groups by its choices: \"bands\" are for number questions");
            } else if (q.type == QuestionType::integer || q.type == QuestionType::number) {
                if (v.contains("bands")) cohort_bands(v, p, g);
                else ctx_.error(p, "a grouping by a number question needs \"bands\"");
            } else {
                ctx_.error(child(p, "question"), "a grouping's question is a number, integer or choice question; \"" + *id + "\" is not one");
            }
        }
    }
    defs_.cohort.push_back(std::move(g));
}

// "bands": [{"label": "18–49", "below": 50}, ..., {"label": "80+"}]: each
// band holds the answers below its cut-off and at or above the one before;
// the last band has no cut-off and holds the rest.
void Loader::cohort_bands(const json& v, const std::string& p, CohortGrouping& g) {
    const json* a = ctx_.array(v, p, "bands");
    if (!a) return;
    const std::string bp = child(p, "bands");
    if (a->empty()) ctx_.error(bp, "a grouping has at least one band");
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string ip = child(bp, i);
        const json& b = (*a)[i];
        if (!ctx_.object(b, ip, "a band of a grouping")) continue;
        ctx_.only_keys(b, ip, {"label", "below"});
        g.labels.push_back(ctx_.str(b, ip, "label").value_or(""));
        const bool last = i + 1 == a->size();
        if (last) {
            if (b.contains("below")) ctx_.error(child(ip, "below"), "the last band has no cut-off: it holds every answer above the others");
            continue;
        }
        if (auto below = ctx_.num(b, ip, "below")) {
            if (!g.below.empty() && !(*below > g.below.back()))
                ctx_.error(child(ip, "below"), "cut-offs must rise from band to band");
            g.below.push_back(*below);
        }
    }
}

}  // namespace myoscreen::detail
