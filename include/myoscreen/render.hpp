// Renderers: a Report to text, JSON, CSV, HTML or FHIR, appended to a string;
// the questionnaire as JSON or a REDCap data dictionary; the rules as Markdown.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/report.hpp"
#include "myoscreen/report_view.hpp"

namespace myoscreen {

// How the text report marks what should stand out: the bytes written
// before and after each kind of marked text. Empty marks (the default) give
// plain text. The CLI's terminal module fills them with escape codes for a
// colour terminal, so the core decides nothing about terminals and writes no
// escape code of its own.
struct TextMark {
    std::string_view on, off;
};
struct TextStyle {
    TextMark strong;                   // headings, factor titles
    TextMark all_clear;                // "no warning signs"
    TextMark emergency, urgent, soon;  // the flag's headline, by urgency
};

struct RenderOptions {
    bool pretty = true;                 // JSON: indented (false: one line)
    bool explain = false;               // include per-rule outcomes
    // Batch: the record's id. Report lines carry no running number, so any
    // split of the input gives the same bytes once joined in order.
    std::optional<std::string_view> id;
    const Answers* answers = nullptr;   // JSON: add "answers" (--include-answers)
    // Text report only:
    TextStyle style;  // plain unless the caller fills it
    int width = 80;
    // The screen's rows: a report longer than this repeats its headline (the
    // flag and what to do) at the end. 0: never (a file, a pipe).
    int height = 0;
};

void render_json(const Report& r, std::string& out, const RenderOptions& opt = {});

// A string with spare bytes past `len`. Rendering record after record into
// one never zero-fills memory, as growing a std::string does: the batch
// workers render each report into one and copy view() out.
struct RenderBuffer {
    std::string bytes;
    std::size_t len = 0;
    std::string_view view() const { return {bytes.data(), len}; }
    void clear() { len = 0; }
    void append(std::string_view s) {
        if (bytes.size() - len < s.size()) bytes.resize(len + s.size() + 4096);
        std::memcpy(bytes.data() + len, s.data(), s.size());
        len += s.size();
    }
};
void render_json(const Report& r, RenderBuffer& out, const RenderOptions& opt = {});

// The compact report (render_json with pretty = false, no explain), byte for
// byte, for the batch hot path: the definitions' part of a report is cut once
// into the fixed pieces between its values, each escaped once, so rendering
// a record is copying pieces and writing the few values between them.
// Reports of other definitions are handed to render_json.
class CompactJsonRenderer {
public:
    explicit CompactJsonRenderer(const Definitions& defs);
    ~CompactJsonRenderer();
    CompactJsonRenderer(const CompactJsonRenderer&) = delete;
    CompactJsonRenderer& operator=(const CompactJsonRenderer&) = delete;
    // `opt.id` is used; `pretty` and `explain` must be false.
    void render(const Report& r, RenderBuffer& out, const RenderOptions& opt) const;

private:
    struct Pieces;
    std::unique_ptr<const Pieces> p_;
};
// The text report for a person, laid out from report_view() (the words the
// HTML and PDF use); `opt.explain` adds each rule's and red flag's outcome,
// from a report screened with explain.
void render_text(const Report& r, std::string& out, const RenderOptions& opt = {});
void render_text(const ReportView& v, std::string& out, const RenderOptions& opt = {});

// CSV: a header line, then one line per report (both end with "\n").
void render_csv_header(const Definitions& defs, std::string& out);
void render_csv_row(const Report& r, std::string& out, const RenderOptions& opt = {});

// A record that could not be screened, with every problem found in it:
// {"record": N, "id": ..., "errors": [{"field": ..., "reason": ...}, ...]}
// on one line, or its CSV row (the problems in its last column, joined by
// "; "). A field is a question id, or null for a problem of the whole record.
void render_error_json(std::uint64_t record, std::optional<std::string_view> id, std::span<const AnswerError> errors,
                       std::string& out);
void render_error_csv(const Definitions& defs, std::uint64_t record, std::optional<std::string_view> id,
                      std::span<const AnswerError> errors, std::string& out);

// A person's report as one self-contained HTML page (inline CSS and SVG, no
// script, nothing fetched), print-ready on `paper`. The core has no clock:
// the caller passes the date and time to show.
struct HtmlOptions {
    std::string generated;  // e.g. "2026-11-01 14:05 CET"; empty: not shown
    Paper paper = Paper::a4;
};
void render_html(const Report& r, const Answers& answers, std::string& out, const HtmlOptions& opt = {});
void render_html(const ReportView& v, std::string& out, Paper paper);

// A cohort's results as counts (what `batch` tallies), for the cohort report.
struct CohortGroup {
    std::string label;  // "everyone", "65–79", "Female", ...
    std::uint64_t records = 0;
    std::array<std::uint64_t, 4> urgency{};               // by Urgency
    std::vector<std::array<std::uint64_t, 4>> levels;     // per factor, by Level
    std::vector<std::vector<std::uint64_t>> bands;        // per instrument: each band, undecided, does not apply
};
// One breakdown of the cohort (a grouping of Definitions::cohort): its
// section's anchor (by-ID), heading and word for a group, and its groups.
struct CohortBreakdown {
    std::string id, title, group_word;
    std::vector<CohortGroup> groups;
};
struct CohortCounts {
    std::uint64_t records = 0, errors = 0;  // screened; could not be read
    CohortGroup everyone;
    std::vector<CohortBreakdown> breakdowns;  // in the definitions' order
};
struct CohortHtmlOptions {
    std::string generated;  // date and time, from the caller
    std::string inputs;     // what was screened, e.g. the file names
    Paper paper = Paper::a4;
};
// The cohort report: one self-contained HTML page of counts and charts.
void render_cohort_html(const Definitions& defs, const CohortCounts& c, std::string& out, const CohortHtmlOptions& opt = {});

// A report in FHIR R4 (docs/interop.md, "FHIR out"): a Bundle of type
// collection holding a placeholder Patient (the subject of the rest; its
// identifier is the record id when there is one), a RiskAssessment with a
// prediction per factor, an Observation per instrument score and a Flag for
// the medical-attention flag. Ids are name-based UUIDs (version 5) of the
// definitions' url and version, the record (its id, else its answers) and
// the resource, so the same input gives the same bytes; the core has no
// clock, so no time is written unless the caller gives one.
struct FhirOptions {
    bool pretty = true;                  // indented (false: one line, for NDJSON)
    std::optional<std::string_view> id;  // the record id
    // A reference to the QuestionnaireResponse the answers came from
    // ("QuestionnaireResponse/123", "urn:uuid:..."): RiskAssessment.basis and
    // each Observation's derivedFrom. Empty: none.
    std::string_view response;
    // RiskAssessment.occurrenceDateTime (a FHIR dateTime). Empty: left out.
    std::string_view occurrence;
};
void render_fhir(const Report& r, const Answers& answers, std::string& out, const FhirOptions& opt = {});

// The questionnaire as a REDCap data dictionary (CSV, the 18 columns REDCap
// reads, docs/interop.md "REDCap"). `notes` gets one line for each ask_if
// or derived value that REDCap's logic cannot express (the field is then
// always shown, or has no calc field).
void render_redcap_dictionary(const Definitions& defs, std::string& out, std::vector<std::string>* notes = nullptr);

// The questionnaire as a JSON array of question objects (`questions
// --format json`), and one question object as that array holds it.
void render_questions_json(const Definitions& defs, std::string& out);
void render_question_json(const Definitions& defs, int question, std::string& out, bool pretty);
// `next`'s answer on one line: {"next": the first needed question's object
// or null, "needed": their ids in ask order, "asked": how many were asked}.
void render_next_json(const Definitions& defs, const std::vector<int>& needed, int asked, std::string& out);

// The clinical rules as Markdown for people (`rules show --format markdown`,
// docs/rules.md): every question, derived value, instrument, factor rule, red
// flag and plausibility check with its condition and source. `text` is the
// JSON `defs` were loaded from: the model keeps most conditions only
// compiled, and they are printed as written there. Throws
// std::invalid_argument when `text` is not the JSON of `defs`.
void render_rules_markdown(const Definitions& defs, std::string_view text, std::string& out);

}  // namespace myoscreen
