// A report as a FHIR R4 Bundle: Patient placeholder, RiskAssessment,
// an Observation per instrument and a Flag (docs/interop.md, "FHIR out").
#include <string>
#include <vector>

#include "render/render_fhir_parts.hpp"

namespace myoscreen {

using detail::JsonWriter;
namespace fhir = detail::fhir;

namespace {

// interop.md's mapping: unknown has no qualitative risk (the rationale says why).
std::string_view risk_code(Level l) {
    switch (l) {
    case Level::likely: return "high";
    case Level::possible: return "moderate";
    case Level::unlikely: return "low";
    case Level::unknown: return "";
    }
    return "";
}

std::string question_names(const Definitions& d, const std::vector<int>& qs) {
    std::string out;
    for (std::size_t k = 0; k < qs.size(); ++k)
        out += (k ? ", " : "") + d.questions[static_cast<std::size_t>(qs[k])].name();
    return out;
}

// The level in words, then the evidence texts, then what would decide it.
std::string rationale(const Definitions& d, const Factor& f, const FactorResult& fr) {
    std::string out;
    switch (fr.level) {
    case Level::likely: out = "Likely."; break;
    case Level::possible: out = "Possible."; break;
    case Level::unlikely: out = "Unlikely."; break;
    case Level::unknown: out = "Not decided: too few answers to rate it, so no qualitative risk is given."; break;
    }
    for (int e : fr.evidence) out += " " + f.rules[static_cast<std::size_t>(e)].text;
    if (fr.evidence.empty() && fr.level != Level::unknown) out += " No evidence for it in the answers.";
    if (!fr.would_decide.empty()) out += " Unanswered questions that would decide it: " + question_names(d, fr.would_decide) + ".";
    return out;
}

void prediction(JsonWriter& w, const fhir::Record& rec, std::size_t k) {
    const Factor& f = rec.defs.factors[k];
    const FactorResult& fr = rec.report.factors[k];
    w.begin_object().key("outcome").begin_object().key("coding").begin_array();
    fhir::coding(w, rec.system("report-factor"), f.id, f.title);
    w.end_array().key("text").string(f.title).end_object();
    if (const std::string_view risk = risk_code(fr.level); !risk.empty()) {
        // The HL7 code, and our own level beside it so nothing is lost.
        w.key("qualitativeRisk").begin_object().key("coding").begin_array();
        fhir::coding(w, fhir::risk_probability, risk);
        fhir::coding(w, rec.system("report-level"), to_string(fr.level));
        w.end_array().key("text").string(to_string(fr.level)).end_object();
    }
    w.key("rationale").string(rationale(rec.defs, f, fr)).end_object();
}

void risk_assessment(JsonWriter& w, const fhir::Record& rec, std::string_view id, const std::string& patient,
                     const std::vector<std::string>& observations) {
    const Definitions& d = rec.defs;
    w.begin_object().key("resourceType").string("RiskAssessment").key("id").string(id).key("status").string("final");
    w.key("method").begin_object().key("coding").begin_array();
    w.begin_object().key("system").string(rec.system("report-method")).key("version").string(d.version);
    w.key("code").string("definitions").key("display").string(d.name).end_object();
    w.end_array().key("text").string(d.name + " " + d.version).end_object();
    w.key("code").begin_object().key("coding").begin_array();
    fhir::coding(w, rec.system("report-assessment"), "screening", "Screening for contributing factors");
    w.end_array().key("text").string(d.name).end_object();
    fhir::subject(w, rec, patient);
    if (!rec.opt.occurrence.empty()) w.key("occurrenceDateTime").string(rec.opt.occurrence);
    // What it rests on: the response the answers came from and the scores.
    if (!rec.opt.response.empty() || !observations.empty()) {
        w.key("basis").begin_array();
        if (!rec.opt.response.empty()) w.begin_object().key("reference").string(rec.opt.response).end_object();
        for (const std::string& o : observations) w.begin_object().key("reference").string(o).end_object();
        w.end_array();
    }
    w.key("prediction").begin_array();
    for (std::size_t k = 0; k < d.factors.size(); ++k) prediction(w, rec, k);
    w.end_array();
    w.key("note").begin_array().begin_object().key("text").string(d.disclaimer).end_object().end_array();
    w.end_object();
}

// Active when the flag is raised; its urgency is the code, the reasons its text.
void flag(JsonWriter& w, const fhir::Record& rec, std::string_view id, const std::string& patient) {
    const Definitions& d = rec.defs;
    const FlagResult& fl = rec.report.attention;
    w.begin_object().key("resourceType").string("Flag").key("id").string(id).key("status").string(fl.flag ? "active" : "inactive");
    w.key("category").begin_array().begin_object().key("coding").begin_array();
    fhir::coding(w, fhir::flag_category, "clinical", "Clinical");
    w.end_array().end_object().end_array();
    std::string text;
    if (fl.flag) {
        text = "Seek medical attention (" + std::string(to_string(fl.urgency)) + "):";
        for (int k : fl.reasons) text += " " + d.red_flags[static_cast<std::size_t>(k)].text;
    } else {
        text = "No reason to seek medical attention was found in the answers.";
    }
    if (!fl.would_decide.empty()) text += " Unanswered questions that could change this: " + question_names(d, fl.would_decide) + ".";
    w.key("code").begin_object().key("coding").begin_array();
    fhir::coding(w, rec.system("report-urgency"), to_string(fl.urgency));
    w.end_array().key("text").string(text).end_object();
    fhir::subject(w, rec, patient);
    w.end_object();
}

void entry_open(JsonWriter& w, const std::string& full_url) {
    w.begin_object().key("fullUrl").string(full_url).key("resource");
}

}  // namespace

void render_fhir(const Report& r, const Answers& answers, std::string& out, const FhirOptions& opt) {
    const fhir::Record rec(r, answers, opt);
    const Definitions& d = rec.defs;
    const std::string bundle = rec.full_url("Bundle"), patient = rec.full_url("Patient"), assessment = rec.full_url("RiskAssessment"),
                      flag_url = rec.full_url("Flag");
    std::vector<std::string> observations;
    observations.reserve(d.instruments.size());
    for (const Instrument& ins : d.instruments) observations.push_back(rec.full_url("Observation/" + ins.id));

    JsonWriter w(out, opt.pretty);
    w.begin_object().key("resourceType").string("Bundle").key("id").string(fhir::Record::id_of(bundle));
    w.key("type").string("collection").key("entry").begin_array();

    entry_open(w, patient);
    w.begin_object().key("resourceType").string("Patient").key("id").string(fhir::Record::id_of(patient));
    if (opt.id) {
        w.key("identifier").begin_array().begin_object().key("system").string(rec.base + "/record-id");
        w.key("value").string(*opt.id).end_object().end_array();
    }
    w.end_object().end_object();

    entry_open(w, assessment);
    risk_assessment(w, rec, fhir::Record::id_of(assessment), patient, observations);
    w.end_object();

    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        entry_open(w, observations[i]);
        fhir::observation(w, rec, i, fhir::Record::id_of(observations[i]), patient);
        w.end_object();
    }

    entry_open(w, flag_url);
    flag(w, rec, fhir::Record::id_of(flag_url), patient);
    w.end_object();

    w.end_array().end_object().put("\n");
}

}  // namespace myoscreen
