// Stacked 100% bar charts in SVG, with a legend and the numbers as a table (cohort report).
#include <fmt/format.h>

#include "render/html_chart.hpp"
#include "render/html_common.hpp"

namespace myoscreen::detail {

namespace {

constexpr double view_w = 400, x0 = 2, x1 = 398, row_h = 40, bar_h = 16;

std::string pct(std::uint64_t n, std::uint64_t total) {
    if (total == 0) return "–";
    const double p = 100.0 * static_cast<double>(n) / static_cast<double>(total);
    return fmt::format("{:.1f}%", p);
}

}  // namespace

std::string count_text(std::uint64_t n) {
    // Thousands separated by a thin space: 1 234 567.
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";
        out += digits[i];
    }
    return out;
}

void stacked_chart(std::string& out, std::string_view title, std::string_view row_heading, const std::vector<ChartCategory>& cats,
                   const std::vector<ChartRow>& rows) {
    out += "<div class=\"box chart\">\n";
    html_element(out, "h3", title);
    // The legend: each colour with its name, in the order the bars stack.
    out += "<ul class=\"legend\">";
    for (const auto& c : cats) {
        out += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>", c.fill);
        html_escape(out, c.name);
        out += "</li>";
    }
    out += "</ul>\n";
    const double h = row_h * static_cast<double>(rows.size()) + 4;
    out += fmt::format("<svg viewBox=\"0 0 {} {:.0f}\" role=\"img\" aria-label=\"", view_w, h);
    html_escape(out, std::string(title) + ": shares as bars; the numbers are in the table below");
    out += "\" focusable=\"false\">";
    double y = 0;
    for (const auto& r : rows) {
        std::uint64_t total = 0;
        for (auto n : r.counts) total += n;
        out += fmt::format("<text x=\"{}\" y=\"{:.0f}\" font-size=\"12\">", x0, y + 13);
        html_escape(out, r.label);
        out += fmt::format(" (n = {})</text>", count_text(total));
        const double by = y + 18;
        if (total == 0) {
            out += fmt::format("<rect x=\"{}\" y=\"{:.0f}\" width=\"{}\" height=\"{}\" fill=\"#fff\" stroke=\"#767676\"/>", x0, by, x1 - x0, bar_h);
        }
        double x = x0;
        for (std::size_t k = 0; k < r.counts.size() && total > 0; ++k) {
            const double w = (x1 - x0) * static_cast<double>(r.counts[k]) / static_cast<double>(total);
            if (w <= 0) continue;
            out += fmt::format("<rect x=\"{:.2f}\" y=\"{:.0f}\" width=\"{:.2f}\" height=\"{}\" fill=\"{}\"><title>", x, by, w, bar_h, cats[k].fill);
            html_escape(out, fmt::format("{}: {} ({})", cats[k].name, count_text(r.counts[k]), pct(r.counts[k], total)));
            out += "</title></rect>";
            const std::string p = pct(r.counts[k], total);
            if (w >= 8.0 * static_cast<double>(p.size()))
                out += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\" font-size=\"11\" text-anchor=\"middle\" style=\"fill:{}\">{}</text>", x + w / 2,
                                   by + 12, cats[k].dark ? "#fff" : "#1a1a1a", p);
            x += w;
        }
        y += row_h;
    }
    out += "</svg>\n";
    // The same numbers as a table, for reading exactly and for screen readers.
    out += "<details><summary>Numbers</summary><div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">";
    html_escape(out, row_heading);
    out += "</th><th scope=\"col\" class=\"num\">n</th>";
    for (const auto& c : cats) {
        out += "<th scope=\"col\" class=\"num\">";
        html_escape(out, c.name);
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
        std::uint64_t total = 0;
        for (auto n : r.counts) total += n;
        out += "<tr><th scope=\"row\">";
        html_escape(out, r.label);
        out += fmt::format("</th><td class=\"num\">{}</td>", count_text(total));
        for (auto n : r.counts) out += fmt::format("<td class=\"num\">{} ({})</td>", count_text(n), pct(n, total));
        out += "</tr>\n";
    }
    out += "</tbody></table></div></details>\n</div>\n";
}

}  // namespace myoscreen::detail
