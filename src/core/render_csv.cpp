// One CSV row per report: id, complete, flag, urgency, each factor's level,
// each instrument's score (over known items, as in JSON) and band (empty
// when undecided or not applying).
#include <fmt/format.h>

#include "myoscreen/render.hpp"

namespace myoscreen {

namespace {
// RFC 4180: quote when the field holds a comma, quote or line break.
void field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}
}  // namespace

void render_csv_header(const Definitions& d, std::string& out) {
    out += "id,complete,flag,urgency";
    for (const auto& f : d.factors) out += "," + f.id;
    for (const auto& i : d.instruments) out += "," + i.id + "_score," + i.id + "_band";
    out += '\n';
}

void render_csv_row(const Report& r, std::string& out, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    if (opt.id) field(out, *opt.id);
    out += r.complete ? ",true," : ",false,";
    out += r.attention.flag ? "true," : "false,";
    out += to_string(r.attention.urgency);
    for (const auto& f : r.factors) {
        out += ',';
        out += to_string(f.level);
    }
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const InstrumentResult& ir = r.instruments[i];
        if (ir.applies) fmt::format_to(std::back_inserter(out), ",{}", ir.score);
        else out += ',';
        out += ',';
        if (ir.band >= 0) out += d.instruments[i].bands[ir.band].name;
    }
    out += '\n';
}

}  // namespace myoscreen
