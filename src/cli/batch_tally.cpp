#include "batch_tally.hpp"

#include <algorithm>

#include <fmt/format.h>

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

void count_into(std::uint64_t* row, const Report& r) {
    const Definitions& d = *r.defs;
    ++row[0];
    ++row[1 + static_cast<std::size_t>(r.attention.urgency)];
    std::uint64_t* lv = row + 5;
    for (std::size_t f = 0; f < r.factors.size(); ++f) ++lv[4 * f + static_cast<std::size_t>(r.factors[f].level)];
    std::uint64_t* b = lv + 4 * d.factors.size();
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const std::size_t nb = d.instruments[i].bands.size();
        const InstrumentResult& ir = r.instruments[i];
        ++b[!ir.applies ? nb + 1 : ir.band < 0 ? nb : static_cast<std::size_t>(ir.band)];
        b += nb + 2;
    }
}

}  // namespace

void Tally::add(const Report& r, const Answers& a) {
    ++records;
    ++urgency[static_cast<std::size_t>(r.attention.urgency)];
    if (levels.size() < r.factors.size()) levels.resize(r.factors.size());
    for (std::size_t f = 0; f < r.factors.size(); ++f) ++levels[f][static_cast<std::size_t>(r.factors[f].level)];
    if (!r.ignored.empty() && ignored.size() < r.defs->questions.size()) ignored.resize(r.defs->questions.size());
    for (int q : r.ignored) ++ignored[static_cast<std::size_t>(q)];

    const Definitions& d = *r.defs;
    if (age_q_ == -2) {
        age_q_ = d.question_index("age");
        sex_q_ = d.question_index("sex");
        if (sex_q_ >= 0 && d.questions[static_cast<std::size_t>(sex_q_)].type != QuestionType::choice) sex_q_ = -1;
    }
    const std::size_t stride = row_size(d);
    const std::size_t groups = 1 + (age_q_ >= 0 ? age_group_count : 0) + sex_groups(d, sex_q_);
    if (cohort.size() < groups * stride) cohort.resize(groups * stride);
    count_into(cohort.data(), r);
    std::size_t g = 1;
    if (age_q_ >= 0) {
        count_into(cohort.data() + (g + age_group(a.values[static_cast<std::size_t>(age_q_)])) * stride, r);
        g += age_group_count;
    }
    if (sex_q_ >= 0) {
        const Answer& s = a.values[static_cast<std::size_t>(sex_q_)];
        const std::size_t k = s.given ? static_cast<std::size_t>(s.num) : sex_groups(d, sex_q_) - 1;
        count_into(cohort.data() + (g + k) * stride, r);
    }
}

void Tally::merge(const Tally& o) {
    records += o.records;
    errors += o.errors;
    for (std::size_t u = 0; u < urgency.size(); ++u) urgency[u] += o.urgency[u];
    if (levels.size() < o.levels.size()) levels.resize(o.levels.size());
    for (std::size_t f = 0; f < o.levels.size(); ++f)
        for (std::size_t l = 0; l < 4; ++l) levels[f][l] += o.levels[f][l];
    if (ignored.size() < o.ignored.size()) ignored.resize(o.ignored.size());
    for (std::size_t q = 0; q < o.ignored.size(); ++q) ignored[q] += o.ignored[q];
    if (cohort.size() < o.cohort.size()) cohort.resize(o.cohort.size());
    for (std::size_t i = 0; i < o.cohort.size(); ++i) cohort[i] += o.cohort[i];
    if (age_q_ == -2) age_q_ = o.age_q_, sex_q_ = o.sex_q_;
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
    auto b = [&](std::string_view s) { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); };
    const std::uint64_t screened = t.records;
    std::string out = fmt::format("\n{}\n  records   {:>10}\n  screened  {:>10}\n  errors    {:>10}\n", b("Batch summary"),
                                  screened + t.errors, screened, t.errors);
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
    return out;
}

}  // namespace myoscreen::cli
