#include "batch_tally.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace myoscreen::cli {

void Tally::add(const Report& r) {
    ++records;
    ++urgency[static_cast<std::size_t>(r.attention.urgency)];
    if (levels.size() < r.factors.size()) levels.resize(r.factors.size());
    for (std::size_t f = 0; f < r.factors.size(); ++f) ++levels[f][static_cast<std::size_t>(r.factors[f].level)];
    if (!r.ignored.empty() && ignored.size() < r.defs->questions.size()) ignored.resize(r.defs->questions.size());
    for (int q : r.ignored) ++ignored[static_cast<std::size_t>(q)];
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
