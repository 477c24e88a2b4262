// Shared pieces of the FHIR writers (fhir_common.hpp).
#include "interop/fhir_common.hpp"

#include <charconv>
#include <cmath>

namespace myoscreen::interop {

detail::Ast ask_if_ast(const Question& q) {
    detail::Ast ast;
    if (q.ask_if_text.empty()) return ast;
    detail::ExprError err;
    if (!detail::parse_expression(q.ask_if_text, ast, err)) ast.root = -1;  // cannot happen: it parsed at load
    return ast;
}

const Question* question_named(const Definitions& d, std::string_view id) {
    const int i = d.question_index(id);
    return i < 0 ? nullptr : &d.questions[static_cast<std::size_t>(i)];
}

std::string_view ucum_code(Unit u) {
    switch (u) {
    case Unit::years: return "a";
    case Unit::kg: return "kg";
    case Unit::cm: return "cm";
    case Unit::minutes: return "min";
    case Unit::hours: return "h";
    case Unit::days: return "d";
    case Unit::weeks: return "wk";
    case Unit::none: return "";
    }
    return "";
}

std::string_view unit_display(Unit u) {
    switch (u) {
    case Unit::years: return "years";
    case Unit::kg: return "kg";
    case Unit::cm: return "cm";
    case Unit::minutes: return "minutes";
    case Unit::hours: return "hours";
    case Unit::days: return "days";
    case Unit::weeks: return "weeks";
    case Unit::none: return "";
    }
    return "";
}

std::string plain_number(double v) {
    if (v == 0) return "0";  // also -0
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

std::string fhirpath_string(std::string_view s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out += '\'';
}

bool fhir_integer(double v) { return std::isfinite(v) && v == std::trunc(v) && std::fabs(v) <= 2147483647.0; }

}  // namespace myoscreen::interop
