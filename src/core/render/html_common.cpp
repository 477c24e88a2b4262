// HTML escaping and the style sheet both HTML reports (person, cohort) share.
#include "render/html_common.hpp"

namespace myoscreen::detail {

void html_escape(std::string& out, std::string_view s) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* rep = nullptr;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        out.append(s.substr(start, i - start));
        out += rep;
        start = i + 1;
    }
    out.append(s.substr(start));
}

void html_element(std::string& out, std::string_view tag, std::string_view text, std::string_view attrs) {
    out += '<';
    out += tag;
    if (!attrs.empty()) out += ' ', out += attrs;
    out += '>';
    html_escape(out, text);
    out += "</";
    out += tag;
    out += ">\n";
}

namespace {

// Colours: body text #1a1a1a and secondary text #4a4a4a on white or on the
// pale tints used here stay above 7:1 and 4.5:1 contrast; white on the dark
// badges (#a4001d, #9a3412, #6b4400, #1f5f2a) is above 6:1. Meaning is
// always in words as well (urgency, level, band), never in colour alone.
constexpr std::string_view base_css = R"CSS(
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans","Liberation Sans",Arial,sans-serif}
main{max-width:50rem;margin:0 auto;padding:1rem 1rem 2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid #c8c8c8;break-after:avoid;page-break-after:avoid}
h3{font-size:1.1rem;margin:1.25rem 0 .4rem;break-after:avoid;page-break-after:avoid}
h4{font-size:1rem;margin:0 0 .3rem}
p,li,td,th,dd,figcaption{overflow-wrap:break-word}
p{margin:.4rem 0}
ul{margin:.3rem 0;padding-left:1.4rem}
.meta{color:#4a4a4a;margin:0}
.small{font-size:.9rem}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:3px;font-weight:700;color:#fff;background:#333}
.box{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid;page-break-inside:avoid}
.box>:first-child{margin-top:0}
svg{display:block;width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;fill:#1a1a1a}
table{width:100%;border-collapse:collapse;margin:.5rem 0}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #c8c8c8}
thead{display:table-header-group}
thead th{border-bottom:2px solid #1a1a1a}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{break-inside:avoid;page-break-inside:avoid}
.sources li{margin:.2rem 0}
@media (max-width:30rem){main{padding:.75rem .6rem 1.5rem}h1{font-size:1.35rem}h2{font-size:1.15rem}th,td{padding:.3rem .3rem}}
@media print{
 body{font-size:10.5pt}
 main{max-width:none;padding:0}
 h2{margin-top:1.2rem}
 .box,figure,tr,li{break-inside:avoid;page-break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

}  // namespace

void html_head(std::string& out, std::string_view lang, std::string_view title, Paper paper, std::string_view extra_css) {
    out += "<!DOCTYPE html>\n<html lang=\"";
    html_escape(out, lang);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"color-scheme\" content=\"light\">\n";
    html_element(out, "title", title);
    out += "<style>";
    out += base_css;
    // Printed: the paper asked for, with page numbers in the bottom margin.
    out += paper == Paper::letter ? "@page{size:letter;" : "@page{size:A4;";
    out += "margin:16mm 15mm 18mm;@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages);"
           "font:9pt system-ui,sans-serif;color:#4a4a4a}}\n";
    out += extra_css;
    out += "</style>\n</head>\n<body>\n";
}

}  // namespace myoscreen::detail
