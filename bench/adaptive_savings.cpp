// How many questions the adaptive dialogue asks, beside the full
// questionnaire, on a cohort of JSON Lines records (bench/gen), and whether
// every outcome agrees (it must: deterministic curtailment is exact).
// Each record plays a person who answers from it and skips what it lacks.
// usage: adaptive_savings FILE.jsonl [--mode needed|would-decide]
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "myoscreen/adaptive.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

bool same_outcome(const Report& a, const Report& b) {
    if (a.attention.flag != b.attention.flag || a.attention.urgency != b.attention.urgency ||
        a.attention.reasons != b.attention.reasons)
        return false;
    for (std::size_t f = 0; f < a.factors.size(); ++f)
        if (a.factors[f].level != b.factors[f].level) return false;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: adaptive_savings FILE.jsonl\n");
        return 2;
    }
    const Definitions defs = load_embedded_definitions();
    std::ifstream in(argv[1]);
    JsonAnswersReader reader(defs);
    std::string line, id;
    bool has_id = false;
    long records = 0, agree = 0, asked_total = 0, full_total = 0, firsts_urgent = 0;
    std::map<int, long> histogram;  // questions asked → records
    const std::size_t n = defs.questions.size();
    while (std::getline(in, line)) {
        Answers full(n);
        line.append(JsonAnswersReader::padding, ' ');
        if (reader.read(std::string_view(line).substr(0, line.size() - JsonAnswersReader::padding), full, "id", id, has_id).size() != 0) continue;
        ++records;
        // The full questionnaire asks every question that applies.
        int full_count = 0;
        for (std::size_t q = 0; q < n; ++q) full_count += is_asked(defs, full, static_cast<int>(q));
        // The adaptive one.
        Answers sim(n);
        AskedSet asked(n, 0);
        int count = 0;
        for (;;) {
            const NeededQuestions need = needed_questions(defs, sim, asked);
            if (need.questions.empty()) break;
            const int q = need.questions.front();
            if (count == 0) firsts_urgent += need.urgent > 0;
            asked[static_cast<std::size_t>(q)] = 1;
            sim.values[static_cast<std::size_t>(q)] = full.values[static_cast<std::size_t>(q)];
            ++count;
        }
        const Report a = screen(defs, sim), b = screen(defs, full);
        agree += same_outcome(a, b);
        asked_total += count;
        full_total += full_count;
        ++histogram[count / 5 * 5];
    }
    if (records == 0) {
        std::fprintf(stderr, "adaptive_savings: no valid records\n");
        return 1;
    }
    std::printf("records %ld\nagreement %.4f%% (%ld of %ld)\n", records, 100.0 * agree / records, agree, records);
    std::printf("mean asked, adaptive %.2f\nmean asked, full %.2f\nfewer %.1f%%\n", double(asked_total) / records,
                double(full_total) / records, 100.0 * (1.0 - double(asked_total) / full_total));
    std::printf("first question could raise an emergency or urgent flag: %ld of %ld\n", firsts_urgent, records);
    std::printf("distribution (questions asked: records)\n");
    for (const auto& [k, v] : histogram) std::printf("  %2d-%2d: %ld\n", k, k + 4, v);
    return agree == records ? 0 : 1;
}
