// One reader of any answers document: given a document's bytes and a name
// for messages, it says what the document is (a JSON answers object, a saved
// session, a JSON report with its answers, a FHIR QuestionnaireResponse) and
// reads it into `Answers`, with errors located as FILE:LINE:COL where the
// text allows and naming the question id or linkId, never a value.
// `screen --answers`, `next` and batch's choice of input kind all decide by
// these rules, so a document is the same thing whichever command is given it;
// the byte order mark and the name of stdin are handled here, once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/session.hpp"

namespace myoscreen {

// The name an input goes by in messages: "<stdin>" for "-", else the path.
std::string document_name(std::string_view path);

enum class DocumentKind {
    answers,        // a JSON answers object, {question_id: value} (also what is not JSON at all)
    session,        // a saved session (myoscreen.session/1, written by --save)
    report,         // a JSON report (myoscreen.report/1); its "answers" are the answers
    fhir_response,  // a FHIR resource, read as a QuestionnaireResponse
};

// What a document is, from its text: the schema member of a JSON object
// ("myoscreen.session/1", "myoscreen.report/1"), else "resourceType" at the
// top level of an object (FHIR), else an answers object. Cheap for answers
// objects: the text is parsed only when it names one of the schemas. A text
// cut short (the start of a batch's first record) is told by its first keys.
DocumentKind document_kind(std::string_view text);

struct AnswersDocument {
    // What the document is; how its answers were read (a report whose
    // "answers" are a FHIR resource is read as a QuestionnaireResponse).
    DocumentKind kind = DocumentKind::answers;
    std::string name;  // as given, for messages
    Answers answers;   // the valid answers read
    // Every problem found, in the document's order: `line` and `col` set
    // where the text allows (an answers object's member), `field` the
    // question id (answers) or linkId (FHIR) when there is one.
    std::vector<AnswerError> errors;
    // A report made without --include-answers holds no answers: false then,
    // and nothing was read.
    bool has_answers = true;
    // A saved session read by read_session_document(): the questions asked,
    // in order, and how the reading went (session.kind is not_a_session
    // when the text is no saved session; kind is then whatever it is).
    std::vector<int> asked;
    SessionRead session;
};

// Reads an answers document of `defs`: an answers object, a report's
// answers or a QuestionnaireResponse. A saved session is only recognised
// (kind session, nothing read): the answers of a session are resumed, not
// given (read_session_document reads one).
AnswersDocument read_answers_document(const Definitions& defs, std::string_view text, std::string_view name);

// Reads a saved session of `defs` (--session, --resume): `answers`, `asked`
// and `session` (ok, not a session, saved with other definitions, invalid).
AnswersDocument read_session_document(const Definitions& defs, std::string_view text, std::string_view name);

// One error as a message line: "NAME:LINE:COL: question 'ID': REASON"
// ("linkId 'ID'" for FHIR; "NAME: REASON" when unlocated or of the whole
// document). Never holds an answer value.
std::string document_error_message(const AnswersDocument& doc, const AnswerError& e);

}  // namespace myoscreen
