// The one reader of answers documents (myoscreen/answers_document.hpp):
// each kind told apart and read, a byte order mark, an empty input, a
// document of the wrong kind, a session cut short, and errors located as
// NAME:LINE:COL with the question id or linkId, never the value.
#include <catch2/catch.hpp>

#include <string>

#include "fixture.hpp"
#include "myoscreen/answers_document.hpp"
#include "myoscreen/text.hpp"

using namespace myoscreen;

namespace {

const Definitions& embedded() {
    static const Definitions d = load_embedded_definitions();
    return d;
}

// mini: age, sex, weight_kg, height_cm, tired, conds, male_q.
const std::string answers_text = "{\n  \"age\": 70,\n  \"sex\": \"male\"\n}\n";

std::string session_text() {
    const Definitions& d = test::mini();
    Answers a;
    REQUIRE(parse_json_answers(d, R"({"age": 70, "sex": "male"})", a).empty());
    return session_to_json(d, a, {0, 1, 4});
}

std::string fhir_text(const std::string& link, const std::string& value) {
    return R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":")" + link +
           R"(","answer":[{)" + value + "}]}]}";
}

}  // namespace

TEST_CASE("documents: stdin goes by one name, and the byte order mark is dropped in one place") {
    CHECK(document_name("-") == "<stdin>");
    CHECK(document_name("a b.json") == "a b.json");
    CHECK(strip_bom("\xEF\xBB\xBF{}") == "{}");
    CHECK(strip_bom("{}") == "{}");
    CHECK(strip_bom("\xEF\xBB") == "\xEF\xBB");
}

