// Batch records in CSV: where each ends, its fields, and its answers. The
// header is mapped once; each row is then read without name lookups. (JSON
// Lines records are answers objects: JsonAnswersReader in answers.hpp.)
#pragma once

#include <cstdint>
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

}  // namespace myoscreen
