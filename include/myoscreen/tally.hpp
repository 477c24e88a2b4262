// A batch's counts, for its summary and the cohort report: a record's
// results are added as it is screened (each thread keeps its own tally, and
// tallies merge), so memory stays flat whatever the number of records. The
// cohort report's groupings come from the definitions ("cohort"). Also the
// summary's lines, which the CLI writes on stderr.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/report.hpp"

namespace myoscreen {

struct Tally {
    std::uint64_t records = 0, errors = 0;
    std::uint64_t nothing_answered = 0;  // screened, though not one question was answered
    std::uint64_t blank_rows = 0;        // CSV rows with every cell empty: skipped, not records
    std::array<std::uint64_t, 4> urgency{};             // by Urgency
    std::vector<std::array<std::uint64_t, 4>> levels;   // per factor, by Level
    std::vector<std::uint64_t> ignored;                 // per question: answers ignored, absent
    std::vector<std::uint64_t> checks;                  // per plausibility check: records where it is true

    // For the cohort report: counts only, so memory stays flat. One row per
    // group: everyone, then each grouping's groups (Definitions::cohort); a
    // row holds records, urgency, each factor's levels, and each
    // instrument's bands then "undecided" then "does not apply". A record is
    // counted in one group of each grouping; everyone is the sum of the
    // first grouping's groups (row 0 is counted only without groupings).
    std::vector<std::uint64_t> cohort;

    void add(const Report& r, const Answers& a);
    void merge(const Tally& o);

private:
    // Each grouping as the hot path reads it (made at the first add from
    // Definitions::cohort, which outlives the tally).
    struct Grouping {
        std::uint32_t question;    // the answer to read
        std::uint32_t first;       // the row of its first group
        std::uint32_t unanswered;  // the row of its last group: no answer
        std::uint32_t cuts;        // number question: how many cut-offs in `below`
        const double* below;       // number question: the cut-offs; null: a choice per group
    };
    std::size_t stride_ = 0;              // a cohort row's length; 0 until the first add
    std::vector<std::uint32_t> cells_;    // the cells of a row one record counts in
    std::vector<Grouping> groupings_;
};

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
// factor's levels, as small bars; the plausibility checks' counts. Headings
// are marked by `heading` (the terminal's bold, or nothing): the core writes
// no escape code.
std::string format_summary(const Definitions& defs, const Tally& t, const TextMark& heading);

}  // namespace myoscreen
