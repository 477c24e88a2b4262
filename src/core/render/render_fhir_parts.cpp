// The FHIR report's shared parts and the Observation of an instrument score.
#include "render/render_fhir_parts.hpp"

#include "myoscreen/answers.hpp"

namespace myoscreen {

namespace detail::fhir {

Record::Record(const Report& r, const Answers& answers, const FhirOptions& o)
    : defs(*r.defs), report(r), opt(o), base(r.defs->canonical_url()) {
    ns_ = uuid_v5(uuid_namespace_url, base);
    key_ = defs.version + "\n";
    // Without an id the answers are the record: two people with the same
    // answers get the same ids, as they get the same report.
    if (opt.id) key_ += "id:" + std::string(*opt.id);
    else key_ += "answers:" + answers_to_json(defs, answers);
    key_ += '\n';
}

std::string Record::full_url(std::string_view resource) const {
    return "urn:uuid:" + to_string(uuid_v5(ns_, key_ + std::string(resource)));
}

void coding(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.begin_object().key("system").string(system).key("code").string(code);
    if (!display.empty()) w.key("display").string(display);
    w.end_object();
}

void subject(JsonWriter& w, const Record& rec, const std::string& patient_url) {
    w.key("subject").begin_object().key("reference").string(patient_url);
    if (rec.opt.id) {
        w.key("identifier").begin_object().key("system").string(rec.base + "/record-id").key("value").string(*rec.opt.id).end_object();
    }
    w.end_object();
}

namespace {

void codeable(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display) {
    w.begin_object().key("coding").begin_array();
    coding(w, system, code, display);
    w.end_array().key("text").string(display.empty() ? code : display).end_object();
}

void part(JsonWriter& w, const Record& rec, std::string_view code, std::string_view display, int value) {
    w.begin_object().key("code");
    codeable(w, rec.system("report-score-part"), code, display);
    w.key("valueInteger").integer(value).end_object();
}

}  // namespace

// The score as valueInteger when every item is known; otherwise no value but
// a dataAbsentReason, and the points so far and the highest score still
// reachable as components. The band, when decided, is the interpretation.
void observation(JsonWriter& w, const Record& rec, std::size_t i, std::string_view id, const std::string& patient_url) {
    const Instrument& ins = rec.defs.instruments[i];
    const InstrumentResult& ir = rec.report.instruments[i];
    w.begin_object().key("resourceType").string("Observation").key("id").string(id).key("status").string("final");
    w.key("category").begin_array().begin_object().key("coding").begin_array();
    coding(w, observation_category, "survey", "Survey");
    w.end_array().end_object().end_array();
    w.key("code").begin_object().key("coding").begin_array();
    if (!ins.code.code.empty()) coding(w, ins.code.system, ins.code.code, ins.code.display);
    coding(w, rec.system("report-instrument"), ins.id, ins.name);
    w.end_array().key("text").string(ins.name).end_object();
    subject(w, rec, patient_url);
    if (!rec.opt.response.empty())
        w.key("derivedFrom").begin_array().begin_object().key("reference").string(rec.opt.response).end_object().end_array();
    if (!ir.applies) {
        w.key("dataAbsentReason").begin_object().key("coding").begin_array();
        coding(w, data_absent_reason, "not-applicable", "Not Applicable");
        w.end_array().key("text").string("The instrument does not apply to this person.").end_object();
    } else if (ir.complete) {
        w.key("valueInteger").integer(ir.score);
    } else {
        w.key("dataAbsentReason").begin_object().key("coding").begin_array();
        coding(w, data_absent_reason, "unknown", "Unknown");
        w.end_array().key("text").string("Incomplete: some items are unanswered; the components give the points so far and the highest score still reachable.").end_object();
    }
    if (ir.applies && ir.band >= 0) {
        const std::string& band = ins.bands[static_cast<std::size_t>(ir.band)].name;
        w.key("interpretation").begin_array();
        codeable(w, rec.system("report-band"), ins.id + "-" + band, band);
        w.end_array();
    }
    if (ir.applies && !ir.complete) {
        w.key("component").begin_array();
        part(w, rec, "points-so-far", "Points from the items answered", ir.score);
        part(w, rec, "highest-reachable", "Highest score still reachable", ir.high);
        w.end_array();
    }
    w.end_object();
}

}  // namespace detail::fhir
}  // namespace myoscreen
