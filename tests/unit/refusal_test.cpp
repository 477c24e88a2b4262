// Refusals by kind (Refusal, answers.hpp): every producer of an AnswerError
// says which kind it is, so tests and tallies count refusals by kind, never
// by their words. The value rules' and typed answers' tables check the kinds
// of single answers (value_rules_cases.tsv, typed_answers_cases.tsv); this
// file the whole-object, header, row and FHIR ones.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "fixture.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/records.hpp"

using namespace myoscreen;

namespace {

std::vector<Refusal> json_codes(std::string_view text) {
    Answers a;
    std::vector<Refusal> out;
    for (const AnswerError& e : parse_json_answers(test::mini(), text, a)) out.push_back(e.code);
    return out;
}

std::vector<Refusal> csv_header_codes(const std::vector<std::string>& names, std::string_view id_column = {}) {
    std::vector<AnswerError> errors;
    (void)map_csv_header(test::mini(), names, id_column, errors);
    std::vector<Refusal> out;
    for (const AnswerError& e : errors) out.push_back(e.code);
    return out;
}

std::vector<Refusal> fhir_codes(std::string text) {
    const std::size_t n = text.size();
    text.append(FhirResponseReader::padding, ' ');
    FhirResponseReader r(test::mini());
    Answers out;
    std::string id;
    bool has = false;
    std::vector<Refusal> codes;
    for (const AnswerError& e : r.read(std::string_view(text).substr(0, n), out, id, has)) codes.push_back(e.code);
    return codes;
}

using V = std::vector<Refusal>;

}  // namespace

TEST_CASE("refusal kinds: snake_case names, one per kind") {
    std::set<std::string_view> names;
    for (int k = 0; k <= static_cast<int>(Refusal::more_errors); ++k) {
        const std::string_view name = to_string(static_cast<Refusal>(k));
        CHECK(names.insert(name).second);
        for (char c : name) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
    }
    CHECK(to_string(Refusal::not_an_integer) == "not_an_integer");
}

TEST_CASE("refusal kinds: JSON answers objects, whole and member by member") {
    CHECK(json_codes(R"J({"age": 40, "age": 41})J") == V{Refusal::duplicate_key});
    CHECK(json_codes(R"J({"age": 70, "SECRET-value": 1})J") == V{Refusal::unknown_key});
    CHECK(json_codes(R"J([1, 2])J") == V{Refusal::not_an_object});
    CHECK(json_codes("{\"age\": 40x}") == V{Refusal::invalid_json});
    CHECK(json_codes("{\"age\": 40, \"weight_kg\": 1e400, \"tired\": 1}") == V{Refusal::not_finite, Refusal::wrong_json_type});
    CHECK(json_codes(R"J({"age": {"x": 1}})J") == V{Refusal::wrong_json_type});
    CHECK(json_codes(R"J({"conds": ["a", 1]})J") == V{Refusal::wrong_json_type});
    std::string many = "{";
    for (int k = 0; k < 150; ++k) many += std::string(k ? ", " : "") + "\"x" + std::to_string(k) + "\": 1";
    many += "}";
    const V codes = json_codes(many);
    REQUIRE(codes.size() == 101);
    CHECK(codes.back() == Refusal::more_errors);
}

TEST_CASE("refusal kinds: CSV headers and rows") {
    CHECK(csv_header_codes({"age", "agee"}) == V{Refusal::unknown_key});
    CHECK(csv_header_codes({"age", "Age"}) == V{Refusal::duplicate_key});
    CHECK(csv_header_codes({"age"}, "rid") == V{Refusal::bad_header});
    CHECK(csv_header_codes({"nothing"}) == V{Refusal::bad_header});
    CHECK(csv_header_codes({"age", "\xff"}) == V{Refusal::invalid_utf8});
    std::vector<AnswerError> errors;
    const CsvLayout layout = map_csv_header(test::mini(), {"id", "age"}, "id", errors);
    REQUIRE(errors.empty());
    Answers answers(test::mini().questions.size());
    std::string id;
    const std::vector<std::string_view> short_row{"r1"};
    CHECK_FALSE(parse_csv_row(test::mini(), layout, short_row, answers, id, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == Refusal::bad_row);
}

TEST_CASE("refusal kinds: REDCap headers and checkbox columns") {
    std::vector<AnswerError> errors;
    (void)map_redcap_header(test::mini(), {"record_id", "conds___zzz", "zzz___a", "tired___a"}, errors);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].code == Refusal::unknown_choice);
    CHECK(errors[1].code == Refusal::unknown_key);
    CHECK(errors[2].code == Refusal::bad_header);
    errors.clear();
    const CsvLayout layout = map_redcap_header(test::mini(), {"record_id", "conds___a", "conds___none"}, errors);
    REQUIRE(errors.empty());
    Answers answers(test::mini().questions.size());
    std::string id;
    const std::vector<std::string_view> row{"r1", "7", "0"};
    CHECK_FALSE(parse_redcap_row(test::mini(), layout, row, answers, id, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == Refusal::bad_checkbox);
}

TEST_CASE("refusal kinds: FHIR QuestionnaireResponses") {
    CHECK(fhir_codes("{") == V{Refusal::invalid_json});
    CHECK(fhir_codes("[1]") == V{Refusal::not_an_object});
    CHECK(fhir_codes(R"({"resourceType":"Patient"})") == V{Refusal::bad_fhir});
    const std::string head = R"({"resourceType":"QuestionnaireResponse","item":[)";
    CHECK(fhir_codes(head + R"({"linkId":"agee","answer":[{"valueInteger":40}]}]})") == V{Refusal::unknown_key});
    CHECK(fhir_codes(head + R"({"linkId":"age","answer":[{"valueInteger":4}]}]})") == V{Refusal::out_of_range});
    CHECK(fhir_codes(head + R"({"linkId":"age","answer":[{"valueString":"forty"}]}]})") == V{Refusal::not_a_number});
    CHECK(fhir_codes(head + R"({"linkId":"tired","answer":[{"valueInteger":1}]}]})") == V{Refusal::wrong_json_type});
    CHECK(fhir_codes(head + R"({"linkId":"age","answer":[{}]}]})") == V{Refusal::bad_fhir});
    CHECK(fhir_codes(head + R"({"linkId":"age","answer":[{"valueInteger":40}]},{"linkId":"age","answer":[{"valueInteger":41}]}]})") ==
          V{Refusal::duplicate_key});
}
