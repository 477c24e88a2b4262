// Splits an input stream into records — JSON Lines or CSV rows (quoted line
// breaks included) — reading fixed-size blocks, so memory does not grow with
// the input. A record longer than the limit is skipped and reported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "myoscreen/records.hpp"

namespace myoscreen::cli {

enum class InputFormat { csv, jsonl, fhir };  // fhir: NDJSON of QuestionnaireResponses

class RecordReader {
public:
    RecordReader(int fd, std::string name, InputFormat format, std::size_t max_record_bytes);

    struct Record {
        std::string_view text;  // valid until the next call; no line break
        bool too_long = false;  // text is empty then
    };
    // The first character of the input after a byte order mark and white
    // space ('\0' when empty), without consuming anything: format sniffing.
    char peek();
    // What peek() read ahead and nothing has consumed (after a byte order
    // mark): the start of the input, for telling what kind it is.
    std::string_view buffered() const { return std::string_view(buf_).substr(pos_); }
    // Decided after peek(), before the first record is read.
    void set_format(InputFormat f) { format_ = f; }
    // The next record, skipping blank lines; false at end of input.
    bool next(Record& r);
    std::uint64_t bytes_read() const { return bytes_; }

private:
    int fd_;
    std::string name_;
    InputFormat format_;
    std::size_t max_;
    std::string buf_;
    std::size_t pos_ = 0;      // start of the unconsumed data
    std::size_t scan_ = 0;     // scanned up to here (relative to buf_)
    CsvRecordScanner csv_;     // CSV: inside quotes or not, at scan_
    bool eof_ = false;
    bool first_ = true;        // strip a UTF-8 byte order mark
    std::uint64_t bytes_ = 0;

    bool fill();
    bool find_end(std::size_t& end);
};

}  // namespace myoscreen::cli
