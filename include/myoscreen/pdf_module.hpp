// The one entry point of the PDF module (myoscreen-pdf.so): a ReportView
// drawn with cairo and pango. The module and the binary come from one build;
// the entry's name carries the interface version, and `view_size` (the
// caller's sizeof(ReportView)) is checked against the module's own.
#pragma once

#include <cstddef>
#include <string>

#include "myoscreen/report_view.hpp"

#define MYOSCREEN_PDF_ENTRY "myoscreen_render_pdf_v1"

namespace myoscreen {

// Returns 0 and appends the PDF to `out`, or returns non-zero with `error` set.
using PdfRenderFn = int (*)(const ReportView* view, std::size_t view_size, double width_pt, double height_pt, std::string* out,
                            std::string* error);

}  // namespace myoscreen
