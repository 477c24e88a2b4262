// The FHIR interop stage: ask_if → enableWhen or FHIRPath, and the
// QuestionnaireResponse reader (values, nesting, errors without values).
#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>

#include "fixture.hpp"
#include "myoscreen/fhir_questionnaire.hpp"

using namespace myoscreen;

namespace {
const Definitions& defs() {
    static const Definitions d = load_embedded_definitions();
    return d;
}

std::vector<AnswerError> read(const Definitions& d, std::string text, Answers& out, std::string* id = nullptr) {
    const std::size_t n = text.size();
    text.append(FhirResponseReader::padding, ' ');
    FhirResponseReader r(d);
    std::string rid;
    bool has = false;
    auto errs = r.read(std::string_view(text).substr(0, n), out, rid, has);
    if (id) *id = has ? rid : "-";
    return errs;
}

std::string qr(const std::string& items) { return R"({"resourceType":"QuestionnaireResponse","item":[)" + items + "]}"; }
std::string item(const std::string& link, const std::string& value) {
    return R"({"linkId":")" + link + R"(","answer":[{)" + value + "}]}";
}
}  // namespace

TEST_CASE("fhir: the default ask_ifs are exact enableWhen") {
    const Definitions& d = defs();
    const auto adam = fhir_enable(d, d.question_index("adam_1"));
    REQUIRE(adam.kind == FhirEnable::Kind::enable_when);
    CHECK_FALSE(adam.any);
    REQUIRE(adam.when.size() == 2);
    CHECK(adam.when[0].question == "sex");
    CHECK(adam.when[0].code == "male");
    CHECK(adam.when[1].op == ">=");
    CHECK(adam.when[1].answer == FhirEnable::When::Answer::integer);
    const auto imm = fhir_enable(d, d.question_index("immobilized_weeks"));
    REQUIRE(imm.when.size() == 2);
    CHECK(imm.when[0].op == "exists");
    CHECK(imm.when[1].op == "!=");
    CHECK(fhir_enable(d, d.question_index("age")).kind == FhirEnable::Kind::always);
    for (std::size_t q = 0; q < d.questions.size(); ++q)
        CHECK(fhir_enable(d, static_cast<int>(q)).kind != FhirEnable::Kind::expression);
}

TEST_CASE("fhir: what enableWhen cannot say exactly is FHIRPath, guarded for absent questions") {
    const Definitions d = load_definitions(test::mini_json, "mini.json");
    // The mini definitions' male_q is `sex == 'male' and age >= 40`: exact.
    CHECK(fhir_enable(d, d.question_index("male_q")).kind == FhirEnable::Kind::enable_when);
    // Its FHIRPath exists all the same, and reads both questions.
    const std::string e = ask_if_fhirpath(d, d.question_index("male_q"));
    CHECK(e.find("linkId='sex'") != std::string::npos);
    CHECK(e.find("linkId='age'") != std::string::npos);
    CHECK(e.find(">= (40)") != std::string::npos);
}

TEST_CASE("fhir: a response's values, nested anywhere, are read as the JSON reader reads them") {
    const Definitions& d = defs();
    Answers a;
    std::string id;
    const std::string text = R"({"resourceType":"QuestionnaireResponse","id":"x1","item":[{"linkId":"g","item":[)" +
                             item("age", R"("valueInteger":70)") + "," + item("weight_kg", R"("valueQuantity":{"value":154,"code":"[lb_av]"})") +
                             "," + item("sex", R"("valueCoding":{"code":"Female"})") + R"(,{"linkId":"unsteady","answer":[{"valueBoolean":true,"item":[)" +
                             item("height_cm", R"("valueString":"5 ft 4 in")") + R"(]}]}]}]})";
    const auto errs = read(d, text, a, &id);
    CHECK(errs.empty());
    CHECK(id == "x1");
    CHECK(a.values[d.question_index("age")].num == 70);
    CHECK(a.values[d.question_index("weight_kg")].num == Approx(154 * 0.45359237));
    CHECK(a.values[d.question_index("height_cm")].num == Approx(64 * 2.54));
    CHECK(a.values[d.question_index("unsteady")].num == 1);
    CHECK(d.questions[d.question_index("sex")].choices[static_cast<std::size_t>(a.values[d.question_index("sex")].num)].code == "female");
}

TEST_CASE("fhir: reasons never hold the value, whatever it is") {
    const Definitions& d = defs();
    std::mt19937 rng(7);
    const char* shapes[] = {R"("valueString":"%")", R"("valueCoding":{"code":"%"})", R"("valueQuantity":{"value":3,"code":"%"})",
                            R"("valueQuantity":{"value":3,"system":"%"})", R"("valueCoding":{"system":"%","code":"none"})",
                            R"("valueDate":"%")"};
    for (int i = 0; i < 300; ++i) {
        std::string marker = "Zq" + std::to_string(rng() % 100000) + "x";
        std::string v = shapes[rng() % std::size(shapes)];
        v.replace(v.find('%'), 1, marker);
        const auto& q = d.questions[rng() % d.questions.size()];
        Answers a;
        for (const auto& e : read(d, qr(item(q.id, v)), a)) {
            INFO(e.reason);
            CHECK(e.reason.find(marker) == std::string::npos);
            CHECK(e.field == q.id);
        }
    }
}
