// How few questions any exact adaptive dialogue could ask in the order
// the adaptive dialogue, README "A session" prescribes (emergency/urgent-capable first, then catalogue
// order), beside what needed_questions() asks. At each step of the walk, a
// question counts as truly needed only when a witness is found: two
// completions of the unasked answers that differ in this question alone and
// give different outcomes. The "perfect" walk asks the first question with a
// witness and stops when none has one, so its count estimates the floor of
// exact curtailment (a witness search can miss, so the estimate may be a
// little low; the agreement line says whether it missed on this cohort).
// usage: adaptive_floor FILE.jsonl [RECORDS] [--outcome full|no-reasons] [--tries N]
//   full:       factor levels, flag, urgency and reasons (the adaptive dialogue, README "A session")
//   no-reasons: factor levels, flag and urgency only
// FLOOR_DEBUG=1 prints, for each record the perfect walk got wrong, what differs.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "myoscreen/adaptive.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

struct Outcome {
    std::vector<Level> levels;
    std::vector<int> reasons;  // empty when reasons do not count
    bool flag = false;
    Urgency urgency = Urgency::none;
    bool operator==(const Outcome&) const = default;
};

bool with_reasons = true;

Outcome outcome_of(const Report& r) {
    Outcome o;
    for (const auto& f : r.factors) o.levels.push_back(f.level);
    o.flag = r.attention.flag;
    o.urgency = r.attention.urgency;
    if (with_reasons) o.reasons = r.attention.reasons;
    return o;
}

// Any valid answer, uniformly: rare answers (a red flag's yes) get their turn.
Answer random_answer(const Question& q, std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    switch (q.type) {
    case QuestionType::yes_no: return Answer{true, static_cast<double>(rng() % 2), 0};
    case QuestionType::choice: return Answer{true, static_cast<double>(rng() % q.choices.size()), 0};
    case QuestionType::multi_choice: {
        if (q.exclusive >= 0 && rng() % 3 == 0) return Answer{true, 0, std::uint64_t{1} << q.exclusive};
        std::uint64_t set = 0;
        for (std::size_t c = 0; c < q.choices.size(); ++c)
            if (static_cast<int>(c) != q.exclusive && rng() % 4 == 0) set |= std::uint64_t{1} << c;
        if (set == 0 && q.exclusive >= 0) set = std::uint64_t{1} << q.exclusive;
        return Answer{true, 0, set};
    }
    case QuestionType::integer: return Answer{true, std::round(q.min + u(rng) * (q.max - q.min)), 0};
    default: return Answer{true, q.min + u(rng) * (q.max - q.min), 0};
    }
}

// The answers to try for the question under test: every answer of a question
// with few, else the range's ends and values from the cohort.
std::vector<Answer> alternatives(const Question& q, const std::vector<Answers>& cohort, int qi, std::mt19937& rng) {
    std::vector<Answer> out;
    switch (q.type) {
    case QuestionType::yes_no: out = {Answer{true, 0, 0}, Answer{true, 1, 0}}; break;
    case QuestionType::choice:
        for (std::size_t c = 0; c < q.choices.size(); ++c) out.push_back(Answer{true, static_cast<double>(c), 0});
        break;
    case QuestionType::multi_choice:
        for (std::size_t c = 0; c < q.choices.size(); ++c) out.push_back(Answer{true, 0, std::uint64_t{1} << c});
        break;
    default:
        out = {Answer{true, q.min, 0}, Answer{true, q.max, 0}};
        for (int k = 0; k < 12; ++k) out.push_back(random_answer(q, rng));
    }
    for (int k = 0; k < 6; ++k)
        if (const Answer& a = cohort[rng() % cohort.size()].values[static_cast<std::size_t>(qi)]; a.given) out.push_back(a);
    return out;
}

