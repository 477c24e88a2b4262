// The PDF report's building blocks: headings, lists, badges, the score scale
// (as the ReportView computes it), the answers table.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "render/pdf_parts.hpp"

namespace myoscreen::pdf {

Rgb urgency_color(int u) {
    switch (u) {
    case 3: return hex(0xa4001d);
    case 2: return hex(0x9a3412);
    case 1: return hex(0x6b4400);
    default: return hex(0x1f5f2a);
    }
}

Rgb urgency_tint(int u) {
    switch (u) {
    case 3: return hex(0xfdeeee);
    case 2: return hex(0xfff1e8);
    case 1: return hex(0xfff8e1);
    default: return hex(0xedf7ee);
    }
}

Rgb level_color(int level) {
    switch (level) {
    case 0: return hex(0x9a3412);  // likely
    case 1: return hex(0x6b4400);  // possible
    default: return hex(0x4a4a4a);
    }
}

void heading(Pen& p, std::string_view text, int level, double keep_with) {
    const TextStyle st{level == 2 ? 14.0 : level == 3 ? 11.5 : 10.5, true, ink};
    p.space(level == 2 ? 14 : 8);
    p.need(p.text_height({{std::string(text), true}}, st, p.width()) + keep_with);
    p.outline(text, level - 2);
    p.text(text, st);
    if (level == 2) {
        p.advance(2);
        p.line(p.left(), p.y(), p.left() + p.width(), p.y(), rule, 1.5);
        p.advance(6);
    } else {
        p.advance(3);
    }
}

void bullets(Pen& p, const std::vector<std::string>& items, const TextStyle& st, double indent) {
    for (const auto& s : items) {
        const double w = p.width() - indent - 12 - pad;
        p.need(p.text_height({{s, false}}, st, w));
        p.label(p.left() + indent + 2, p.y(), "\u2022", st);
        p.text(s, st, indent + 12, w);
        p.advance(2);
    }
}

void numbered(Pen& p, const std::vector<std::string>& items, const TextStyle& st) {
    int n = 0;
    for (const auto& s : items) {
        char num[16];
        std::snprintf(num, sizeof num, "%d.", ++n);
        p.need(p.text_height({{s, false}}, st, p.width() - 22));
        p.label(p.left() + 18, p.y(), num, st, 2);
        p.text(s, st, 22);
        p.advance(2);
    }
}

double badge(Pen& p, double x, double y, std::string_view word, Rgb background, double size) {
    const TextStyle st{size, true, white};
    const double w = p.label_width(word, st) + 8;
    p.rect(x, y - 1, w, size * 1.45, background);
    p.label(x + 4, y, word, st);
    return w;
}

void scale(Pen& p, const ReportView::Score& s) {
    // The HTML scale's geometry (0..400 wide), fitted to the text width.
    const double w = std::min(p.width() - 2 * pad, 420.0), x0 = p.left() + 12, x1 = p.left() + w - 12;
    const int max = std::max(s.max, 1);
    auto x_of = [&](double v) { return x0 + (x1 - x0) * std::clamp(v, 0.0, double(max)) / max; };
    const double top = p.y(), bar_y = top + 14, bar_h = 12, mid = bar_y + bar_h / 2;
    const TextStyle tick_style{7.5, false, ink}, name{8, false, ink}, mine{8, true, ink};
    const ReportView::Scale& sc = s.scale;
    for (const auto& seg : sc.segments) {
        const double a = x_of(seg.from), z = x_of(seg.to);
        p.rect(a, bar_y, z - a, bar_h, seg.shaded ? hex(0xb9cfea) : hex(0xdde8f5));
        if (p.label_width(seg.name, seg.mine ? mine : name) + 4 <= z - a) p.label((a + z) / 2, top + 1, seg.name, seg.mine ? mine : name, 1);
        if (seg.cut) p.line(a, bar_y - 3, a, bar_y + bar_h + 3, ink, 1.5);
    }
    if (sc.segments.empty()) p.rect(x0, bar_y, x1 - x0, bar_h, hex(0xe4e4e4));
    p.frame(x0, bar_y, x1 - x0, bar_h, hex(0x767676), 0.75);
    for (const auto& tick : sc.ticks) {
        const double x = x_of(tick.value);
        p.line(x, bar_y + bar_h, x, bar_y + bar_h + 2.5, hex(0x767676), 0.75);
        p.label(x, bar_y + bar_h + 3.5, std::to_string(tick.value), tick_style, tick.align + 1);
    }
    const double xs = x_of(s.score), xh = x_of(s.high);
    if (sc.marker == ReportView::Scale::Marker::point) {
        p.circle(xs, mid, 6, ink, white, 1.5);
    } else if (sc.marker == ReportView::Scale::Marker::range) {
        // A frame from the points so far to the most the missing answers could add.
        p.frame(xs - 1.5, bar_y - 3, xh - xs + 3, bar_h + 6, ink, 2.2);
        p.circle(xs, mid, 4.5, ink, white, 1.5);
        p.circle(xh, mid, 4, white, ink, 2);
    }
    const std::string& buf = sc.label;
    const TextStyle label_style{9, true, ink};
    const double half = p.label_width(buf, label_style) / 2;
    p.label(std::clamp((xs + xh) / 2, x0 + half, x1 - half), bar_y + bar_h + 15, buf, label_style, 1);
    p.advance(bar_y + bar_h + 30 - top);
}

void answers_table(Pen& p, const ReportView& v) {
    const double qw = p.width() * 0.6, aw = p.width() - qw - 8, x_answer = qw + 8;
    auto header = [&] {
        const double y = p.y();
        p.label(p.left() + 4, y, v.words.question, bold);
        p.label(p.left() + x_answer, y, v.words.answer, bold);
        p.advance(15);
        p.line(p.left(), p.y(), p.left() + p.width(), p.y(), ink, 1.2);
        p.advance(3);
    };
    p.need(60);
    header();
    int page = p.page();
    auto row = [&](const std::vector<Span>& q, const std::vector<Span>& a, Rgb tint) {
        const double h = std::max(p.text_height(q, body, qw - 8), a.empty() ? 0.0 : p.text_height(a, body, aw)) + 6;
        p.need(h);
        if (p.page() != page) {  // the header again at the top of a new page
            header();
            page = p.page();
        }
        const double y0 = p.y();
        if (tint.r < 1) p.rect(p.left(), y0, p.width(), h, tint);
        p.advance(3);
        p.text(q, body, 4, qw - 8);
        const double after_q = p.y();
        if (!a.empty()) {
            p.advance(y0 + 3 - p.y());
            p.text(a, body, x_answer, aw);
        }
        p.advance(std::max(after_q, p.y()) - p.y() + 3);
        p.line(p.left(), p.y(), p.left() + p.width(), p.y(), rule, 0.5);
    };
    for (const auto& sec : v.answers) {
        row({{sec.title, true}}, {}, hex(0xf0f0f0));
        for (const auto& r : sec.rows) {
            std::vector<Span> a{{r.answer, false}};
            if (r.ignored) a.push_back({" " + v.words.ignored, false});
            row({{r.question, false}}, a, white);
        }
    }
}

}  // namespace myoscreen::pdf
