// The person's report as a PDF drawn by cairo and pango (the PDF module's entry point).
#include <cstring>
#include <exception>
#include <stdexcept>
#include <type_traits>

#include "myoscreen/pdf_module.hpp"
#include "render/pdf_parts.hpp"

namespace myoscreen {

namespace {

using namespace pdf;

void headline(Pen& p, const ReportView& v) {
    const auto& h = v.headline;
    heading(p, v.headings.what_to_do, 2, 80);
    const Rgb colour = h.unchecked ? grey : urgency_color(h.urgency), tint = h.unchecked ? hex(0xf3f3f3) : urgency_tint(h.urgency);
    boxed(p, tint, colour, 8, [&](double in) {
        const double w = p.width() - in - pad;
        const TextStyle title{14, true, ink};
        // The badge, then the title from beside it (its later lines from the left).
        const TextStyle badge_style{11, true, white};
        const double bw = p.label_width(h.label, badge_style) + 8;
        badge(p, p.left() + in, p.y() + 2.5, h.label, colour, 11);
        p.text({{h.title, true}}, title, in, w, bw + 8);
        p.advance(4);
        if (!h.action.empty()) p.text(h.action, TextStyle{11, false, ink}, in, w);
        if (!h.reasons.empty()) {
            p.advance(6);
            p.text(h.reasons.size() == 1 ? v.words.why : v.words.why_each, TextStyle{10.5, true, ink}, in, w);
            p.advance(2);
            for (const auto& r : h.reasons) {
                std::vector<Span> s{{r.urgency + ": ", true}, {r.text, false}};
                if (!r.action.empty()) s.push_back({" " + r.action, false});
                p.need(p.text_height(s, body, w - 12));
                p.label(p.left() + in + 2, p.y(), "\u2022", body);
                p.text(s, body, in + 12, w - 12);
                p.advance(2);
            }
        }
        if (!h.undecided_note.empty()) {
            p.advance(4);
            p.text(h.undecided_note, body, in, w);
            bullets(p, h.would_decide, body, in);
        }
    });
}

void factor_box(Pen& p, const ReportView& v, const ReportView::Factor& f, int level) {
    p.space(6);
    boxed(p, white, level_color(level), 5, [&](double in) {
        const double w = p.width() - in - pad;
        p.text(f.title, TextStyle{11, true, ink}, in, w);
        p.advance(3);
        const double lw = p.label(p.left() + in, p.y(), v.words.level, body);
        badge(p, p.left() + in + lw + 4, p.y() + 1, f.level, level_color(level), 9);
        p.advance(16);
        if (!f.evidence.empty()) {
            p.text(v.words.evidence, body, in, w);
            bullets(p, f.evidence, body, in);
        }
        if (!f.would_decide.empty()) {
            p.text(v.words.would_decide, body, in, w);
            bullets(p, f.would_decide, body, in);
        }
        if (!f.advice.empty()) {
            p.advance(3);
            const std::vector<Span> advice{{v.words.advice + " ", true}, {f.advice, false}};
            const double h = p.text_height(advice, body, w - 12) + 8;
            p.rect(p.left() + in, p.y(), w, h, hex(0xf1f5fa));
            p.rect(p.left() + in, p.y(), 3, h, hex(0x2a5d9f));
            p.advance(4);
            p.text(advice, body, in + 8, w - 12);
            p.advance(4);
        }
    });
}

void factors(Pen& p, const ReportView& v) {
    heading(p, v.headings.factors, 2, 90);
    for (const auto& g : v.factor_groups) {
        heading(p, g.heading, 3, 60);
        if (!g.note.empty()) p.text(g.note, body);
        if (g.titles_only) {
            std::vector<std::string> names;
            for (const auto& f : g.factors) names.push_back(f.listed);
            bullets(p, names);
            continue;
        }
        for (const auto& f : g.factors) factor_box(p, v, f, g.level);
    }
    if (!v.general_advice.empty()) {
        heading(p, v.headings.general, 3, 30);
        p.text(v.general_advice, body);
    }
}

void scores(Pen& p, const ReportView& v) {
    heading(p, v.headings.scores, 2, 100);
    p.text(v.words.scores_intro, small);
    for (const auto& s : v.scores) {
        p.space(8);
        p.keep([&] {
            p.outline(s.name, 1);
            p.text(s.name, TextStyle{11, true, ink});
            if (!s.description.empty()) p.text(s.description, small);
            p.advance(3);
            if (s.applies) scale(p, s);
            std::vector<Span> line{{s.result, true}};
            if (!s.bands_text.empty()) line.push_back({" " + s.bands_text, false});
            p.text(line, body);
        });
    }
}

void rest(Pen& p, const ReportView& v) {
    heading(p, v.headings.answers, 2, 80);
    if (v.answers.empty()) {
        p.text(v.words.no_answers, body);
    } else {
        if (!v.units_note.empty()) p.text(v.units_note, small), p.advance(4);
        answers_table(p, v);
    }
    heading(p, v.headings.unanswered, 2, 30);
    if (v.unanswered.empty()) {
        p.text(v.words.all_answered, body);
    } else {
        p.text(v.words.unanswered + " " + v.words.unanswered_why, body);
        bullets(p, v.unanswered);
    }
    heading(p, v.headings.about, 2, 40);
    p.text({{v.words.questionnaire + ": ", true}, {v.definitions_name, false}}, body);
    p.text({{v.words.version + ": ", true}, {v.definitions_version, false}}, body);
    if (!v.generated.empty()) p.text({{v.words.made + ": ", true}, {v.generated, false}}, body);
    heading(p, v.headings.sources, 2, 30);
    p.text(v.words.cited, body);
    numbered(p, v.sources);
    if (!v.references.empty()) {
        heading(p, v.headings.references, 3, 30);
        numbered(p, v.references);
    }
    heading(p, v.headings.disclaimer, 2, 30);
    p.text(v.disclaimer, body);
}

void document(Pen& p, const ReportView& v) {
    p.text(v.title, TextStyle{18, true, ink});
    p.text(v.meta, TextStyle{9.5, false, grey});
    headline(p, v);
    factors(p, v);
    scores(p, v);
    rest(p, v);
    p.finish();
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Two passes: the pages are counted ("Page 1 of N"), then drawn.
void render_pdf(const ReportView& v, PageSize size, std::string& out) {
    const std::string& footer = v.meta;
    int pages = 0;
    {
        cairo_surface_t* s = cairo_pdf_surface_create_for_stream(nullptr, nullptr, size.width, size.height);
        cairo_t* cr = cairo_create(s);
        {
            Pen p(cr, size, false, 0, footer);
            document(p, v);
            pages = p.page();
        }
        cairo_destroy(cr);
        cairo_surface_finish(s);
        cairo_surface_destroy(s);
    }
    cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &out, size.width, size.height);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, v.title.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, (v.definitions_name + " " + v.definitions_version).c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "myoscreen");
    cairo_t* cr = cairo_create(s);
    {
        Pen p(cr, size, true, pages, footer);
        document(p, v);
    }
    const cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    const cairo_status_t fin = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS || fin != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(cairo_status_to_string(st != CAIRO_STATUS_SUCCESS ? st : fin));
}

}  // namespace
}  // namespace myoscreen

// The module's one exported symbol (pdf_module.hpp).
extern "C" __attribute__((visibility("default"))) int myoscreen_render_pdf_v1(const myoscreen::ReportView* view, std::size_t view_size,
                                                                               double width_pt, double height_pt, std::string* out,
                                                                               std::string* error) {
    try {
        if (view_size != sizeof(myoscreen::ReportView)) {
            *error = "the PDF module was built with a different myoscreen";
            return 1;
        }
        myoscreen::render_pdf(*view, myoscreen::PageSize{width_pt, height_pt}, *out);
        return 0;
    } catch (const std::exception& e) {
        *error = e.what();
    } catch (...) {
        *error = "unknown error";
    }
    return 1;
}
static_assert(std::is_same_v<decltype(&myoscreen_render_pdf_v1), myoscreen::PdfRenderFn>, "the entry point's type is PdfRenderFn");
