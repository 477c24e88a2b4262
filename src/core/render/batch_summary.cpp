// The batch's summary lines (tally.hpp): the warnings aggregated over the
// batch and the end-of-batch summary, as text the CLI writes on stderr.
#include <fmt/format.h>

#include "myoscreen/tally.hpp"

namespace myoscreen {

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

std::string format_summary(const Definitions& d, const Tally& t, const TextMark& heading) {
    auto b = [&](std::string_view s) { return fmt::format("{}{}{}", heading.on, s, heading.off); };
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

}  // namespace myoscreen
