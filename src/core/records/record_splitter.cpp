// Cuts a byte stream into batch records, a block at a time (records.hpp):
// moved from the CLI so that every front end, test and fuzz target cuts the
// same way. The bytes come from a ByteSource; the core reads no file.
#include <algorithm>
#include <cstring>

#include "myoscreen/records.hpp"

namespace myoscreen {

namespace {
constexpr std::size_t block = 1 << 20;
}

std::size_t StringSource::read(char* buf, std::size_t n) {
    n = std::min({n, block_, text_.size()});
    std::memcpy(buf, text_.data(), n);
    text_.remove_prefix(n);
    return n;
}

RecordSplitter::RecordSplitter(ByteSource& in, RecordFormat format, std::size_t max_record_bytes)
    : in_(in), format_(format), max_(max_record_bytes) {}

bool RecordSplitter::fill() {
    if (eof_) return false;
    // Drop what was consumed before growing; the buffer stays near
    // max(record limit, block) whatever the input size.
    if (pos_ > 0) {
        buf_.erase(0, pos_);
        scan_ -= pos_;
        dropped_ += pos_;
        pos_ = 0;
    }
    const std::size_t old = buf_.size();
    buf_.resize(old + block);
    const std::size_t n = in_.read(buf_.data() + old, block);
    buf_.resize(old + n);
    bytes_ += n;
    if (n == 0) eof_ = true;
    // A byte order mark is the stream's first three bytes, however the reads
    // fell (a pipe may give one byte at a time).
    if (first_ && (bytes_ >= 3 || eof_)) {
        if (dropped_ == 0 && pos_ == 0 && buf_.size() >= 3 && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
            pos_ = scan_ = 3;  // scan again after it, as the record's start
            csv_.next_record();
        }
        first_ = false;
    }
    return n > 0;
}

// Finds the line break ending the record that starts at pos_, scanning only
// new bytes; CSV line breaks inside quotes do not count.
bool RecordSplitter::find_end(std::size_t& end) {
    if (format_ != RecordFormat::csv) {  // JSON Lines, FHIR NDJSON: a record a line
        const void* p = std::memchr(buf_.data() + scan_, '\n', buf_.size() - scan_);
        if (!p) {
            scan_ = buf_.size();
            return false;
        }
        end = static_cast<std::size_t>(static_cast<const char*>(p) - buf_.data());
        return true;
    }
    end = csv_.find_end(buf_, scan_);
    scan_ = end == std::string::npos ? buf_.size() : end;
    return end != std::string::npos;
}

char RecordSplitter::peek() {
    for (;;) {
        if (first_ && fill()) continue;  // not before the byte order mark is known
        for (std::size_t i = pos_; i < buf_.size(); ++i)
            if (buf_[i] != ' ' && buf_[i] != '\t' && buf_[i] != '\r' && buf_[i] != '\n') return buf_[i];
        if (!fill()) return '\0';
    }
}

bool RecordSplitter::next(Record& r) {
    for (;;) {
        std::size_t end = 0;
        bool too_long = false;
        while (!find_end(end)) {
            if (scan_ - pos_ > max_) {
                // Skip the rest of this record without keeping it.
                too_long = true;
                pos_ = scan_;
            }
            if (!fill()) {
                if (buf_.size() == pos_ && !too_long) return false;
                end = buf_.size();  // last record without a line break
                break;
            }
        }
        std::string_view text(buf_.data() + pos_, end - pos_);
        pos_ = scan_ = end < buf_.size() ? end + 1 : end;
        csv_.next_record();
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (too_long || text.size() > max_) {
            r = Record{{}, true};
            return true;
        }
        if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank line
        r = Record{text, false};
        return true;
    }
}

}  // namespace myoscreen
