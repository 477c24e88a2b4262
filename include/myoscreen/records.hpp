// Batch records: one record source for CSV, REDCap exports, JSON Lines and
// FHIR NDJSON (the bytes cut into records, then each record read into
// Answers or its error reasons), and the CSV parts it is built of: where a
// record ends, its fields, the header mapped once and each row then read
// without name lookups. (JSON Lines records are answers objects:
// JsonAnswersReader in answers.hpp.)
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {

// Splits one complete CSV record (RFC 4180: quoted fields, "" escapes,
// embedded commas and line breaks; the record's own line break removed).
// Returns false, with the problem and the field number in `err`, when a
// quote is left open, text follows a closing quote, or a field that does not
// start with a quote holds one.
bool split_csv_record(std::string_view record, std::vector<std::string>& fields, std::string* err = nullptr);

// The same without copying: each field a view into the record, or, for a
// quoted field holding "", into `unescaped`. Valid while both live unchanged.
struct CsvFields {
    std::vector<std::string_view> views;
    std::string unescaped;
};
bool split_csv_record(std::string_view record, CsvFields& fields, std::string* err = nullptr);

// Where CSV records end in a stream: at a line break outside quotes. As in
// split_csv_record, a quote opens a quoted field only at the start of a
// field; anywhere else it is text (which the splitter then reports), so it
// cannot swallow the lines after it. Fed a buffer that grows a block at a
// time, it keeps its place inside quotes between calls.
class CsvRecordScanner {
public:
    // The offset of the line break that ends the current record, looking at
    // text[from, text.size()) only, or npos when it is not there yet.
    std::size_t find_end(std::string_view text, std::size_t from);
    // A new record starts (outside quotes, at the start of a field).
    void next_record() { state_ = State::field_start; }

private:
    enum class State : unsigned char { field_start, unquoted, quoted, quote_in_quoted };
    State state_ = State::field_start;
};

// 40 bytes, as before checkbox columns: a row's loop over the columns is
// on the batch hot path (a 48-byte stride costs an instruction a column).
struct CsvColumn {
    enum class Kind : std::uint8_t { question, id, ignored, checkbox };
    Kind kind = Kind::ignored;
    std::int16_t choice = -1;  // checkbox: the option this column ticks (REDCap's field___code)
    int question = -1;
    std::string unit;  // from the column name: weight_lb → lb
};

struct CsvLayout {
    std::vector<CsvColumn> columns;
    std::vector<std::string> ignored;  // names of columns that are no question
    std::vector<int> unnamed;          // columns (1-based) with an empty name, also ignored
    bool has_id = false;
    int id_index = -1;
    bool redcap = false;              // a REDCap export: rows are read by parse_redcap_row
    std::vector<int> checkbox_questions;  // REDCap: the questions answered by checkbox columns
};

// Maps header names to questions. `weight_lb` maps to `weight_kg` in lb,
// `height_in` to `height_cm` in inches. A name that is no question but
// close to one (a likely typo) is an error; others are ignored.
CsvLayout map_csv_header(const Definitions& defs, const std::vector<std::string>& names, std::string_view id_column,
                         std::vector<AnswerError>& errors);

// Reads one data row into `out` and `id`. Empty cell = unanswered. Returns
// false with every problem in `errors`, in column order (a row with the
// wrong number of fields: that one problem).
bool parse_csv_row(const Definitions& defs, const CsvLayout& layout, const std::vector<std::string_view>& fields,
                   Answers& out, std::string& id, std::vector<AnswerError>& errors);

// A REDCap raw CSV export of the project `questions --format redcap`
// describes (docs/interop.md, "REDCap"): the first column is the record id
// (record_id); `field___code` columns are a checkbox's options (1 ticked, 0
// not; a checkbox with no option ticked is unanswered); `redcap_*` and
// `*_complete` columns, and calc fields (derived values), are REDCap's own
// and ignored; every other column is read as in map_csv_header.
CsvLayout map_redcap_header(const Definitions& defs, const std::vector<std::string>& names, std::vector<AnswerError>& errors);
// Reads one row of such an export, with parse_csv_row's value rules and
// errors (a checkbox cell other than 1 or 0 is an error of its question).
bool parse_redcap_row(const Definitions& defs, const CsvLayout& layout, const std::vector<std::string_view>& fields, Answers& out,
                      std::string& id, std::vector<AnswerError>& errors);

// The question id a misspelt name most likely meant (one edit for names of
// 4-5 characters, two for longer ones), or empty when none is close.
std::string suggest_question(const Definitions& defs, std::string_view name);

// ---- The record source ----

// The batch's input formats. A REDCap export is csv with a REDCap layout
// (CsvLayout::redcap); fhir is NDJSON of QuestionnaireResponses.
enum class RecordFormat : std::uint8_t { csv, jsonl, fhir };

// Bytes to cut into records: the CLI reads a file or a pipe, tests and
// fuzz targets a string. The core does no I/O of its own.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `n` bytes into `buf`; how many, 0 at the end of the input. May
    // throw (a read error is the caller's to report).
    virtual std::size_t read(char* buf, std::size_t n) = 0;
};