// Is there a witness that question q still matters, given `known` (answers
// so far) and `asked`? Completions: half from cohort records, half uniform.
bool has_witness(const Definitions& defs, const Answers& known, const AskedSet& asked, int q,
                 const std::vector<Answers>& cohort, std::mt19937& rng, int tries) {
    const std::size_t n = defs.questions.size();
    const auto alts = alternatives(defs.questions[static_cast<std::size_t>(q)], cohort, q, rng);
    for (int t = 0; t < tries; ++t) {
        Answers c = known;
        const Answers& donor = cohort[rng() % cohort.size()];
        for (std::size_t k = 0; k < n; ++k) {
            if (asked[k] || static_cast<int>(k) == q) continue;
            c.values[k] = t % 2 == 0 && donor.values[k].given ? donor.values[k] : random_answer(defs.questions[k], rng);
        }
        c.values[static_cast<std::size_t>(q)] = alts.front();
        const Outcome base = outcome_of(screen(defs, c));
        for (std::size_t a = 1; a < alts.size(); ++a) {
            c.values[static_cast<std::size_t>(q)] = alts[a];
            if (!(outcome_of(screen(defs, c)) == base)) return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: adaptive_floor FILE.jsonl [RECORDS] [--outcome full|no-reasons] [--tries N]\n");
        return 2;
    }
    long max_records = 200;
    int tries = 60;  // completions tried per question and step
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--outcome") == 0 && i + 1 < argc) with_reasons = std::strcmp(argv[++i], "no-reasons") != 0;
        else if (std::strcmp(argv[i], "--tries") == 0 && i + 1 < argc) tries = std::atoi(argv[++i]);
        else max_records = std::atol(argv[i]);
    }
    const Definitions defs = load_embedded_definitions();
    const std::size_t n = defs.questions.size();
    std::ifstream in(argv[1]);
    JsonAnswersReader reader(defs);
    std::string line, id;
    bool has_id = false;
    std::vector<Answers> cohort;
    while (std::getline(in, line)) {
        Answers a(n);
        line.append(JsonAnswersReader::padding, ' ');
        if (reader.read(std::string_view(line).substr(0, line.size() - JsonAnswersReader::padding), a, "id", id, has_id).empty())
            cohort.push_back(std::move(a));
    }
    if (cohort.empty()) {
        std::fprintf(stderr, "adaptive_floor: no valid records\n");
        return 1;
    }
    std::mt19937 rng(20261204);
    long records = 0, full_total = 0, perfect_total = 0, agree = 0;
    for (const Answers& full : cohort) {
        if (records == max_records) break;
        ++records;
        for (std::size_t q = 0; q < n; ++q) full_total += is_asked(defs, full, static_cast<int>(q));
        // The perfect walk: needed_questions() is sound (a superset of what
        // truly matters), so the first question of its list with a witness
        // is the first truly needed one in the prescribed order.
        Answers sim(n);
        AskedSet asked(n, 0);
        for (;;) {
            int next = -1;
            for (int q : needed_questions(defs, sim, asked).questions)
                if (has_witness(defs, sim, asked, q, cohort, rng, tries)) {
                    next = q;
                    break;
                }
            if (next < 0) break;
            asked[static_cast<std::size_t>(next)] = 1;
            sim.values[static_cast<std::size_t>(next)] = full.values[static_cast<std::size_t>(next)];
            ++perfect_total;
        }
        const Outcome got = outcome_of(screen(defs, sim)), want = outcome_of(screen(defs, full));
        agree += got == want;
        if (std::getenv("FLOOR_DEBUG") && !(got == want)) {
            for (std::size_t f = 0; f < got.levels.size(); ++f)
                if (got.levels[f] != want.levels[f])
                    std::fprintf(stderr, "record %ld: factor %s level %d, full %d\n", records, defs.factors[f].id.c_str(),
                                 static_cast<int>(got.levels[f]), static_cast<int>(want.levels[f]));
            if (got.flag != want.flag || got.urgency != want.urgency)
                std::fprintf(stderr, "record %ld: flag %d/%d, full %d/%d\n", records, got.flag, static_cast<int>(got.urgency), want.flag,
                             static_cast<int>(want.urgency));
        }
    }
    std::printf("records %ld, outcome %s\n", records, with_reasons ? "levels, flag, urgency, reasons" : "levels, flag, urgency");
    std::printf("mean asked, full %.2f\nmean asked, perfect exact walk (estimate) %.2f\nfewer at best %.1f%%\n",
                double(full_total) / records, double(perfect_total) / records, 100.0 * (1.0 - double(perfect_total) / full_total));
    std::printf("agreement of the perfect walk %ld of %ld (below 100%%: the witness search missed)\n", agree, records);
    return 0;
}
