// The PDF module's page writer: pango text, cairo shapes, page breaks and footers.
#include "render/pdf_pen.hpp"

#include <cstdio>

namespace myoscreen::pdf {

namespace {
// Fonts fontconfig finds on a Debian system; pango falls back along the list.
constexpr const char* families = "DejaVu Sans, Liberation Sans, Noto Sans, sans-serif";
}  // namespace

Pen::Pen(cairo_t* cr, PageSize page, bool draw, int total_pages, std::string footer)
    : cr_(cr), page_(page), draw_(draw), total_(total_pages), footer_(std::move(footer)), y_(top_),
      layout_(pango_cairo_create_layout(cr)) {
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
}

Pen::~Pen() { g_object_unref(layout_); }

void Pen::set_layout(const std::vector<Span>& spans, const TextStyle& st, double w, double first) {
    std::string all;
    PangoAttrList* attrs = pango_attr_list_new();
    for (const Span& s : spans) {
        if (s.bold) {
            PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
            a->start_index = static_cast<guint>(all.size());
            a->end_index = static_cast<guint>(all.size() + s.text.size());
            pango_attr_list_insert(attrs, a);
        }
        all += s.text;
    }
    PangoFontDescription* fd = pango_font_description_from_string(families);
    pango_font_description_set_size(fd, static_cast<gint>(st.size * PANGO_SCALE));
    pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout_, w > 0 ? static_cast<int>(w * PANGO_SCALE) : -1);
    pango_layout_set_indent(layout_, static_cast<int>(first * PANGO_SCALE));
    pango_layout_set_text(layout_, all.data(), static_cast<int>(all.size()));
    pango_layout_set_attributes(layout_, attrs);
    pango_attr_list_unref(attrs);
}

double Pen::text_height(const std::vector<Span>& spans, const TextStyle& st, double w, double first) {
    set_layout(spans, st, w, first);
    int pw = 0, ph = 0;
    pango_layout_get_size(layout_, &pw, &ph);
    return static_cast<double>(ph) / PANGO_SCALE;
}

double Pen::text(const std::vector<Span>& spans, const TextStyle& st, double indent, double w, double first) {
    if (w <= 0) w = width() - indent;
    const double h = text_height(spans, st, w, first);
    need(h);
    if (drawing()) {
        set_layout(spans, st, w, first);  // need() may have drawn a footer with the same layout
        set_color(st.color);
        cairo_move_to(cr_, left() + indent, y_);
        pango_cairo_show_layout(cr_, layout_);
    }
    y_ += h;
    at_top_ = false;
    return h;
}

double Pen::label_width(std::string_view s, const TextStyle& st) {
    set_layout({{std::string(s), st.bold}}, st, 0);
    int pw = 0, ph = 0;
    pango_layout_get_size(layout_, &pw, &ph);
    return static_cast<double>(pw) / PANGO_SCALE;
}

double Pen::label(double x, double y, std::string_view s, const TextStyle& st, int align) {
    const double w = label_width(s, st);
    if (drawing()) {
        set_color(st.color);
        cairo_move_to(cr_, align == 0 ? x : align == 1 ? x - w / 2 : x - w, y);
        pango_cairo_show_layout(cr_, layout_);
    }
    return w;
}

void Pen::rect(double x, double y, double w, double h, Rgb fill) {
    if (!drawing()) return;
    set_color(fill);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
}

void Pen::frame(double x, double y, double w, double h, Rgb stroke, double line_width) {
    if (!drawing()) return;
    set_color(stroke);
    cairo_set_line_width(cr_, line_width);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_stroke(cr_);
}

void Pen::line(double x1, double y1, double x2, double y2, Rgb stroke, double line_width) {
    if (!drawing()) return;
    set_color(stroke);
    cairo_set_line_width(cr_, line_width);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
}

void Pen::circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double line_width) {
    if (!drawing()) return;
    cairo_new_path(cr_);
    cairo_arc(cr_, cx, cy, r, 0, 2 * G_PI);
    set_color(fill);
    cairo_fill_preserve(cr_);
    set_color(stroke);
    cairo_set_line_width(cr_, line_width);
    cairo_stroke(cr_);
}

void Pen::space(double pts) {
    if (!at_top_) y_ += pts;
}

void Pen::need(double h) {
    if (measuring()) return;
    const double body = page_.height - top_ - bottom_;
    if (y_ + h > page_.height - bottom_ && h <= body && !at_top_) new_page();
}

void Pen::draw_footer() {
    if (!drawing()) return;
    const TextStyle small{8, false, grey};
    const double y = page_.height - bottom_ + 22;
    line(left(), y - 6, left() + width(), y - 6, rule, 0.5);
    char page[64];
    if (total_ > 0) std::snprintf(page, sizeof page, "Page %d of %d", page_no_, total_);
    else std::snprintf(page, sizeof page, "Page %d", page_no_);
    label(left() + width(), y, page, small, 2);
    const double room = width() - label_width(page, small) - 16;
    set_layout({{footer_, false}}, small, room);
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    set_color(grey);
    cairo_move_to(cr_, left(), y);
    pango_cairo_show_layout(cr_, layout_);
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_NONE);
}

void Pen::new_page() {
    draw_footer();
    if (draw_) cairo_show_page(cr_);
    ++page_no_;
    y_ = top_;
    at_top_ = true;
}

void Pen::finish() { draw_footer(); }

void Pen::outline(std::string_view title, int level) {
    if (!drawing()) return;
    if (static_cast<int>(outline_ids_.size()) <= level) outline_ids_.resize(static_cast<std::size_t>(level) + 1, 0);
    char dest[96];
    std::snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", page_no_, left(), y_);
    const std::string t(title);
    const int parent = level > 0 ? outline_ids_[static_cast<std::size_t>(level) - 1] : CAIRO_PDF_OUTLINE_ROOT;
    outline_ids_[static_cast<std::size_t>(level)] =
        cairo_pdf_surface_add_outline(cairo_get_target(cr_), parent, t.c_str(), dest, static_cast<cairo_pdf_outline_flags_t>(0));
}

}  // namespace myoscreen::pdf
