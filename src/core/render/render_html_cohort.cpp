// The cohort report (batch --report): one self-contained HTML page of counts and charts.
#include <fmt/format.h>

#include "render/html_chart.hpp"
#include "render/html_common.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::ChartCategory;
using detail::ChartRow;
using detail::count_text;
using detail::html_element;
using detail::html_escape;

namespace {

constexpr std::string_view cohort_css = R"CSS(
.legend{list-style:none;padding:0;margin:.2rem 0 .4rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #1a1a1a;margin-right:.35em;vertical-align:-.1em}
.chart svg{max-width:40rem}
.scroll{overflow-x:auto;max-width:100%}
details{margin:.3rem 0}
summary{cursor:pointer;color:#1f4e89;text-decoration:underline}
dl.overview{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,max-content);gap:.2rem 1.5rem;margin:.4rem 0}
dl.overview dt{font-weight:700}dl.overview dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
)CSS";

// Urgency from the most to the least urgent; Urgency's values index the counts.
const std::vector<ChartCategory>& urgency_categories() {
    static const std::vector<ChartCategory> c = {
        {"emergency", "#7f0019", true}, {"urgent", "#c2410c", true}, {"soon", "#f2c14e", false}, {"none", "#cfe3d3", false}};
    return c;
}
constexpr Urgency urgency_order[] = {Urgency::emergency, Urgency::urgent, Urgency::soon, Urgency::none};

const std::vector<ChartCategory>& level_categories() {
    static const std::vector<ChartCategory> c = {
        {"likely", "#9a3412", true}, {"possible", "#e8a33d", false}, {"could not be decided", "#a3a3a3", false}, {"unlikely", "#cfe3d3", false}};
    return c;
}
constexpr Level level_order[] = {Level::likely, Level::possible, Level::unknown, Level::unlikely};

std::vector<ChartCategory> band_categories(const Instrument& ins) {
    static constexpr const char* fills[] = {"#1f4e89", "#5b8fd0", "#a9c6ea", "#dbe7f5", "#0f2f57", "#88b0e0"};
    static constexpr bool dark[] = {true, false, false, false, true, false};
    std::vector<ChartCategory> c;
    for (std::size_t b = 0; b < ins.bands.size(); ++b) {
        std::string name = ins.bands[b].name;
        for (char& ch : name) ch = ch == '_' ? ' ' : ch;
        c.push_back({name, fills[b % std::size(fills)], dark[b % std::size(dark)]});
    }
    c.push_back({"undecided", "#a3a3a3", false});
    c.push_back({"does not apply", "#f0f0f0", false});
    return c;
}

ChartRow urgency_row(const CohortGroup& g, std::string label) {
    ChartRow r{std::move(label), {}};
    for (Urgency u : urgency_order) r.counts.push_back(g.urgency[static_cast<std::size_t>(u)]);
    return r;
}

ChartRow level_row(const CohortGroup& g, std::size_t f, std::string label) {
    ChartRow r{std::move(label), {}};
    for (Level l : level_order) r.counts.push_back(f < g.levels.size() ? g.levels[f][static_cast<std::size_t>(l)] : 0);
    return r;
}

ChartRow band_row(const CohortGroup& g, std::size_t i, std::string label) {
    return {std::move(label), i < g.bands.size() ? g.bands[i] : std::vector<std::uint64_t>{}};
}

void section_start(std::string& out, std::string_view id, std::string_view heading) {
    out += fmt::format("<section id=\"{0}\" aria-labelledby=\"h-{0}\">\n", id);
    html_element(out, "h2", heading, fmt::format("id=\"h-{}\"", id));
}

std::string group_label(const CohortGroup& g) { return g.label; }

// One breakdown (a cohort grouping of the definitions): each measure with a bar per group.
void breakdown(std::string& out, const Definitions& d, std::string_view id, std::string_view title, std::string_view group_word,
               const std::vector<CohortGroup>& groups) {
    section_start(out, id, title);
    html_element(out, "p", fmt::format("Each bar is one {} group; its shares add up to 100% of that group.", group_word), "class=\"small\"");
    std::vector<ChartRow> rows;
    for (const auto& g : groups) rows.push_back(urgency_row(g, group_label(g)));
    detail::stacked_chart(out, "Seek medical attention", group_word, urgency_categories(), rows);
    for (std::size_t f = 0; f < d.factors.size(); ++f) {
        rows.clear();
        for (const auto& g : groups) rows.push_back(level_row(g, f, group_label(g)));
        detail::stacked_chart(out, d.factors[f].title, group_word, level_categories(), rows);
    }
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        rows.clear();
        for (const auto& g : groups) rows.push_back(band_row(g, i, group_label(g)));
        detail::stacked_chart(out, d.instruments[i].name, group_word, band_categories(d.instruments[i]), rows);
    }
    out += "</section>\n";
}

}  // namespace

