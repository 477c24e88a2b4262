// The one reader of answers documents (myoscreen/answers_document.hpp): what
// a document is, and its answers through the reader for its kind. A stage
// of its own above engine (saved sessions) and interop (FHIR responses).
#include "myoscreen/answers_document.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {
namespace {

constexpr std::string_view session_schema = "myoscreen.session/1";
constexpr std::string_view report_schema = "myoscreen.report/1";

// The document as a JSON object when its "schema" member is `schema`. The
// text is parsed only when it holds the schema's name: an answers file is
// never parsed twice.
std::optional<nlohmann::json> schema_object(std::string_view text, std::string_view schema) {
    if (text.find(schema) == std::string_view::npos) return std::nullopt;
    auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("schema", nlohmann::json()) != nlohmann::json(std::string(schema)))
        return std::nullopt;
    return j;
}

}  // namespace

std::string document_name(std::string_view path) { return path == "-" ? std::string("<stdin>") : std::string(path); }

DocumentKind document_kind(std::string_view text) {
    text = strip_bom(text);
    // The same tests, in the same order, as read_answers_document().
    if (schema_object(text, session_schema)) return DocumentKind::session;
    if (schema_object(text, report_schema)) return DocumentKind::report;
    return looks_like_fhir_resource(text) ? DocumentKind::fhir_response : DocumentKind::answers;
}

AnswersDocument read_answers_document(const Definitions& defs, std::string_view text, std::string_view name) {
    AnswersDocument doc;
    doc.name = std::string(name);
    text = strip_bom(text);
    // A saved session is recognised by its schema alone, whatever definitions
    // it was saved with (resuming it says if they differ).
    if (schema_object(text, session_schema)) {
        doc.kind = DocumentKind::session;
        return doc;
    }
    // A report's "answers" (written by --include-answers), re-written
    // compactly: where its members were in the file is not known then.
    std::string report_answers;
    if (auto report = schema_object(text, report_schema)) {
        doc.kind = DocumentKind::report;
        const auto it = report->find("answers");
        if (it == report->end()) {
            doc.has_answers = false;
            return doc;
        }
        report_answers = it->dump();
        text = report_answers;
    }
    // A FHIR resource (a QuestionnaireResponse) says so in resourceType; an
    // answers object is keyed by question ids.
    if (looks_like_fhir_resource(text)) {
        doc.kind = DocumentKind::fhir_response;
        std::string padded;
        padded.reserve(text.size() + FhirResponseReader::padding);
        padded.append(text).append(FhirResponseReader::padding, ' ');
        FhirResponseReader reader(defs);
        std::string id;
        bool has_id = false;
        doc.errors = reader.read(std::string_view(padded).substr(0, text.size()), doc.answers, id, has_id);
        return doc;
    }
    doc.errors = parse_json_answers(defs, text, doc.answers);
    // Where each bad member is, as LINE:COL (not for answers taken out of a report).
    if (doc.kind == DocumentKind::answers) locate_answer_errors(defs, text, doc.errors);
    return doc;
}

AnswersDocument read_session_document(const Definitions& defs, std::string_view text, std::string_view name) {
    AnswersDocument doc;
    doc.name = std::string(name);
    doc.answers = Answers(defs.questions.size());
    text = strip_bom(text);
    doc.session = read_session(text, defs, doc.answers, doc.asked);
    doc.kind = doc.session.kind == SessionRead::Kind::not_a_session ? document_kind(text) : DocumentKind::session;
    return doc;
}

std::string document_error_message(const AnswersDocument& doc, const AnswerError& e) {
    const std::string where = e.line > 0 ? fmt::format("{}:{}:{}", doc.name, e.line, e.col) : doc.name;
    const bool fhir = doc.kind == DocumentKind::fhir_response;
    // A response's item whose linkId is no question is named by its place
    // (item[0].item[3]); its field is only a suggestion.
    if (e.field.empty() || (fhir && e.reason.starts_with("item["))) return fmt::format("{}: {}", where, e.reason);
    return fmt::format("{}: {} '{}': {}", where, fhir ? "linkId" : "question", e.field, e.reason);
}

}  // namespace myoscreen
