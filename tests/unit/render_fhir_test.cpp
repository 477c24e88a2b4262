// The FHIR report: the Bundle's resources, what incomplete answers give,
// and ids that depend on the record and nothing else.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;
using nlohmann::json;

namespace {

json bundle(const std::string& answers, const FhirOptions& opt = {}) {
    Answers a(test::mini().questions.size());
    REQUIRE(parse_json_answers(test::mini(), answers, a).empty());
    std::string out;
    render_fhir(screen(test::mini(), a), a, out, opt);
    return json::parse(out);
}

const json& resource(const json& b, std::string_view type, std::size_t nth = 0) {
    for (const auto& e : b["entry"])
        if (e["resource"]["resourceType"] == type && nth-- == 0) return e["resource"];
    FAIL("no " << type);
    static const json none;
    return none;
}

}  // namespace

TEST_CASE("FHIR: a collection Bundle of Patient, RiskAssessment, an Observation per instrument, Flag") {
    const json b = bundle(R"({"age": 70, "sex": "male", "tired": true, "conds": ["a"], "male_q": true})");
    CHECK(b["resourceType"] == "Bundle");
    CHECK(b["type"] == "collection");
    REQUIRE(b["entry"].size() == 2 + test::mini().instruments.size() + 1);
    for (const auto& e : b["entry"]) {
        const std::string full = e["fullUrl"];
        CHECK(full == "urn:uuid:" + e["resource"]["id"].get<std::string>());
    }
    const std::string patient = b["entry"][0]["fullUrl"];
    const json& ra = resource(b, "RiskAssessment");
    CHECK(ra["status"] == "final");
    CHECK(ra["subject"]["reference"] == patient);
    CHECK_FALSE(ra.contains("occurrenceDateTime"));
    CHECK(ra["note"][0]["text"] == "Not a diagnosis.");
    REQUIRE(ra["prediction"].size() == 1);
    const json& p = ra["prediction"][0];
    CHECK(p["outcome"]["coding"][0]["code"] == "f");
    CHECK(p["outcome"]["coding"][0]["system"] == "http://myoscreen.invalid/fhir/Questionnaire/mini/CodeSystem/report-factor");
    CHECK(p["qualitativeRisk"]["coding"][0]["system"] == "http://terminology.hl7.org/CodeSystem/risk-probability");
    CHECK(p["qualitativeRisk"]["coding"][0]["code"] == "high");
    CHECK(p["rationale"].get<std::string>().find("Old.") != std::string::npos);
    const json& ins = resource(b, "Observation");
    CHECK(ins["valueInteger"] == 3);
    CHECK(ins["interpretation"][0]["text"] == "high");
    CHECK(ins["category"][0]["coding"][0]["code"] == "survey");
    const json& flag = resource(b, "Flag");
    CHECK(flag["status"] == "active");
    CHECK(flag["code"]["coding"][0]["code"] == "urgent");
}

TEST_CASE("FHIR: unknown level has no qualitative risk; an incomplete score has no value but its bounds") {
    const json b = bundle(R"({"sex": "male"})");
    const json& p = resource(b, "RiskAssessment")["prediction"][0];
    CHECK_FALSE(p.contains("qualitativeRisk"));
    CHECK(p["rationale"].get<std::string>().starts_with("Not decided"));
    const json& ins = resource(b, "Observation");
    CHECK_FALSE(ins.contains("valueInteger"));
    CHECK(ins["dataAbsentReason"]["coding"][0]["code"] == "unknown");
    REQUIRE(ins["component"].size() == 2);
    CHECK(ins["component"][0]["valueInteger"] == 0);
    CHECK(ins["component"][1]["valueInteger"] == 4);
    CHECK(resource(b, "Flag")["status"] == "inactive");
}

TEST_CASE("FHIR: same record, same bytes; another id or other answers, other ids") {
    const std::string answers = R"({"age": 50, "sex": "female"})";
    CHECK(bundle(answers).dump() == bundle(answers).dump());
    FhirOptions one, two;
    one.id = "r1";
    two.id = "r2";
    const json a = bundle(answers, one), b = bundle(answers, two), c = bundle(R"({"age": 51, "sex": "female"})");
    CHECK(a["id"] != b["id"]);
    CHECK(a["id"] != bundle(answers)["id"]);
    CHECK(c["id"] != bundle(answers)["id"]);
    CHECK(a["entry"][0]["resource"]["identifier"][0]["value"] == "r1");
    CHECK(resource(a, "Flag")["subject"]["identifier"]["value"] == "r1");
}

TEST_CASE("FHIR: the QuestionnaireResponse as basis and derivedFrom; a time only when given") {
    FhirOptions o;
    o.response = "QuestionnaireResponse/qr-1";
    o.occurrence = "2026-12-04T10:00:00Z";
    const json b = bundle(R"({"age": 50})", o);
    const json& ra = resource(b, "RiskAssessment");
    CHECK(ra["basis"][0]["reference"] == "QuestionnaireResponse/qr-1");
    CHECK(ra["occurrenceDateTime"] == "2026-12-04T10:00:00Z");
    CHECK(resource(b, "Observation", 1)["derivedFrom"][0]["reference"] == "QuestionnaireResponse/qr-1");
}