void render_cohort_html(const Definitions& d, const CohortCounts& c, std::string& out, const CohortHtmlOptions& opt) {
    const std::string title = "Cohort screening report";
    detail::html_head(out, d.language.empty() ? "en" : d.language, title, opt.paper, cohort_css);
    out += "<main>\n<header>\n";
    html_element(out, "h1", title);
    std::string meta = d.name + " " + d.version;
    if (!opt.generated.empty()) meta += " · " + opt.generated;
    html_element(out, "p", meta, "class=\"meta\"");
    out += "</header>\n";

    section_start(out, "overview", "Overview");
    out += "<dl class=\"overview\">\n";
    out += fmt::format("<dt>Records</dt><dd>{}</dd>\n<dt>Screened</dt><dd>{}</dd>\n<dt>Could not be read (errors)</dt><dd>{}</dd>\n",
                       count_text(c.records + c.errors), count_text(c.records), count_text(c.errors));
    out += "</dl>\n";
    if (!opt.inputs.empty()) html_element(out, "p", "Input: " + opt.inputs, "class=\"small\"");
    html_element(out, "p", "Shares below are of the records screened. Every chart names its colours, writes the shares on "
                           "the bars that have room, and keeps every number in a table under it (Numbers).", "class=\"small\"");
    out += "</section>\n";

    section_start(out, "urgency", "Seek medical attention");
    detail::stacked_chart(out, "Urgency", "group", urgency_categories(), {urgency_row(c.everyone, "everyone")});
    out += "</section>\n";

    section_start(out, "factors", "Contributing factors");
    std::vector<ChartRow> rows;
    for (std::size_t f = 0; f < d.factors.size(); ++f) rows.push_back(level_row(c.everyone, f, d.factors[f].title));
    detail::stacked_chart(out, "Level of each factor", "factor", level_categories(), rows);
    out += "</section>\n";

    section_start(out, "instruments", "Screening scores");
    for (std::size_t i = 0; i < d.instruments.size(); ++i)
        detail::stacked_chart(out, d.instruments[i].name, "group", band_categories(d.instruments[i]), {band_row(c.everyone, i, "everyone")});
    out += "</section>\n";

    for (const CohortBreakdown& b : c.breakdowns)
        if (!b.groups.empty()) breakdown(out, d, "by-" + b.id, b.title, b.group_word, b.groups);

    section_start(out, "about", "About this report");
    html_element(out, "p", "Counts from one pass over the records, as the batch summary keeps them. A screening aid, not a "
                           "diagnosis: these are screening results, not diagnoses.");
    out += "<dl class=\"overview\">\n<dt>Questionnaire</dt><dd>";
    html_escape(out, d.name);
    out += "</dd>\n<dt>Version</dt><dd>";
    html_escape(out, d.version);
    out += "</dd>\n</dl>\n</section>\n";
    section_start(out, "disclaimer", "Please note");
    html_element(out, "p", d.disclaimer);
    out += "</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace myoscreen
