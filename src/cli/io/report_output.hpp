// Reports for people and report files: the time a report is made, the paper
// it is printed on, the format a file name asks for, and rendering a report
// in any format (the PDF through the module loaded on demand).
#pragma once

#include <optional>
#include <string>

#include "myoscreen/render.hpp"

namespace myoscreen::cli {

// The local date and time, e.g. "2026-11-01 14:05 CET"; with
// SOURCE_DATE_EPOCH set (reproducible output), that time in UTC.
std::string report_time();

// "a4" or "letter"; empty: the locale's paper (LC_PAPER) when it is Letter,
// else A4.
Paper paper_from(const std::string& name);

// The report format a file name asks for by its extension (.html .htm .pdf
// .json .txt, any case), or nullopt.
std::optional<std::string> format_of_file(const std::string& path);

struct ReportOutput {
    std::string format;  // text | json | html | pdf
    bool explain = false;
    bool include_answers = false;  // json: add "answers"
    bool color = false;
    int width = 80;
    int height = 0;  // text: the screen's rows (0: not a screen)
    Paper paper = Paper::a4;
    std::string generated;  // report_time(), for html and pdf
};

// The report in `o.format`. Throws Failure when the PDF module is missing or fails.
std::string render_report(const Report& r, const Answers& answers, const ReportOutput& o);

}  // namespace myoscreen::cli
