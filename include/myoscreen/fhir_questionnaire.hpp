// The questionnaire in FHIR R4: written as a Questionnaire (skip logic as
// enableWhen where that is exact, else an SDC enableWhenExpression in
// FHIRPath), and QuestionnaireResponses read back as Answers through the
// answers stage's value rules. docs/interop.md says how each part maps.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"

namespace myoscreen {

// The CodeSystem of a choice question's codes: URL/CodeSystem/QUESTION_ID.
std::string choice_system(const Definitions& d, const Question& q);

// The questionnaire as a FHIR R4 Questionnaire (indented JSON, "\n" at the
// end). The same definitions give the same bytes.
void render_questionnaire_fhir(const Definitions& d, std::string& out);

// How a question's ask_if is written in FHIR.
struct FhirEnable {
    enum class Kind { always, enable_when, expression };
    Kind kind = Kind::always;
    struct When {
        std::string question;  // a linkId
        std::string op;        // exists = != > < >= <=
        enum class Answer { boolean, integer, decimal, coding } answer = Answer::boolean;
        bool boolean = false;
        double number = 0;
        std::string code;      // coding: code (system: choice_system)
    };
    std::vector<When> when;      // enable_when
    bool any = false;            // enableBehavior: any (else all)
    std::string expression;      // expression: FHIRPath, true exactly when the ask_if is true
};
// Translates question `q`'s ask_if from its syntax tree (every expression
// form): enableWhen when that is exact, else FHIRPath.
FhirEnable fhir_enable(const Definitions& d, int q);
// The FHIRPath for question `q`'s ask_if, whatever enableWhen could do:
// true when the ask_if is true, false when false, empty when unknown.
std::string ask_if_fhirpath(const Definitions& d, int q);

// Reads FHIR R4 QuestionnaireResponses (JSON) into Answers. One reader per
// thread: it keeps simdjson's parser.
class FhirResponseReader {
public:
    static constexpr std::size_t padding = JsonAnswersReader::padding;  // readable bytes needed after the text

    explicit FhirResponseReader(const Definitions& defs);
    ~FhirResponseReader();
    FhirResponseReader(const FhirResponseReader&) = delete;
    FhirResponseReader& operator=(const FhirResponseReader&) = delete;

    // `text` must be followed in memory by `padding` readable bytes. Returns
    // every problem (empty: `out` holds the answers), each naming the linkId
    // (as `field`, when it is a question id) and never holding a value. `id`
    // and `has_id` get the resource's id, else subject.reference. A response
    // to another Questionnaire sets `wrong_questionnaire` (one error, no
    // answers read).
    const std::vector<AnswerError>& read(std::string_view text, Answers& out, std::string& id, bool& has_id);
    bool wrong_questionnaire() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whether a JSON text looks like a FHIR resource: an object whose first key
// is, or that holds at its top level, "resourceType" (a cheap scan, for
// telling a QuestionnaireResponse from a JSON answers object).
bool looks_like_fhir_resource(std::string_view json);

}  // namespace myoscreen
