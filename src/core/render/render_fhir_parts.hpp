// What the FHIR report's resources share: the record's ids, the project's
// code systems, codings, the subject; and the score Observation.
#pragma once

#include <string>
#include <string_view>

#include "render/fhir_ids.hpp"
#include "json/json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen::detail::fhir {

inline constexpr std::string_view risk_probability = "http://terminology.hl7.org/CodeSystem/risk-probability";
inline constexpr std::string_view observation_category = "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr std::string_view data_absent_reason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
inline constexpr std::string_view flag_category = "http://terminology.hl7.org/CodeSystem/flag-category";

// One record being written: the definitions' code systems, and the ids of
// its resources, each a UUID v5 in the definitions' namespace (itself the
// UUID v5 of their url) of "VERSION\nRECORD\nRESOURCE", where RECORD is
// "id:" and the record id, or "answers:" and the answers as JSON.
class Record {
public:
    Record(const Report& r, const Answers& answers, const FhirOptions& opt);
    const Definitions& defs;
    const Report& report;
    const FhirOptions& opt;
    std::string base;  // defs.canonical_url()

    // "urn:uuid:..." of a resource: "Bundle", "Patient", "RiskAssessment",
    // "Flag", "Observation/INSTRUMENT".
    std::string full_url(std::string_view resource) const;
    static std::string_view id_of(std::string_view full_url) { return full_url.substr(9); }
    std::string system(std::string_view name) const { return base + "/CodeSystem/" + std::string(name); }

private:
    Uuid ns_{};
    std::string key_;
};

// {"system": ..., "code": ..., "display": ...} (display left out when empty).
void coding(JsonWriter& w, std::string_view system, std::string_view code, std::string_view display = {});
// "subject": a reference to the placeholder Patient (and the record id as
// its identifier, when there is one).
void subject(JsonWriter& w, const Record& rec, const std::string& patient_url);
// The resource of an Observation of instrument `i`'s score.
void observation(JsonWriter& w, const Record& rec, std::size_t i, std::string_view id, const std::string& patient_url);

}  // namespace myoscreen::detail::fhir
