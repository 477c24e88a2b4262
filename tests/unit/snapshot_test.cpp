// The build-time snapshot of the embedded definitions: it must read back as
// the very model that parsing the JSON gives, and anything else is refused.
#include <catch2/catch.hpp>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"
#include "snapshot/snapshot.hpp"

#include <bit>

#include <nlohmann/json.hpp>

using namespace myoscreen;

namespace {

std::string report_of(const Definitions& d, const std::string& answers_json) {
    Answers a;
    REQUIRE(parse_json_answers(d, answers_json, a).empty());
    RenderOptions ro;
    ro.explain = true;
    std::string out;
    render_json(screen(d, a, {true}), out, ro);
    return out;
}

}  // namespace

TEST_CASE("the embedded snapshot reads back as the parsed definitions") {
    const Definitions parsed = load_definitions(embedded_definitions(), "embedded");
    const auto snap = detail::read_snapshot(detail::embedded_snapshot());
    REQUIRE(snap.has_value());  // this build's snapshot is used, not the fallback
    CHECK(detail::write_snapshot(*snap) == detail::write_snapshot(parsed));
    CHECK(snap->question_ids.find("calf_cm") == parsed.question_ids.find("calf_cm"));
    // Same reports, --explain included, from both.
    for (const char* answers : {R"({})",
                                R"({"age": 72, "sex": "male", "height_cm": 170, "weight_kg": "150 lb", "calf_cm": 30,
                                    "sarcf_lift": "some", "conditions": ["cancer", "diabetes"], "injury_6mo": "fracture",
                                    "adam_1": true, "weakness_onset": "over_days"})"})
        CHECK(report_of(*snap, answers) == report_of(parsed, answers));
}

TEST_CASE("a snapshot of another format or cut short is refused") {
    const std::string good = detail::write_snapshot(load_embedded_definitions());
    CHECK(detail::read_snapshot(good).has_value());
    for (std::size_t cut : {std::size_t{0}, std::size_t{10}, good.size() / 2, good.size() - 1})
        CHECK_FALSE(detail::read_snapshot(std::string_view(good).substr(0, cut)).has_value());
    std::string other = good;
    other[10] ^= 1;  // inside the format line
    CHECK_FALSE(detail::read_snapshot(other).has_value());
    CHECK_FALSE(detail::read_snapshot(good + "x").has_value());
}

TEST_CASE("a snapshot names the byte order of its numbers, and one of the other order is refused") {
    const std::string good = detail::write_snapshot(load_embedded_definitions());
    const std::string_view here = std::endian::native == std::endian::little ? " le\n" : " be\n";
    const std::string_view other = std::endian::native == std::endian::little ? " be\n" : " le\n";
    const auto eol = good.find('\n');
    REQUIRE(eol != std::string::npos);
    CHECK(good.substr(0, eol + 1) == "myoscreen.snapshot/13" + std::string(here));
    std::string swapped = good;
    swapped.replace(eol - 3, 4, other);
    REQUIRE(swapped.size() == good.size());
    CHECK_FALSE(detail::read_snapshot(swapped).has_value());
    CHECK(detail::read_snapshot(good).has_value());
}

TEST_CASE("compact reports, with their pre-rendered evidence, say what the indented ones say") {
    const Definitions d = load_embedded_definitions();
    Answers a;
    REQUIRE(parse_json_answers(d, R"({"age": 80, "sex": "male", "weight_kg": 50, "weight_6mo_ago_kg": 60, "height_cm": 170,
                                      "sarcf_lift": "a_lot_or_unable", "sarcf_walk": "some", "falls_past_year": "four_or_more",
                                      "conditions": ["cancer"], "weakness_onset": "sudden"})",
                              a)
                .empty());
    const Report r = screen(d, a);
    std::string compact, pretty;
    RenderOptions c;
    c.pretty = false;
    render_json(r, compact, c);
    render_json(r, pretty);
    CHECK(compact.find("\"evidence\":[{\"rule\":") != std::string::npos);
    CHECK(nlohmann::ordered_json::parse(compact).dump() + "\n" == compact);
    CHECK(nlohmann::ordered_json::parse(compact) == nlohmann::ordered_json::parse(pretty));
}
