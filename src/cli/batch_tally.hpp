// Counts for the batch summary, and the summary and progress lines on stderr.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/report.hpp"

namespace myoscreen::cli {

struct Tally {
    std::uint64_t records = 0, errors = 0;
    std::uint64_t nothing_answered = 0;  // screened, though not one question was answered
    std::uint64_t blank_rows = 0;        // CSV rows with every cell empty: skipped, not records
    std::array<std::uint64_t, 4> urgency{};             // by Urgency
    std::vector<std::array<std::uint64_t, 4>> levels;   // per factor, by Level
    std::vector<std::uint64_t> ignored;                 // per question: answers ignored, absent
    std::vector<std::uint64_t> checks;                  // per plausibility check: records where it is true

    // For the cohort report: counts only, so memory stays flat. One row per
    // group (everyone, each age group, each sex and "not answered"); a row
    // holds records, urgency, each factor's levels, and each instrument's
    // bands then "undecided" then "does not apply". A record is counted in
    // its age group and its sex group; everyone is the sum of the age groups.
    std::vector<std::uint64_t> cohort;

    void add(const Report& r, const Answers& a);
    void merge(const Tally& o);

private:
    int age_q_ = -1, sex_q_ = -1;       // question indices (-1: none), looked up at the first add
    std::size_t stride_ = 0;             // a cohort row's length; 0 until the first add
    std::vector<std::uint32_t> cells_;   // the cells of a row one record counts in
};

// The age groups the cohort report breaks results down by.
inline constexpr const char* age_groups[] = {"18\u201349", "50\u201364", "65\u201379", "80+", "age not answered"};

// The tally's counts as the cohort report takes them.
CohortCounts cohort_counts(const Definitions& defs, const Tally& t);

// The one warning for answers to absent questions (docs/definitions-format.md, "Unknown and absent"),
// aggregated over the batch: "answers to questions that did not apply were
// ignored: q (12 records), ...", in questionnaire order; empty when none.
std::string format_ignored(const Definitions& defs, const Tally& t);

// The one warning for plausibility checks, aggregated over the batch (one
// line, not one per record, and no values): "plausibility checks ...:
// bmi_implausible (3 records), ..."; empty when none was true.
std::string format_checks(const Definitions& defs, const Tally& t);

// The end-of-batch summary: records, errors, flagged by urgency and each
// factor's levels, as small bars; the plausibility checks' counts.
std::string format_summary(const Definitions& defs, const Tally& t, bool color);

}  // namespace myoscreen::cli
