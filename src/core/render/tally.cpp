// The batch tally (tally.hpp): counts per record for the summary and the
// cohort report, broken down by the definitions' cohort groupings.
#include <algorithm>

#include "myoscreen/tally.hpp"

namespace myoscreen {

namespace {

// A cohort row: records, urgency (4), levels (4 per factor), then per
// instrument its bands, undecided and does not apply.
std::size_t row_size(const Definitions& d) {
    std::size_t n = 1 + 4 + 4 * d.factors.size();
    for (const auto& ins : d.instruments) n += ins.bands.size() + 2;
    return n;
}

// Rows of the cohort table: everyone, then every grouping's groups.
std::size_t row_count(const Definitions& d) {
    std::size_t n = 1;
    for (const auto& g : d.cohort) n += g.group_count();
    return n;
}

}  // namespace

void Tally::add(const Report& r, const Answers& a) {
    const Definitions& d = *r.defs;
    if (stride_ == 0) {
        stride_ = row_size(d);
        cohort.resize(row_count(d) * stride_);
        cells_.resize(2 + d.factors.size() + d.instruments.size());
        std::uint32_t first = 1;
        for (const CohortGrouping& g : d.cohort) {
            const auto groups = static_cast<std::uint32_t>(g.group_count());
            groupings_.push_back({static_cast<std::uint32_t>(g.question), first, first + groups - 1,
                                  static_cast<std::uint32_t>(g.below.size()), g.by_choice ? nullptr : g.below.data()});
            first += groups;
        }
        levels.resize(d.factors.size());
    }
    ++records;
    if (std::none_of(a.values.begin(), a.values.end(), [](const Answer& v) { return v.given; })) ++nothing_answered;
    ++urgency[static_cast<std::size_t>(r.attention.urgency)];
    if (!r.ignored.empty() && ignored.size() < d.questions.size()) ignored.resize(d.questions.size());
    for (int q : r.ignored) ++ignored[static_cast<std::size_t>(q)];
    if (!r.checks.empty() && checks.size() < d.checks.size()) checks.resize(d.checks.size());
    for (int k : r.checks) ++checks[static_cast<std::size_t>(k)];

    // The cells of a cohort row this record counts in: records, its urgency,
    // each factor's level, each instrument's band (or undecided, or not applying).
    std::uint32_t* cell = cells_.data();
    std::size_t n = 0;
    cell[n++] = 0;
    cell[n++] = 1 + static_cast<std::uint32_t>(r.attention.urgency);
    std::uint32_t at = 5;
    for (std::size_t f = 0; f < r.factors.size(); ++f, at += 4) {
        const auto level = static_cast<std::uint32_t>(r.factors[f].level);
        ++levels[f][level];
        cell[n++] = at + level;
    }
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const auto nb = static_cast<std::uint32_t>(d.instruments[i].bands.size());
        const InstrumentResult& ir = r.instruments[i];
        cell[n++] = at + (!ir.applies ? nb + 1 : ir.band < 0 ? nb : static_cast<std::uint32_t>(ir.band));
        at += nb + 2;
    }
    // The rows: one group of each grouping (the last group: not answered);
    // "everyone" (row 0) is the sum of the first grouping's groups, so it is
    // counted only without groupings.
    std::uint64_t* table = cohort.data();
    if (groupings_.empty()) {
        for (std::size_t k = 0; k < n; ++k) ++table[cell[k]];
        return;
    }
    auto row_of = [&](const Grouping& g) {
        const Answer& v = a.values[g.question];
        std::uint32_t row = g.unanswered;
        if (v.given) {
            if (!g.below) {
                row = g.first + static_cast<std::uint32_t>(v.num);
            } else {
                row = g.first;
                while (row - g.first < g.cuts && !(v.num < g.below[row - g.first])) ++row;
            }
        }
        return table + std::size_t{row} * stride_;
    };
    if (groupings_.size() == 2) {  // the default definitions' case (age and sex): one pass
        std::uint64_t *r0 = row_of(groupings_[0]), *r1 = row_of(groupings_[1]);
        for (std::size_t k = 0; k < n; ++k) ++r0[cell[k]], ++r1[cell[k]];
        return;
    }
    for (const Grouping& g : groupings_) {
        std::uint64_t* row = row_of(g);
        for (std::size_t k = 0; k < n; ++k) ++row[cell[k]];
    }
}

