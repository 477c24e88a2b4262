// One CSV row per report: id, complete, flag, urgency, each factor's level,
// each instrument's score (over known items, as in JSON) and band (empty
// when undecided or not applying).
#include <fmt/format.h>

#include "myoscreen/render.hpp"

namespace myoscreen {

namespace {
// RFC 4180: quote when the field holds a comma, quote or line break.
void field_out(std::string& out, std::string_view s) {
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
    out += ",error\n";
}

void render_error_csv(const Definitions& d, std::uint64_t record, std::optional<std::string_view> id,
                      std::span<const AnswerError> errors, std::string& out) {
    if (id) field_out(out, *id);
    else fmt::format_to(std::back_inserter(out), "{}", record);
    out.append(3 + d.factors.size() + 2 * d.instruments.size(), ',');
    out += ',';
    std::string text = fmt::format("record {}: ", record);
    for (std::size_t i = 0; i < errors.size(); ++i)
        text += fmt::format("{}{}{}{}", i ? "; " : "", errors[i].field, errors[i].field.empty() ? "" : ": ", errors[i].reason);
    field_out(out, text);
    out += '\n';
}

void render_csv_row(const Report& r, std::string& out, const RenderOptions& opt) {
    const Definitions& d = *r.defs;
    if (opt.id) field_out(out, *opt.id);
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
        if (ir.band >= 0) field_out(out, d.instruments[i].bands[ir.band].name);  // a code: may hold a comma
    }
    out += ",\n";  // empty error column
}

}  // namespace myoscreen
