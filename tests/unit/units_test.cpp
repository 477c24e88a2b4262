// Quantities: numbers with units, converted to base units, and their errors.
#include <catch2/catch.hpp>

#include "answers/units.hpp"

using myoscreen::Unit;
using myoscreen::detail::parse_quantity;

static double q(const char* text, Unit u) {
    myoscreen::detail::Refused why{};
    auto v = parse_quantity(text, u, why);
    INFO(text << ": " << why.words);
    REQUIRE(v);
    return v->value;
}

static std::string bad(const char* text, Unit u) {
    myoscreen::detail::Refused why{};
    auto v = parse_quantity(text, u, why);
    REQUIRE_FALSE(v);
    CHECK(why.code != myoscreen::Refusal::unspecified);
    return why.words;
}

TEST_CASE("quantities convert to base units, unrounded") {
    CHECK(q("70", Unit::kg) == 70);
    CHECK(q("70 kg", Unit::kg) == 70);
    CHECK(q("70kg", Unit::kg) == 70);
    CHECK(q("154 lb", Unit::kg) == Approx(154 * 0.45359237));
    CHECK(q("154 LBS", Unit::kg) == Approx(69.85322498));
    CHECK(q("172 cm", Unit::cm) == 172);
    CHECK(q("1.72 m", Unit::cm) == Approx(172));
    CHECK(q("68 in", Unit::cm) == Approx(172.72));
    CHECK(q("5 ft 8 in", Unit::cm) == Approx(172.72));
    CHECK(q("5ft8in", Unit::cm) == Approx(172.72));
    CHECK(q("5'8\"", Unit::cm) == Approx(172.72));
    CHECK(q("5' 8\"", Unit::cm) == Approx(172.72));
    CHECK(q("5 ft 8", Unit::cm) == Approx(172.72));
    CHECK(q("6 ft", Unit::cm) == Approx(182.88));
    CHECK(q("8 st 3 lb", Unit::kg) == Approx(115 * 0.45359237));
    CHECK(q("8st 3", Unit::kg) == Approx(115 * 0.45359237));
    CHECK(q("2 weeks", Unit::days) == 14);
    CHECK(q("1.5 h", Unit::minutes) == 90);
}

TEST_CASE("bad quantities say why without quoting the text") {
    CHECK(bad("", Unit::kg) == "expected a number");
    CHECK(bad("seventy", Unit::kg) == "expected a number");
    CHECK(bad("70 parsecs", Unit::kg).find("unknown unit") == 0);
    CHECK(bad("70 cm", Unit::kg).find("kg, lb") != std::string::npos);
    CHECK(bad("8 in 5 ft", Unit::cm).find("larger unit first") != std::string::npos);
    CHECK(bad("nan", Unit::kg) == "expected a number");
    CHECK(bad("inf", Unit::kg) == "expected a number");
    CHECK(bad("1e400", Unit::kg) == "not a finite number");
    CHECK(bad("1e308 ft", Unit::cm) == "not a finite number");
    CHECK(q("1e-400", Unit::kg) == 0);  // too small for a double: 0, as in JSON
    CHECK(bad("70 kg extra", Unit::kg) == "unexpected text after the number");
}
