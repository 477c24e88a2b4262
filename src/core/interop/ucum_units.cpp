// UCUM codes (case-sensitive, as UCUM defines them) and their size in one
// unit per dimension: kg, cm, minutes. 1 [lb_av] = 0.45359237 kg and
// 1 [in_i] = 2.54 cm exactly; a = 365.25 d and mo = a/12 (UCUM's Julian
// year and mean month).
#include "interop/ucum_units.hpp"

namespace myoscreen::interop {
namespace {

enum class Dim { mass, length, time, none };

struct UcumUnit {
    std::string_view code;
    Dim dim;
    double size;  // in kg, cm or minutes
};

constexpr UcumUnit units[] = {
    {"kg", Dim::mass, 1},          {"g", Dim::mass, 1e-3},          {"mg", Dim::mass, 1e-6},
    {"[lb_av]", Dim::mass, 0.45359237}, {"[oz_av]", Dim::mass, 0.028349523125}, {"[stone_av]", Dim::mass, 6.35029318},
    {"cm", Dim::length, 1},        {"m", Dim::length, 100},         {"mm", Dim::length, 0.1},
    {"[in_i]", Dim::length, 2.54}, {"[ft_i]", Dim::length, 30.48},
    {"s", Dim::time, 1.0 / 60},    {"min", Dim::time, 1},           {"h", Dim::time, 60},
    {"d", Dim::time, 1440},        {"wk", Dim::time, 10080},        {"mo", Dim::time, 1440 * 365.25 / 12},
    {"a", Dim::time, 1440 * 365.25},
};

Dim dim_of(Unit u) {
    switch (u) {
    case Unit::kg: return Dim::mass;
    case Unit::cm: return Dim::length;
    case Unit::years: case Unit::minutes: case Unit::hours: case Unit::days: case Unit::weeks: return Dim::time;
    case Unit::none: return Dim::none;
    }
    return Dim::none;
}

// The size of one base unit of the question, in kg, cm or minutes.
double base_size(Unit u) {
    switch (u) {
    case Unit::years: return 1440 * 365.25;
    case Unit::hours: return 60;
    case Unit::days: return 1440;
    case Unit::weeks: return 10080;
    default: return 1;
    }
}

}  // namespace

std::optional<double> ucum_factor(std::string_view code, Unit base) {
    const Dim want = dim_of(base);
    for (const UcumUnit& u : units)
        if (u.code == code && u.dim == want) return u.size / base_size(base);
    return std::nullopt;
}

std::string ucum_codes_for(Unit base) {
    std::string out;
    for (const UcumUnit& u : units)
        if (u.dim == dim_of(base) && u.dim != Dim::none) out += (out.empty() ? "" : ", ") + std::string(u.code);
    return out.empty() ? "none (the question has no unit)" : out;
}

}  // namespace myoscreen::interop
