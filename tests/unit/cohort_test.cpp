// The cohort report's groupings: read from the definitions ("cohort"), with
// located errors, and the batch tally that counts records by them.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/tally.hpp"

using namespace myoscreen;

namespace {

using test::errors_of;

const char* groupings = R"J("references": [],
  "cohort": {"groupings": [
    {"id": "age", "question": "age", "title": "By age", "group": "age",
     "bands": [{"label": "young", "below": 50}, {"label": "middle", "below": 65}, {"label": "old"}],
     "not_answered": "age not answered"},
    {"id": "sex", "question": "sex", "title": "By sex", "group": "sex", "not_answered": "sex not answered"}]})J";

std::string mini_with_cohort(const std::string& cohort) {
    std::string s = test::mini_json;
    const auto at = s.find(R"J("references": [])J");
    REQUIRE(at != std::string::npos);
    s.replace(at, std::string_view(R"J("references": [])J").size(), cohort);
    return s;
}

const Definitions& grouped() {
    static const Definitions d = load_definitions(mini_with_cohort(groupings), "d.json");
    return d;
}

}  // namespace

TEST_CASE("cohort groupings are read from the definitions") {
    const Definitions& d = grouped();
    REQUIRE(d.cohort.size() == 2);
    const CohortGrouping& age = d.cohort[0];
    CHECK(age.id == "age");
    CHECK(age.title == "By age");
    CHECK(age.group_word == "age");
    CHECK_FALSE(age.by_choice);
    CHECK(age.below == std::vector<double>{50, 65});
    CHECK(age.group_count() == 4);
    CHECK(age.group_of(18) == 0);
    CHECK(age.group_of(49.9) == 0);
    CHECK(age.group_of(50) == 1);
    CHECK(age.group_of(64) == 1);
    CHECK(age.group_of(65) == 2);
    CHECK(age.group_of(120) == 2);
    const CohortGrouping& sex = d.cohort[1];
    CHECK(sex.by_choice);
    CHECK(sex.labels == std::vector<std::string>{"Female", "Male"});
    CHECK(sex.group_count() == 3);
    CHECK(test::mini().cohort.empty());  // no "cohort": the whole batch only
    // The default definitions name theirs; the tally's C++ names none.
    const Definitions e = load_embedded_definitions();
    REQUIRE(e.cohort.size() == 2);
    CHECK(e.cohort[0].below == std::vector<double>{50, 65, 80});
    CHECK(e.cohort[0].labels.size() == 4);
}

TEST_CASE("cohort grouping errors are located") {
    auto one = [](const std::string& cohort) {
        const auto d = errors_of(mini_with_cohort(R"J("references": [], "cohort": {"groupings": [)J" + cohort + "]}"));
        REQUIRE(d.size() >= 1);
        return d[0];
    };
    const std::string common = R"J("title": "T", "group": "g", "not_answered": "n")J";
    auto d = one(R"J({"id": "x", "question": "nope", )J" + common + "}");
    CHECK(d.message == "unknown question \"nope\"");
    CHECK(d.loc.pointer == "/cohort/groupings/0/question");
    CHECK(d.loc.line > 0);
    d = one(R"J({"id": "x", "question": "tired", )J" + common + "}");
    CHECK(d.loc.pointer == "/cohort/groupings/0/question");
    CHECK(d.message.find("number, integer or choice question") != std::string::npos);
    d = one(R"J({"id": "x", "question": "age", )J" + common + "}");
    CHECK(d.message == "a grouping by a number question needs \"bands\"");
    d = one(R"J({"id": "x", "question": "sex", "bands": [{"label": "a"}], )J" + common + "}");
    CHECK(d.loc.pointer == "/cohort/groupings/0/bands");
    d = one(R"J({"id": "x", "question": "age", "bands": [{"label": "a", "below": 60}, {"label": "b", "below": 50}, {"label": "c"}], )J" +
            common + "}");
    CHECK(d.message == "cut-offs must rise from band to band");
    CHECK(d.loc.pointer == "/cohort/groupings/0/bands/1/below");
    d = one(R"J({"id": "x", "question": "age", "bands": [{"label": "a", "below": 60}, {"label": "b", "below": 70}], )J" + common + "}");
    CHECK(d.loc.pointer == "/cohort/groupings/0/bands/1/below");
    d = one(R"J({"id": "x", "question": "sex", "titel": "T", "group": "g", "not_answered": "n"})J");
    CHECK(d.loc.pointer.rfind("/cohort/groupings/0", 0) == 0);
    const auto dup = errors_of(mini_with_cohort(R"J("references": [], "cohort": {"groupings": [{"id": "x", "question": "sex", )J" + common +
                                                R"J(}, {"id": "x", "question": "sex", )J" + common + "}]}"));
    CHECK(dup.at(0).message == "duplicate cohort grouping id \"x\"");
    CHECK(dup[0].loc.pointer == "/cohort/groupings/1/id");
}

