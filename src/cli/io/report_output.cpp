// The time, paper and file format of reports for people, and rendering any format.
#include "io/report_output.hpp"

#include <clocale>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <langinfo.h>

#include "exit_codes.hpp"
#include "io/pdf_module.hpp"
#include "terminal/terminal.hpp"

namespace myoscreen::cli {

std::string report_time() {
    std::time_t t = std::time(nullptr);
    bool utc = false;
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e != nullptr && *e != '\0') {
        char* end = nullptr;
        const long long v = std::strtoll(e, &end, 10);
        if (end != nullptr && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v), utc = true;
    }
    std::tm tm{};
    if (utc) ::gmtime_r(&t, &tm);
    else ::localtime_r(&t, &tm);
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, utc ? "%Y-%m-%d %H:%M UTC" : "%Y-%m-%d %H:%M %Z", &tm);
    return std::string(buf, n);
}

Paper paper_from(const std::string& name) {
    if (name == "letter") return Paper::letter;
    if (name == "a4") return Paper::a4;
#ifdef _NL_PAPER_HEIGHT
    // glibc: the paper of the LC_PAPER locale, in millimetres (Letter is
    // 279 x 216). Only LC_PAPER is set from the environment: nothing else
    // (numbers, text) depends on the locale.
    if (std::setlocale(LC_PAPER, "") != nullptr) {
        const auto h = reinterpret_cast<std::intptr_t>(nl_langinfo(_NL_PAPER_HEIGHT));
        const auto w = reinterpret_cast<std::intptr_t>(nl_langinfo(_NL_PAPER_WIDTH));
        std::setlocale(LC_PAPER, "C");
        if (h == 279 && w == 216) return Paper::letter;
    }
#endif
    return Paper::a4;
}

std::optional<std::string> format_of_file(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == "html" || ext == "htm") return "html";
    if (ext == "pdf" || ext == "json") return ext;
    if (ext == "txt" || ext == "text") return "text";
    return std::nullopt;
}

std::string render_report(const Report& r, const Answers& answers, const ReportOutput& o) {
    std::string out;
    if (o.format == "json") {
        RenderOptions ro;
        ro.explain = o.explain;
        if (o.include_answers) ro.answers = &answers;
        render_json(r, out, ro);
    } else if (o.format == "html") {
        HtmlOptions ho;
        ho.generated = o.generated;
        ho.paper = o.paper;
        render_html(r, answers, out, ho);
    } else if (o.format == "fhir") {
        render_fhir(r, answers, out);
    } else if (o.format == "pdf") {
        ViewOptions vo;
        vo.generated = o.generated;
        render_pdf_with_module(report_view(r, answers, vo), o.paper, out);
    } else {
        RenderOptions ro;
        ro.explain = o.explain;
        ro.style = text_report_style(o.color);
        ro.width = o.width;
        ro.height = o.height;
        render_text(r, out, ro);
    }
    return out;
}

}  // namespace myoscreen::cli
