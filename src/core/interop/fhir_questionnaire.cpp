// The questionnaire as a FHIR R4 Questionnaire (`questions --format fhir`):
// a group per section, an item per question, skip logic from
// fhir_enable(). docs/interop.md lists every element written and why.
#include <algorithm>

#include <fmt/format.h>

#include "interop/fhir_common.hpp"
#include "json/json_writer.hpp"
#include "myoscreen/fhir_questionnaire.hpp"

namespace myoscreen {

namespace {

constexpr std::string_view ext_min = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view ext_max = "http://hl7.org/fhir/StructureDefinition/maxValue";
constexpr std::string_view ext_unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
constexpr std::string_view ext_control = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr std::string_view ext_exclusive = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
constexpr std::string_view ext_enable_expr = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
constexpr std::string_view ucum = "http://unitsofmeasure.org";
constexpr std::string_view item_control = "http://hl7.org/fhir/questionnaire-item-control";

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Questionnaire.name is for machines (invariant que-0: [A-Z][A-Za-z0-9_]*):
// the words of the title, each capitalised, run together.
std::string machine_name(std::string_view title) {
    std::string out;
    // A name starts with a capital letter; the 'Q' goes first rather than
    // being inserted after (g++ 12 warns, wrongly, of an overlap in insert).
    const auto first = std::find_if(title.begin(), title.end(), is_alnum);
    if (first == title.end() || !(upper(*first) >= 'A' && upper(*first) <= 'Z')) out += 'Q';
    bool start = true;
    for (const char c : title) {
        if (!is_alnum(c)) {
            start = true;
            continue;
        }
        out += start ? upper(c) : c;
        start = false;
    }
    if (out.size() > 255) out.resize(255);
    return out;
}

void coding(detail::JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.begin_object().key("system").string(system).key("code").string(code);
    if (!display.empty()) w.key("display").string(display);
    w.end_object();
}

void item_control_ext(detail::JsonWriter& w, std::string_view code, std::string_view display) {
    w.begin_object().key("url").string(ext_control).key("valueCodeableConcept").begin_object().key("coding").begin_array();
    coding(w, item_control, code, display);
    w.end_array().end_object().end_object();
}

void number_value(detail::JsonWriter& w, const Question& q, double v) {
    if (q.type == QuestionType::integer) w.key("valueInteger").raw(interop::plain_number(v));
    else w.key("valueDecimal").raw(interop::plain_number(v));
}

void enable_when(detail::JsonWriter& w, const Definitions& d, const FhirEnable& e) {
    w.key("enableWhen").begin_array();
    for (const auto& c : e.when) {
        w.begin_object().key("question").string(c.question).key("operator").string(c.op);
        using A = FhirEnable::When::Answer;
        switch (c.answer) {
        case A::boolean: w.key("answerBoolean").boolean(c.boolean); break;
        case A::integer: w.key("answerInteger").raw(interop::plain_number(c.number)); break;
        case A::decimal: w.key("answerDecimal").raw(interop::plain_number(c.number)); break;
        case A::coding: {
            const Question& q = *interop::question_named(d, c.question);
            const int i = q.choice_index(c.code);
            w.key("answerCoding");
            coding(w, choice_system(d, q), c.code, i >= 0 ? std::string_view(q.choices[static_cast<std::size_t>(i)].label) : "");
            break;
        }
        }
        w.end_object();
    }
    w.end_array();
    if (e.when.size() > 1) w.key("enableBehavior").string(e.any ? "any" : "all");
}

void question(detail::JsonWriter& w, const Definitions& d, int qi) {
    const Question& q = d.questions[static_cast<std::size_t>(qi)];
    const FhirEnable e = fhir_enable(d, qi);
    const bool numeric = q.type == QuestionType::integer || q.type == QuestionType::number;
    w.begin_object();
    const bool any_ext = numeric || q.type == QuestionType::multi_choice || e.kind == FhirEnable::Kind::expression;
    if (any_ext) {
        w.key("extension").begin_array();
        if (numeric) {
            w.begin_object().key("url").string(ext_min);
            number_value(w, q, q.min);
            w.end_object().begin_object().key("url").string(ext_max);
            number_value(w, q, q.max);
            w.end_object();
            if (q.unit != Unit::none) {
                w.begin_object().key("url").string(ext_unit).key("valueCoding");
                coding(w, ucum, interop::ucum_code(q.unit), interop::unit_display(q.unit));
                w.end_object();
            }
        }
        if (q.type == QuestionType::multi_choice) item_control_ext(w, "check-box", "Check-box");
        if (e.kind == FhirEnable::Kind::expression) {
            w.begin_object().key("url").string(ext_enable_expr).key("valueExpression").begin_object();
            w.key("language").string("text/fhirpath").key("expression").string(e.expression).end_object().end_object();
        }
        w.end_array();
    }
    w.key("linkId").string(q.id).key("text").string(q.text);
    static constexpr std::string_view types[] = {"integer", "decimal", "boolean", "choice", "choice"};
    w.key("type").string(types[static_cast<int>(q.type)]);
    if (e.kind == FhirEnable::Kind::enable_when) enable_when(w, d, e);
    if (q.type == QuestionType::multi_choice) w.key("repeats").boolean(true);
    if (!q.choices.empty()) {
        const std::string system = choice_system(d, q);
        w.key("answerOption").begin_array();
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
            w.begin_object();
            if (static_cast<int>(c) == q.exclusive)
                w.key("extension").begin_array().begin_object().key("url").string(ext_exclusive).key("valueBoolean").boolean(true).end_object().end_array();
            w.key("valueCoding");
            coding(w, system, q.choices[c].code, q.choices[c].label);
            w.end_object();
        }
        w.end_array();
    }
    if (!q.help.empty()) {
        // Help as R4 shows it: a display item under the question, shown on demand.
        w.key("item").begin_array().begin_object().key("extension").begin_array();
        item_control_ext(w, "flyover", "Fly-over");
        w.end_array().key("linkId").string(q.id + "-help").key("text").string(q.help).key("type").string("display");
        w.end_object().end_array();
    }
    w.end_object();
}

}  // namespace

std::string choice_system(const Definitions& d, const Question& q) { return d.canonical_url() + "/CodeSystem/" + q.id; }

void render_questionnaire_fhir(const Definitions& d, std::string& out) {
    detail::JsonWriter w(out, true);
    w.begin_object().key("resourceType").string("Questionnaire");
    w.key("language").string(d.language);
    w.key("url").string(d.canonical_url()).key("version").string(d.version);
    w.key("name").string(machine_name(d.name)).key("title").string(d.name).key("status").string("active");
    w.key("subjectType").begin_array().string("Patient").end_array();
    w.key("description").string(d.disclaimer);
    w.key("item").begin_array();
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        bool open = false;
        for (std::size_t qi = 0; qi < d.questions.size(); ++qi) {
            if (d.questions[qi].section != static_cast<int>(s)) continue;
            if (!open) {
                w.begin_object().key("linkId").string(d.sections[s].id).key("text").string(d.sections[s].title);
                w.key("type").string("group").key("item").begin_array();
                open = true;
            }
            question(w, d, static_cast<int>(qi));
        }
        if (open) w.end_array().end_object();
    }
    w.end_array().end_object().put("\n");
}

}  // namespace myoscreen