void Tally::merge(const Tally& o) {
    records += o.records;
    errors += o.errors;
    nothing_answered += o.nothing_answered;
    blank_rows += o.blank_rows;
    for (std::size_t u = 0; u < urgency.size(); ++u) urgency[u] += o.urgency[u];
    if (levels.size() < o.levels.size()) levels.resize(o.levels.size());
    for (std::size_t f = 0; f < o.levels.size(); ++f)
        for (std::size_t l = 0; l < 4; ++l) levels[f][l] += o.levels[f][l];
    if (ignored.size() < o.ignored.size()) ignored.resize(o.ignored.size());
    for (std::size_t q = 0; q < o.ignored.size(); ++q) ignored[q] += o.ignored[q];
    if (checks.size() < o.checks.size()) checks.resize(o.checks.size());
    for (std::size_t k = 0; k < o.checks.size(); ++k) checks[k] += o.checks[k];
    if (cohort.size() < o.cohort.size()) cohort.resize(o.cohort.size());
    for (std::size_t i = 0; i < o.cohort.size(); ++i) cohort[i] += o.cohort[i];
    if (stride_ == 0) stride_ = o.stride_, cells_ = o.cells_, groupings_ = o.groupings_;
}

CohortCounts cohort_counts(const Definitions& d, const Tally& t) {
    CohortCounts c;
    c.records = t.records;
    c.errors = t.errors;
    const std::size_t stride = row_size(d);
    auto group = [&](std::size_t g, std::string label) {
        CohortGroup out;
        out.label = std::move(label);
        out.levels.resize(d.factors.size());
        out.bands.resize(d.instruments.size());
        for (std::size_t i = 0; i < d.instruments.size(); ++i) out.bands[i].resize(d.instruments[i].bands.size() + 2);
        if ((g + 1) * stride > t.cohort.size()) return out;  // nothing counted
        const std::uint64_t* row = t.cohort.data() + g * stride;
        out.records = row[0];
        for (std::size_t u = 0; u < 4; ++u) out.urgency[u] = row[1 + u];
        const std::uint64_t* lv = row + 5;
        for (std::size_t f = 0; f < d.factors.size(); ++f)
            for (std::size_t l = 0; l < 4; ++l) out.levels[f][l] = lv[4 * f + l];
        const std::uint64_t* b = lv + 4 * d.factors.size();
        for (auto& bands : out.bands) {
            for (std::size_t k = 0; k < bands.size(); ++k) bands[k] = b[k];
            b += bands.size();
        }
        return out;
    };
    c.everyone = group(0, "everyone");
    std::size_t row = 1;
    for (const CohortGrouping& g : d.cohort) {
        CohortBreakdown& b = c.breakdowns.emplace_back();
        b.id = g.id;
        b.title = g.title;
        b.group_word = g.group_word;
        for (std::size_t k = 0; k < g.group_count(); ++k)
            b.groups.push_back(group(row + k, k < g.labels.size() ? g.labels[k] : g.not_answered));
        row += g.group_count();
    }
    if (!c.breakdowns.empty()) {
        // Everyone: the sum of the first grouping's groups (Tally::add counts each record in one).
        for (const CohortGroup& a : c.breakdowns.front().groups) {
            c.everyone.records += a.records;
            for (std::size_t u = 0; u < 4; ++u) c.everyone.urgency[u] += a.urgency[u];
            for (std::size_t f = 0; f < a.levels.size(); ++f)
                for (std::size_t l = 0; l < 4; ++l) c.everyone.levels[f][l] += a.levels[f][l];
            for (std::size_t i = 0; i < a.bands.size(); ++i)
                for (std::size_t k = 0; k < a.bands[i].size(); ++k) c.everyone.bands[i][k] += a.bands[i][k];
        }
    }
    return c;
}

}  // namespace myoscreen
