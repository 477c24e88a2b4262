// The PDF renderer lives in a module of its own (myoscreen-pdf.so, cairo and
// pango), loaded only when a PDF is asked for: linking those libraries into
// the binary would add ~9 ms to every start of every command.
#pragma once

#include <string>

#include "myoscreen/report_view.hpp"

namespace myoscreen::cli {

// Draws `v` as a PDF on `paper` into `out`. Throws Failure(70) when the
// module cannot be found or loaded, or fails.
void render_pdf_with_module(const ReportView& v, Paper paper, std::string& out);

}  // namespace myoscreen::cli
