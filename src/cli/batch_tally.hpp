// Counts for the batch summary, and the summary and progress lines on stderr.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "myoscreen/report.hpp"

namespace myoscreen::cli {

struct Tally {
    std::uint64_t records = 0, errors = 0;
    std::array<std::uint64_t, 4> urgency{};             // by Urgency
    std::vector<std::array<std::uint64_t, 4>> levels;   // per factor, by Level
    std::vector<std::uint64_t> ignored;                 // per question: answers ignored, absent

    void add(const Report& r);
    void merge(const Tally& o);
};

// The one warning for answers to absent questions (clinical.md, Conventions),
// aggregated over the batch: "answers to questions that did not apply were
// ignored: q (12 records), ...", in questionnaire order; empty when none.
std::string format_ignored(const Definitions& defs, const Tally& t);

// The end-of-batch summary: records, errors, flagged by urgency and each
// factor's levels, as small bars.
std::string format_summary(const Definitions& defs, const Tally& t, bool color);

}  // namespace myoscreen::cli
