// The PDF report's building blocks: headings, bullets, badges, boxes, the
// score scale and the answers table (render_pdf_parts.cpp).
#pragma once

#include "render/pdf_pen.hpp"

namespace myoscreen::pdf {

inline constexpr TextStyle body{10, false, ink};
inline constexpr TextStyle small{8.5, false, ink};
inline constexpr TextStyle bold{10, true, ink};

// The colour of an urgency (0 none .. 3 emergency) or a factor level (as Level).
Rgb urgency_color(int urgency);
Rgb urgency_tint(int urgency);
Rgb level_color(int level);

// A section heading (level 2) or a sub-heading (3, 4), kept with at least
// `keep_with` points of what follows, and put in the PDF's outline.
void heading(Pen& p, std::string_view text, int level, double keep_with = 60);
// Bulleted items at `indent`.
void bullets(Pen& p, const std::vector<std::string>& items, const TextStyle& st = body, double indent = 0);
// Numbered items.
void numbered(Pen& p, const std::vector<std::string>& items, const TextStyle& st = small);
// A word on a dark badge at (x, y); returns its width.
double badge(Pen& p, double x, double y, std::string_view word, Rgb background, double size = 10);
// `f` inside a box: a tint, a left bar of `bar` colour and a thin frame,
// with padding; kept on one page when it fits.
template <class F>
void boxed(Pen& p, Rgb tint, Rgb bar, double bar_width, F&& f);
// An instrument's scale with its cut-offs and the score (a range when incomplete).
void scale(Pen& p, const ReportView::Score& s);
// The answers, section by section, the header repeated on every page.
void answers_table(Pen& p, const ReportView& v);

inline constexpr double pad = 8;

template <class F>
void boxed(Pen& p, Rgb tint, Rgb bar, double bar_width, F&& f) {
    auto inner = [&] {
        p.advance(pad);
        f(bar_width + pad);
        p.advance(pad);
    };
    const double h = p.measure(inner);
    if (h > p.body_height()) {  // too tall for any page: unboxed, across pages
        inner();
        return;
    }
    p.need(h);
    const double y0 = p.y();
    p.rect(p.left(), y0, p.width(), h, tint);
    p.rect(p.left(), y0, bar_width, h, bar);
    p.frame(p.left(), y0, p.width(), h, rule, 0.75);
    inner();
}

}  // namespace myoscreen::pdf