// A string as a ByteSource, `block` bytes a read at most.
class StringSource final : public ByteSource {
public:
    explicit StringSource(std::string_view text, std::size_t block = std::size_t(-1)) : text_(text), block_(block) {}
    std::size_t read(char* buf, std::size_t n) override;

private:
    std::string_view text_;
    std::size_t block_;
};

// Cuts a byte stream into records, a block at a time, so memory does not
// grow with the input: JSON Lines and FHIR NDJSON a line each, CSV at line
// breaks outside quotes. A UTF-8 byte order mark is dropped; a '\r' before a
// line break and blank lines are not records. A record longer than the limit
// is skipped without being kept, and returned as too long.
class RecordSplitter {
public:
    RecordSplitter(ByteSource& in, RecordFormat format, std::size_t max_record_bytes);

    struct Record {
        std::string_view text;  // valid until the next call; no line break
        bool too_long = false;  // text is empty then
    };
    // The first character of the input after a byte order mark and white
    // space ('\0' when empty), without consuming anything: format sniffing.
    char peek();
    // What peek() read ahead and nothing has consumed yet.
    std::string_view buffered() const { return std::string_view(buf_).substr(pos_); }
    // Decided after peek(), before the first record is read.
    void set_format(RecordFormat f) { format_ = f; }
    // The next record, skipping blank lines; false at the end of the input.
    bool next(Record& r);
    std::uint64_t bytes_read() const { return bytes_; }

private:
    ByteSource& in_;
    RecordFormat format_;
    std::size_t max_;
    std::string buf_;
    std::size_t pos_ = 0;      // start of the unconsumed data
    std::size_t scan_ = 0;     // scanned up to here (relative to buf_)
    CsvRecordScanner csv_;     // CSV: inside quotes or not, at scan_
    bool eof_ = false;
    bool first_ = true;        // strip a UTF-8 byte order mark (not decided yet)
    std::uint64_t bytes_ = 0;
    std::uint64_t dropped_ = 0;  // bytes consumed and erased from buf_

    bool fill();
    bool find_end(std::size_t& end);
};

class FhirResponseReader;

// Reads one record of a batch into Answers, whatever its format: a CSV or
// REDCap row (split, then read by the header's layout), a JSON Lines answers
// object, a FHIR QuestionnaireResponse. Every problem is an AnswerError
// naming the question or field, never holding a value: the error record's
// reasons. One per thread: it keeps its parsers and buffers between records.
class RecordParser {
public:
    struct Options {
        RecordFormat format = RecordFormat::jsonl;
        const CsvLayout* layout = nullptr;  // csv: the header's layout (kept alive by the caller)
        std::string id_key = "id";          // jsonl: the key holding the record id
        std::string too_long_reason = "record longer than the limit";
    };
    RecordParser(const Definitions& defs, Options opt);
    ~RecordParser();
    RecordParser(const RecordParser&) = delete;
    RecordParser& operator=(const RecordParser&) = delete;

    enum class Result : std::uint8_t {
        answers,  // `out` holds the record's answers
        error,    // errors() says why; id() when has_id()
        blank,    // a CSV row with every cell empty (a spreadsheet's leftover): no record
    };
    // `text` is a record as RecordSplitter gives it; for JSON formats it must
    // be followed in memory by JsonAnswersReader::padding readable bytes.
    // `out` must be sized for the definitions' questions.
    Result read(std::string_view text, bool too_long, Answers& out);
    bool has_id() const { return has_id_; }
    std::string_view id() const { return id_; }
    std::span<const AnswerError> errors() const { return errors_; }

private:
    Result fail(std::string reason);
    Result fail(const std::vector<AnswerError>& errors);

    const Definitions& defs_;
    Options opt_;
    std::unique_ptr<JsonAnswersReader> jsonl_;
    std::unique_ptr<FhirResponseReader> fhir_;  // made at the first FHIR record
    CsvFields fields_;
    std::string why_;
    std::vector<AnswerError> row_errors_;
    std::span<const AnswerError> errors_;
    AnswerError whole_;  // a problem of the whole record, before its answers are read
    std::string id_;
    bool has_id_ = false;
};

}  // namespace myoscreen
