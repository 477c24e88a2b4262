// The batch tally: counts per record for the summary and the cohort report, and their lines on stderr.
#include "batch_tally.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "terminal.hpp"

namespace myoscreen::cli {

namespace {

// A cohort row: records, urgency (4), levels (4 per factor), then per
// instrument its bands, undecided and does not apply.
std::size_t row_size(const Definitions& d) {
    std::size_t n = 1 + 4 + 4 * d.factors.size();
    for (const auto& ins : d.instruments) n += ins.bands.size() + 2;
    return n;
}

std::size_t sex_groups(const Definitions& d, int sex_q) {
    return sex_q >= 0 ? d.questions[static_cast<std::size_t>(sex_q)].choices.size() + 1 : 0;
}

constexpr std::size_t age_group_count = std::size(age_groups);

std::size_t age_group(const Answer& a) {
    if (!a.given) return 4;
    return a.num < 50 ? 0 : a.num < 65 ? 1 : a.num < 80 ? 2 : 3;
}

}  // namespace

void Tally::add(const Report& r, const Answers& a) {
    const Definitions& d = *r.defs;
    if (stride_ == 0) {
        age_q_ = d.question_index("age");
        sex_q_ = d.question_index("sex");
        if (sex_q_ >= 0 && d.questions[static_cast<std::size_t>(sex_q_)].type != QuestionType::choice) sex_q_ = -1;
        stride_ = row_size(d);
        cohort.resize((1 + (age_q_ >= 0 ? age_group_count : 0) + sex_groups(d, sex_q_)) * stride_);
        cells_.resize(2 + d.factors.size() + d.instruments.size());
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
    // Each record is in one age group and one sex group; "everyone" (row 0)
    // is the sum of the age groups, so it is counted only without an age question.
    std::uint64_t* row = cohort.data() + (age_q_ >= 0 ? 1 + age_group(a.values[static_cast<std::size_t>(age_q_)]) : 0) * stride_;
    if (sex_q_ < 0) {
        for (std::size_t k = 0; k < n; ++k) ++row[cell[k]];
        return;
    }
    const Answer& s = a.values[static_cast<std::size_t>(sex_q_)];
    const std::size_t sex = s.given ? static_cast<std::size_t>(s.num) : sex_groups(d, sex_q_) - 1;
    std::uint64_t* sex_row = cohort.data() + (1 + (age_q_ >= 0 ? age_group_count : 0) + sex) * stride_;
    for (std::size_t k = 0; k < n; ++k) ++row[cell[k]], ++sex_row[cell[k]];
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
    if (stride_ == 0) age_q_ = o.age_q_, sex_q_ = o.sex_q_, stride_ = o.stride_;
}

CohortCounts cohort_counts(const Definitions& d, const Tally& t) {
    CohortCounts c;
    c.records = t.records;
    c.errors = t.errors;
    const std::size_t stride = row_size(d);
    const int age_q = d.question_index("age"), sex_q_raw = d.question_index("sex");
    const int sex_q = sex_q_raw >= 0 && d.questions[static_cast<std::size_t>(sex_q_raw)].type == QuestionType::choice ? sex_q_raw : -1;
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
    std::size_t g = 1;
    if (age_q >= 0) {
        c.age_title = "By age";
        for (std::size_t k = 0; k < age_group_count; ++k) c.by_age.push_back(group(g + k, age_groups[k]));
        g += age_group_count;
        // Everyone: the sum of the age groups (Tally::add counts each record in one).
        for (const CohortGroup& a : c.by_age) {
            c.everyone.records += a.records;
            for (std::size_t u = 0; u < 4; ++u) c.everyone.urgency[u] += a.urgency[u];
            for (std::size_t f = 0; f < a.levels.size(); ++f)
                for (std::size_t l = 0; l < 4; ++l) c.everyone.levels[f][l] += a.levels[f][l];
            for (std::size_t i = 0; i < a.bands.size(); ++i)
                for (std::size_t k = 0; k < a.bands[i].size(); ++k) c.everyone.bands[i][k] += a.bands[i][k];
        }
    }
    if (sex_q >= 0) {
        const Question& q = d.questions[static_cast<std::size_t>(sex_q)];
        c.sex_title = "By sex";
        for (std::size_t k = 0; k < q.choices.size(); ++k) c.by_sex.push_back(group(g + k, q.choices[k].label));
        c.by_sex.push_back(group(g + q.choices.size(), "sex not answered"));
    }
    return c;
}

std::string format_ignored(const Definitions& d, const Tally& t) {
    std::string list;
    for (std::size_t q = 0; q < t.ignored.size() && q < d.questions.size(); ++q)
        if (t.ignored[q] > 0)
            list += fmt::format("{}{} ({} record{})", list.empty() ? "" : ", ", d.questions[q].id, t.ignored[q], t.ignored[q] == 1 ? "" : "s");
    return list.empty() ? list : "answers to questions that did not apply were ignored: " + list;
}

std::string format_checks(const Definitions& d, const Tally& t) {
    std::string list;
    for (std::size_t k = 0; k < t.checks.size() && k < d.checks.size(); ++k)
        if (t.checks[k] > 0)
            list += fmt::format("{}{} ({} record{})", list.empty() ? "" : ", ", d.checks[k].id, t.checks[k], t.checks[k] == 1 ? "" : "s");
    return list.empty() ? list
                        : "plausibility checks true, counted here rather than listed per record (warnings, not errors: the "
                          "answers were screened as given; please confirm them): " + list;
}

namespace {
std::string bar(std::uint64_t n, std::uint64_t total, int width) {
    const int cells = total ? static_cast<int>((n * static_cast<std::uint64_t>(width) + total - 1) / total) : 0;
    return std::string(static_cast<std::size_t>(cells), '#') + std::string(static_cast<std::size_t>(width - cells), '.');
}
std::string pct(std::uint64_t n, std::uint64_t total) {
    return total ? fmt::format("{:5.1f}%", 100.0 * static_cast<double>(n) / static_cast<double>(total)) : "     -";
}
}  // namespace

std::string format_summary(const Definitions& d, const Tally& t, bool color) {
    auto b = [&](std::string_view s) { return styled(s, ansi::bold, color); };
    const std::uint64_t screened = t.records;
    std::string out = fmt::format("\n{}\n", b("Batch summary"));
    auto count = [&](std::string_view what, std::uint64_t n) { out += fmt::format("  {:<19}{:>10}\n", what, n); };
    count("records", screened + t.errors);
    count("screened", screened);
    count("errors", t.errors);
    if (t.nothing_answered > 0) count("nothing answered", t.nothing_answered);
    if (t.blank_rows > 0) count("empty rows skipped", t.blank_rows);
    out += fmt::format("\n{}\n", b("Seek medical attention"));
    for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon, Urgency::none}) {
        const auto n = t.urgency[static_cast<std::size_t>(u)];
        out += fmt::format("  {:<10} {:>10} {} {}\n", to_string(u), n, pct(n, screened), bar(n, screened, 24));
    }
    out += fmt::format("\n{}\n  {:<14} {:>9} {:>9} {:>9} {:>9}\n", b("Factors"), "", "likely", "possible", "unlikely", "unknown");
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        const auto& lv = f < t.levels.size() ? t.levels[f] : std::array<std::uint64_t, 4>{};
        out += fmt::format("  {:<14} {:>9} {:>9} {:>9} {:>9}  {}\n", d.factors[f].id, lv[0], lv[1], lv[2], lv[3],
                           bar(lv[0] + lv[1], screened, 16));
    }
    out += "  (bar: share likely or possible)\n";
    if (!d.checks.empty()) {
        out += fmt::format("\n{}\n", b("Plausibility checks (records to confirm)"));
        for (std::size_t k = 0; k < d.checks.size(); ++k) {
            const std::uint64_t n = k < t.checks.size() ? t.checks[k] : 0;
            out += fmt::format("  {:<26} {:>10} {}\n", d.checks[k].id, n, pct(n, screened));
        }
    }
    return out;
}

}  // namespace myoscreen::cli
