// The PDF module's page writer: text laid out by pango, shapes drawn by
// cairo, a cursor down the page, blocks kept whole across page breaks.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/report_view.hpp"

namespace myoscreen::pdf {

struct Rgb {
    double r = 0, g = 0, b = 0;
};
constexpr Rgb hex(unsigned v) { return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0}; }

// The HTML report's palette: text stays above 4.5:1 on its background.
inline constexpr Rgb ink = hex(0x1a1a1a), grey = hex(0x4a4a4a), rule = hex(0xc8c8c8), white = hex(0xffffff);

// A run of text in a paragraph: bold or not.
struct Span {
    std::string text;
    bool bold = false;
};

struct TextStyle {
    double size = 10;  // points
    bool bold = false;
    Rgb color = ink;
};

class Pen {
public:
    // `draw` false: lay out only (to count the pages); `total_pages` is then unknown (0).
    Pen(cairo_t* cr, PageSize page, bool draw, int total_pages, std::string footer);
    ~Pen();
    Pen(const Pen&) = delete;
    Pen& operator=(const Pen&) = delete;

    double left() const { return margin_; }
    double width() const { return page_.width - 2 * margin_; }
    double y() const { return y_; }
    int page() const { return page_no_; }
    bool measuring() const { return measuring_ > 0; }

    // Vertical space, dropped at the top of a page.
    void space(double pts);
    // A new page unless `h` points still fit on this one (and would fit on an empty page).
    void need(double h);
    void new_page();
    void finish();  // the last page's footer

    // A paragraph at x = left() + indent, `w` wide (0: to the right margin);
    // kept on one page. Returns its height.
    // `first` moves the first line right (room for a badge before it).
    double text(const std::vector<Span>& spans, const TextStyle& st, double indent = 0, double w = 0, double first = 0);
    double text(std::string_view s, const TextStyle& st, double indent = 0, double w = 0) { return text({{std::string(s), st.bold}}, st, indent, w); }
    // The height `text` would take, without drawing or moving.
    double text_height(const std::vector<Span>& spans, const TextStyle& st, double w, double first = 0);
    // The height of an empty page's body: a block taller than this cannot be kept whole.
    double body_height() const { return page_.height - top_ - bottom_; }
    // One line of text at (x, baseline-less top y), not moving the cursor;
    // `align` 0 left, 1 centre, 2 right of x. Returns its width.
    double label(double x, double y, std::string_view s, const TextStyle& st, int align = 0);
    double label_width(std::string_view s, const TextStyle& st);

    // Shapes, drawn only when drawing.
    void rect(double x, double y, double w, double h, Rgb fill);
    void frame(double x, double y, double w, double h, Rgb stroke, double line_width);
    void line(double x1, double y1, double x2, double y2, Rgb stroke, double line_width);
    void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double line_width);
    void advance(double h) { y_ += h; }

    // Runs `f` without drawing and returns the height it would take.
    template <class F>
    double measure(F&& f) {
        const double y0 = y_;
        const int page0 = page_no_;
        ++measuring_;
        f();
        --measuring_;
        const double h = y_ - y0;
        y_ = y0;
        page_no_ = page0;
        return h;
    }
    // Runs `f` on one page when its height allows.
    template <class F>
    void keep(F&& f) {
        need(measure(f));
        f();
    }
    // A bookmark to the current position in the PDF's outline (drawing pass only).
    void outline(std::string_view title, int level);

private:
    cairo_t* cr_;
    PageSize page_;
    bool draw_;
    int total_;
    std::string footer_;
    double margin_ = 48, top_ = 48, bottom_ = 56;
    double y_;
    int page_no_ = 1;
    int measuring_ = 0;
    bool at_top_ = true;
    PangoLayout* layout_;
    std::vector<int> outline_ids_{0};  // the open outline item at each level

    bool drawing() const { return draw_ && measuring_ == 0; }
    void set_layout(const std::vector<Span>& spans, const TextStyle& st, double w, double first = 0);
    void set_color(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }
    void draw_footer();
};

}  // namespace myoscreen::pdf
