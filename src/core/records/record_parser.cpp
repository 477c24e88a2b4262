// Reads one batch record into Answers, whatever its format (records.hpp):
// the per-record step of the batch, moved from the CLI's pipeline so that the
// error records' reasons are the core's and every format is fuzzed and unit
// tested through one entry point.
#include <algorithm>

#include <fmt/format.h>

#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/records.hpp"

namespace myoscreen {

namespace {
bool blank(std::string_view field) { return field.find_first_not_of(" \t") == std::string_view::npos; }
}  // namespace

RecordParser::RecordParser(const Definitions& defs, Options opt) : defs_(defs), opt_(std::move(opt)) {
    if (opt_.format == RecordFormat::jsonl) jsonl_ = std::make_unique<JsonAnswersReader>(defs);
}

RecordParser::~RecordParser() = default;

RecordParser::Result RecordParser::fail(std::string reason) {
    whole_ = AnswerError{"", std::move(reason)};
    errors_ = {&whole_, 1};
    has_id_ = false;
    return Result::error;
}

RecordParser::Result RecordParser::fail(const std::vector<AnswerError>& errors) {
    errors_ = errors;
    return Result::error;
}

RecordParser::Result RecordParser::read(std::string_view text, bool too_long, Answers& out) {
    id_.clear();
    has_id_ = false;
    if (too_long) return fail(opt_.too_long_reason);
    switch (opt_.format) {
    case RecordFormat::csv: {
        if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
            return fail(fmt::format("invalid UTF-8 at byte {} of the record", bad + 1));
        if (!split_csv_record(text, fields_, &why_)) return fail(why_);
        if (std::all_of(fields_.views.begin(), fields_.views.end(), blank)) return Result::blank;
        has_id_ = opt_.layout->has_id;
        if (!parse_csv_row(defs_, *opt_.layout, fields_.views, out, id_, row_errors_)) return fail(row_errors_);
        return Result::answers;
    }
    case RecordFormat::fhir: {
        if (!fhir_) fhir_ = std::make_unique<FhirResponseReader>(defs_);
        const auto& errors = fhir_->read(text, out, id_, has_id_);
        return errors.empty() ? Result::answers : fail(errors);
    }
    case RecordFormat::jsonl: break;
    }
    const auto& errors = jsonl_->read(text, out, opt_.id_key, id_, has_id_);
    return errors.empty() ? Result::answers : fail(errors);
}

}  // namespace myoscreen
