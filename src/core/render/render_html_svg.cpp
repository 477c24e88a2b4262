// An instrument's score drawn as an SVG scale with its cut-offs (HTML report):
// the scale itself (bands, ticks, label) comes from the ReportView.
#include <algorithm>

#include <fmt/format.h>

#include "render/html_common.hpp"

namespace myoscreen::detail {

namespace {

constexpr double x0 = 16, x1 = 384;  // the scale's ends in a 400-wide view box

double x_of(double v, int max) { return max > 0 ? x0 + (x1 - x0) * std::clamp(v, 0.0, double(max)) / max : x0; }

// About how wide a label is at `size` px: wide enough to decide whether it fits.
double text_width(std::string_view s, double size) { return static_cast<double>(s.size()) * size * 0.56; }

void text(std::string& out, double x, double y, std::string_view anchor, std::string_view s, std::string_view extra = {}) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\"{}{}>", x, y, anchor, extra.empty() ? "" : " ", extra);
    html_escape(out, s);
    out += "</text>";
}

}  // namespace

void score_scale_svg(std::string& out, const ReportView::Score& s, std::string_view id) {
    const int max = std::max(s.max, 1);
    out += fmt::format("<svg viewBox=\"0 0 400 80\" role=\"img\" aria-labelledby=\"{}-t\" focusable=\"false\">", id);
    out += fmt::format("<title id=\"{}-t\">", id);
    html_escape(out, s.name + ". " + s.summary);
    out += "</title>";
    const double bar_y = 22, bar_h = 16, mid = bar_y + bar_h / 2;
    const ReportView::Scale& sc = s.scale;
    for (const auto& seg : sc.segments) {
        const double a = x_of(seg.from, max), z = x_of(seg.to, max);
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", a, bar_y, z - a, bar_h,
                           seg.shaded ? "#b9cfea" : "#dde8f5");
        if (text_width(seg.name, 12) + 4 <= z - a)
            text(out, (a + z) / 2, 15, "middle", seg.name, seg.mine ? "font-size=\"12\" font-weight=\"700\"" : "font-size=\"12\"");
        // The cut-off between this band and the one below.
        if (seg.cut)
            out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>", a,
                               bar_y - 4, bar_y + bar_h + 4);
    }
    if (sc.segments.empty())
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e4e4e4\"/>", x0, bar_y, x1 - x0, bar_h);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#767676\"/>", x0, bar_y, x1 - x0, bar_h);
    for (const auto& tick : sc.ticks) {
        const double x = x_of(tick.value, max);
        out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#767676\"/>", x, bar_y + bar_h, bar_y + bar_h + 3);
        text(out, x, 54, tick.align < 0 ? "start" : tick.align > 0 ? "end" : "middle", std::to_string(tick.value), "font-size=\"11\"");
    }
    if (!s.applies) {
        out += "</svg>";
        return;
    }
    const double xs = x_of(s.score, max), xh = x_of(s.high, max);
    const std::string& label = sc.label;
    if (sc.marker == ReportView::Scale::Marker::point) {
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"8\" fill=\"#1a1a1a\" stroke=\"#fff\" stroke-width=\"2\"/>", xs, mid);
    } else if (sc.marker == ReportView::Scale::Marker::range) {
        // Incomplete: a frame from the points so far to the most the missing
        // answers could add, the bands still showing through.
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"none\" stroke=\"#1a1a1a\" "
                           "stroke-width=\"3\" rx=\"3\"/>",
                           xs - 2, bar_y - 4, xh - xs + 4, bar_h + 8);
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"6\" fill=\"#1a1a1a\" stroke=\"#fff\" stroke-width=\"2\"/>", xs, mid);
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"#1a1a1a\" stroke-width=\"2.5\"/>", xh, mid);
    }
    const double half = text_width(label, 13) / 2;
    const double centre = std::clamp((xs + xh) / 2, x0 + half, x1 - half);
    text(out, centre, 74, "middle", label, "font-size=\"13\" font-weight=\"700\"");
    out += "</svg>";
}

}  // namespace myoscreen::detail
