// What the HTML reports share: escaping, the page's style sheet and head.
#pragma once

#include <string>
#include <string_view>

#include "myoscreen/report_view.hpp"

namespace myoscreen::detail {

// Appends `s` with & < > " ' written as character references, so text from
// a definitions file or a CSV cell can never become markup.
void html_escape(std::string& out, std::string_view s);

// <!DOCTYPE html> to <body>: the language, the title and the whole style
// sheet inline (nothing is fetched), sized for `paper` when printed.
// `extra_css` is appended to the shared rules.
void html_head(std::string& out, std::string_view lang, std::string_view title, Paper paper, std::string_view extra_css);

// Appends a text element: <tag attrs>escaped text</tag>.
void html_element(std::string& out, std::string_view tag, std::string_view text, std::string_view attrs = {});

// An instrument's score drawn on its scale with the cut-offs between bands
// marked (a score-range instrument), or on 0..max alone (rule bands); an
// incomplete score is drawn as the range it may still reach. `id` makes the
// SVG's title id unique in the page.
void score_scale_svg(std::string& out, const ReportView::Score& s, std::string_view id);

}  // namespace myoscreen::detail