TEST_CASE("documents: each kind is told from its text") {
    CHECK(document_kind(answers_text) == DocumentKind::answers);
    CHECK(document_kind(session_text()) == DocumentKind::session);
    CHECK(document_kind(R"({"schema": "myoscreen.report/1", "answers": {}})") == DocumentKind::report);
    CHECK(document_kind(fhir_text("age", R"("valueInteger":70)")) == DocumentKind::fhir_response);
    // resourceType anywhere at the top level, not only first.
    CHECK(document_kind(R"({"id": "x", "resourceType": "QuestionnaireResponse"})") == DocumentKind::fhir_response);
    // Nested, it is an answer's business, not the document's.
    CHECK(document_kind(R"({"age": {"resourceType": "x"}})") == DocumentKind::answers);
    // The start of a long first record (a batch reads ahead only so far).
    CHECK(document_kind(R"({"resourceType":"QuestionnaireResponse","item":[{"linkId":"ag)") == DocumentKind::fhir_response);
    // A schema's name elsewhere than in "schema" makes no report.
    CHECK(document_kind(R"({"note": "myoscreen.report/1"})") == DocumentKind::answers);
    CHECK(document_kind("\xEF\xBB\xBF" + session_text()) == DocumentKind::session);
    CHECK(document_kind("") == DocumentKind::answers);
    CHECK(document_kind("not json") == DocumentKind::answers);
}

TEST_CASE("documents: an answers object is read, with or without a byte order mark") {
    const Definitions& d = test::mini();
    for (const std::string& text : {answers_text, "\xEF\xBB\xBF" + answers_text}) {
        const AnswersDocument doc = read_answers_document(d, text, "a.json");
        CHECK(doc.kind == DocumentKind::answers);
        CHECK(doc.name == "a.json");
        CHECK(doc.errors.empty());
        CHECK(doc.answers.values[0].num == 70);
        CHECK(doc.answers.values[1].given);
        CHECK_FALSE(doc.answers.values[2].given);
    }
}

TEST_CASE("documents: errors are located as NAME:LINE:COL and name the question, never the value") {
    const Definitions& d = test::mini();
    const std::string text = "{\n  \"age\": 300,\n  \"sex\": \"CANARY-9x\",\n  \"nope\": 1\n}\n";
    for (const std::string& t : {text, "\xEF\xBB\xBF" + text}) {  // the mark moves no column
        const AnswersDocument doc = read_answers_document(d, t, "<stdin>");
        REQUIRE(doc.errors.size() == 3);
        CHECK(doc.errors[0].field == "age");
        CHECK(doc.errors[0].line == 2);
        CHECK(doc.errors[0].col == 3);
        CHECK(doc.errors[1].line == 3);
        CHECK(doc.errors[2].line == 4);
        CHECK(document_error_message(doc, doc.errors[0]).starts_with("<stdin>:2:3: question 'age': "));
        CHECK(document_error_message(doc, doc.errors[1]).starts_with("<stdin>:3:3: question 'sex': "));
        for (const auto& e : doc.errors) {
            INFO(e.reason);
            CHECK(document_error_message(doc, e).find("CANARY") == std::string::npos);
            CHECK(document_error_message(doc, e).find("300") == std::string::npos);
        }
    }
}

TEST_CASE("documents: an empty input is an answers document that is not JSON, said once, without a place") {
    const Definitions& d = test::mini();
    for (const char* text : {"", "\xEF\xBB\xBF", "  \n"}) {
        const AnswersDocument doc = read_answers_document(d, text, "e.json");
        CHECK(doc.kind == DocumentKind::answers);
        REQUIRE(doc.errors.size() == 1);
        CHECK(doc.errors[0].field.empty());
        CHECK(doc.errors[0].line == 0);
        CHECK(document_error_message(doc, doc.errors[0]) == "e.json: " + doc.errors[0].reason);
    }
}

TEST_CASE("documents: a saved session is recognised as an answers document, and read as a session") {
    const Definitions& d = test::mini();
    const std::string text = session_text();
    const AnswersDocument given = read_answers_document(d, text, "s.json");
    CHECK(given.kind == DocumentKind::session);  // resumed, not given: nothing read
    CHECK(given.errors.empty());

    for (const std::string& t : {text, "\xEF\xBB\xBF" + text}) {
        const AnswersDocument doc = read_session_document(d, t, "s.json");
        CHECK(doc.kind == DocumentKind::session);
        CHECK(doc.session.kind == SessionRead::Kind::ok);
        CHECK(doc.answers.values[0].num == 70);
        CHECK(doc.asked == std::vector<int>{0, 1, 4});
    }
}

TEST_CASE("documents: a document of the wrong kind is no session, and says what it is") {
    const Definitions& d = test::mini();
    const AnswersDocument a = read_session_document(d, answers_text, "a.json");
    CHECK(a.session.kind == SessionRead::Kind::not_a_session);
    CHECK(a.kind == DocumentKind::answers);
    const AnswersDocument f = read_session_document(d, fhir_text("age", R"("valueInteger":70)"), "r.json");
    CHECK(f.session.kind == SessionRead::Kind::not_a_session);
    CHECK(f.kind == DocumentKind::fhir_response);
    // Saved with other definitions: a session all the same, not read.
    const AnswersDocument other = read_session_document(embedded(), session_text(), "s.json");
    CHECK(other.kind == DocumentKind::session);
    CHECK(other.session.kind == SessionRead::Kind::other_definitions);
    CHECK(other.session.message.find("\"mini\"") != std::string::npos);
}

TEST_CASE("documents: a session cut short is no session, and as answers its errors are located") {
    const Definitions& d = test::mini();
    const std::string text = session_text();
    const std::string cut = text.substr(0, text.size() / 2);
    const AnswersDocument s = read_session_document(d, cut, "s.json");
    CHECK(s.session.kind == SessionRead::Kind::not_a_session);
    CHECK(s.session.message == "not a saved myoscreen session");
    const AnswersDocument a = read_answers_document(d, cut, "s.json");
    CHECK(a.kind == DocumentKind::answers);
    // The members read before the cut are located; the cut says where it is.
    REQUIRE(a.errors.size() == 3);
    CHECK(document_error_message(a, a.errors[0]) == "s.json:2:3: key 1 is not a question id");
    CHECK(document_error_message(a, a.errors[1]) == "s.json:3:3: key 2 is not a question id");
    CHECK(a.errors[2].field.empty());
    CHECK(a.errors[2].line == 0);
    CHECK(a.errors[2].reason.starts_with("invalid JSON at line 5, column 21: unexpected end of input"));
}

TEST_CASE("documents: a JSON report's answers are the answers; one without them is said to be so") {
    const Definitions& d = test::mini();
    const AnswersDocument r = read_answers_document(d, R"({"schema": "myoscreen.report/1", "answers": {"age": 70, "tired": true}})", "r.json");
    CHECK(r.kind == DocumentKind::report);
    CHECK(r.has_answers);
    CHECK(r.errors.empty());
    CHECK(r.answers.values[0].num == 70);
    CHECK(r.answers.values[4].num == 1);

    const AnswersDocument none = read_answers_document(d, R"({"schema": "myoscreen.report/1", "flag": false})", "r.json");
    CHECK(none.kind == DocumentKind::report);
    CHECK_FALSE(none.has_answers);
    CHECK(none.errors.empty());

    // Re-written compactly, a report's answers have no place in the file.
    const AnswersDocument bad = read_answers_document(d, R"({"schema": "myoscreen.report/1", "answers": {"age": 300}})", "r.json");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].line == 0);
    CHECK(document_error_message(bad, bad.errors[0]).starts_with("r.json: question 'age': "));
}

TEST_CASE("documents: a FHIR QuestionnaireResponse is read; its errors name the linkId, never the value") {
    const Definitions& d = embedded();
    const AnswersDocument ok = read_answers_document(d, "\xEF\xBB\xBF" + fhir_text("age", R"("valueInteger":70)"), "r.json");
    CHECK(ok.kind == DocumentKind::fhir_response);
    CHECK(ok.errors.empty());
    CHECK(ok.answers.values[static_cast<std::size_t>(d.question_index("age"))].num == 70);

    const AnswersDocument bad = read_answers_document(d, fhir_text("age", R"("valueString":"CANARY-9x")"), "r.json");
    REQUIRE(bad.errors.size() == 1);
    const std::string m = document_error_message(bad, bad.errors[0]);
    CHECK(m.starts_with("r.json: linkId 'age': "));
    CHECK(m.find("CANARY") == std::string::npos);

    // An item whose linkId is no question is named by its place.
    const AnswersDocument unknown = read_answers_document(d, fhir_text("CANARY-9x", R"("valueInteger":1)"), "r.json");
    REQUIRE_FALSE(unknown.errors.empty());
    CHECK(document_error_message(unknown, unknown.errors[0]).starts_with("r.json: item[0]"));
}
