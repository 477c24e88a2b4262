// A batch input through the core's record source: the first byte picks the
// format (CSV, REDCap, JSON Lines, FHIR NDJSON) and the block size, the rest
// is the stream. RecordSplitter cuts it twice, a byte at a time and in one
// block, and the records must agree (abort otherwise); each record is then
// read by RecordParser (CSV: after mapping the header), and screened when valid.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "myoscreen/records.hpp"
#include "myoscreen/screen.hpp"

namespace {

using namespace myoscreen;

std::vector<std::string> cut(std::string_view text, RecordFormat f, std::size_t block, std::size_t max) {
    StringSource in(text, block);
    RecordSplitter s(in, f, max);
    std::vector<std::string> out;
    RecordSplitter::Record r;
    while (s.next(r)) out.push_back(r.too_long ? std::string("\x01too long") : std::string(r.text));
    if (s.bytes_read() != text.size()) std::abort();
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Definitions defs = load_embedded_definitions();
    if (size == 0) return 0;
    const unsigned mode = data[0] % 4;  // csv, redcap, jsonl, fhir
    const std::size_t block = 1 + (data[0] >> 2) % 16;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const RecordFormat format = mode < 2 ? RecordFormat::csv : mode == 2 ? RecordFormat::jsonl : RecordFormat::fhir;
    const std::size_t max = 4096;
    const auto records = cut(text, format, block, max);
    if (cut(text, format, std::size_t(-1), max) != records) {
        std::fprintf(stderr, "records differ with the block size (%zu)\n", block);
        std::abort();
    }
    CsvLayout layout;
    std::size_t first = 0;
    if (format == RecordFormat::csv) {
        if (records.empty() || records[0][0] == '\x01') return 0;
        std::vector<std::string> names;
        if (!split_csv_record(records[0], names)) return 0;
        std::vector<AnswerError> errors;
        layout = mode == 1 ? map_redcap_header(defs, names, errors) : map_csv_header(defs, names, "id", errors);
        if (!errors.empty()) return 0;
        first = 1;
    }
    RecordParser::Options opt;
    opt.format = format;
    opt.layout = &layout;
    RecordParser parser(defs, opt);
    Answers answers(defs.questions.size());
    Report report;
    ScreenScratch scratch;
    std::string buf;
    for (std::size_t i = first; i < records.size(); ++i) {
        const bool too_long = records[i] == "\x01too long";
        buf = records[i];
        buf.append(JsonAnswersReader::padding, ' ');
        const auto result = parser.read(std::string_view(buf.data(), records[i].size()), too_long, answers);
        if (result == RecordParser::Result::error && parser.errors().empty()) std::abort();  // an error record says why
        if (result == RecordParser::Result::answers) screen_into(defs, answers, {}, report, scratch);
    }
    return 0;
}
