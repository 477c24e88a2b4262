// The cohort report's charts: 100% stacked bars in SVG, legend and table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace myoscreen::detail {

struct ChartCategory {
    std::string name;
    const char* fill;  // CSS colour
    bool dark;         // a dark fill: labels on it are white
};

struct ChartRow {
    std::string label;
    std::vector<std::uint64_t> counts;  // one per category
};

// A titled (h3) chart: one bar per row, each split by category as a share of
// the row's total, the share written on segments wide enough to hold it; a
// legend names every colour, and a table (in <details>) gives every count and
// share, so nothing depends on telling colours apart.
void stacked_chart(std::string& out, std::string_view title, std::string_view row_heading, const std::vector<ChartCategory>& cats,
                   const std::vector<ChartRow>& rows);

// 1234567 → "1 234 567" (thin spaces).
std::string count_text(std::uint64_t n);

}  // namespace myoscreen::detail