TEST_CASE("the tally counts each record in one group of each grouping") {
    const Definitions& d = grouped();
    auto report = [&](const char* json, Answers& a) {
        a = Answers{};
        REQUIRE(parse_json_answers(d, json, a).empty());
        return screen(d, a);
    };
    Tally t, u;
    Answers a;
    t.add(report(R"J({"age": 70, "sex": "male"})J", a), a);
    t.add(report(R"J({"age": 49})J", a), a);
    u.add(report(R"J({"sex": "female", "tired": true})J", a), a);
    u.add(report(R"J({"age": 50, "sex": "female"})J", a), a);
    t.merge(u);
    CHECK(t.records == 4);
    const CohortCounts c = cohort_counts(d, t);
    CHECK(c.records == 4);
    CHECK(c.everyone.records == 4);
    REQUIRE(c.breakdowns.size() == 2);
    const CohortBreakdown& age = c.breakdowns[0];
    CHECK(age.id == "age");
    CHECK(age.title == "By age");
    REQUIRE(age.groups.size() == 4);
    CHECK(age.groups[0].label == "young");
    CHECK(age.groups[0].records == 1);
    CHECK(age.groups[1].records == 1);
    CHECK(age.groups[2].records == 1);
    CHECK(age.groups[3].label == "age not answered");
    CHECK(age.groups[3].records == 1);
    const CohortBreakdown& sex = c.breakdowns[1];
    REQUIRE(sex.groups.size() == 3);
    CHECK(sex.groups[0].label == "Female");
    CHECK(sex.groups[0].records == 2);
    CHECK(sex.groups[1].records == 1);
    CHECK(sex.groups[2].label == "sex not answered");
    CHECK(sex.groups[2].records == 1);
    // Everyone adds up the same counts, whichever way it is made.
    for (std::size_t u2 = 0; u2 < 4; ++u2)
        CHECK(c.everyone.urgency[u2] == t.urgency[u2]);

    // Without groupings: everyone only.
    Tally m;
    Answers b;
    REQUIRE(parse_json_answers(test::mini(), R"J({"age": 70})J", b).empty());
    m.add(screen(test::mini(), b), b);
    const CohortCounts mc = cohort_counts(test::mini(), m);
    CHECK(mc.everyone.records == 1);
    CHECK(mc.breakdowns.empty());
}

TEST_CASE("the cohort report has a section per grouping, from the definitions' words") {
    const Definitions& d = grouped();
    Tally t;
    Answers a;
    REQUIRE(parse_json_answers(d, R"J({"age": 70, "sex": "male"})J", a).empty());
    t.add(screen(d, a), a);
    std::string html;
    render_cohort_html(d, cohort_counts(d, t), html);
    CHECK(html.find("id=\"by-age\"") != std::string::npos);
    CHECK(html.find("id=\"by-sex\"") != std::string::npos);
    CHECK(html.find("Each bar is one age group") != std::string::npos);
    CHECK(html.find("age not answered") != std::string::npos);
    std::string none;
    render_cohort_html(test::mini(), cohort_counts(test::mini(), Tally{}), none);
    CHECK(none.find("by-age") == std::string::npos);
}
