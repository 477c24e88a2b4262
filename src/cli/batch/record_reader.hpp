// A batch input file or pipe as records: the core's record source
// (RecordSplitter, myoscreen/records.hpp) fed by a file descriptor. The CLI
// keeps only the reading of bytes, and its error: exit code 74.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "myoscreen/records.hpp"

namespace myoscreen::cli {

using InputFormat = RecordFormat;  // csv (REDCap too), jsonl, fhir: NDJSON of QuestionnaireResponses

// read(2) on a descriptor, retried on EINTR; a failure throws Failure(exit_io).
class FdSource final : public ByteSource {
public:
    FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    std::size_t read(char* buf, std::size_t n) override;

private:
    int fd_;
    std::string name_;
};

class RecordReader {
public:
    RecordReader(int fd, std::string name, InputFormat format, std::size_t max_record_bytes)
        : in_(fd, std::move(name)), split_(in_, format, max_record_bytes) {}
    using Record = RecordSplitter::Record;

    char peek() { return split_.peek(); }
    // What peek() read ahead and nothing has consumed (after a byte order
    // mark): the start of the input, for telling what kind it is.
    std::string_view buffered() const { return split_.buffered(); }
    void set_format(InputFormat f) { split_.set_format(f); }
    bool next(Record& r) { return split_.next(r); }
    std::uint64_t bytes_read() const { return split_.bytes_read(); }

private:
    FdSource in_;
    RecordSplitter split_;
};

}  // namespace myoscreen::cli
