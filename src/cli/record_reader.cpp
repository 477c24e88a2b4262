// Splits an input stream into records, a block at a time (record_reader.hpp).
#include "record_reader.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_codes.hpp"

namespace myoscreen::cli {

namespace {
constexpr std::size_t block = 1 << 20;
}

RecordReader::RecordReader(int fd, std::string name, InputFormat format, std::size_t max_record_bytes)
    : fd_(fd), name_(std::move(name)), format_(format), max_(max_record_bytes) {}

bool RecordReader::fill() {
    if (eof_) return false;
    // Drop what was consumed before growing; the buffer stays near
    // max(record limit, block) whatever the input size.
    if (pos_ > 0) {
        buf_.erase(0, pos_);
        scan_ -= pos_;
        pos_ = 0;
    }
    const std::size_t old = buf_.size();
    buf_.resize(old + block);
    for (;;) {
        const ssize_t n = ::read(fd_, buf_.data() + old, block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Failure(exit_io, fmt::format("error reading '{}': {}", name_, std::strerror(errno)));
        buf_.resize(old + static_cast<std::size_t>(n));
        bytes_ += static_cast<std::uint64_t>(n);
        if (n == 0) eof_ = true;
        if (first_ && buf_.size() >= 3) {
            if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = scan_ = 3;
            first_ = false;
        }
        return n > 0;
    }
}

// Finds the line break ending the record that starts at pos_, scanning only
// new bytes; CSV line breaks inside quotes do not count.
bool RecordReader::find_end(std::size_t& end) {
    if (format_ != InputFormat::csv) {  // JSON Lines, FHIR NDJSON: a record a line
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

char RecordReader::peek() {
    for (;;) {
        for (std::size_t i = pos_; i < buf_.size(); ++i)
            if (buf_[i] != ' ' && buf_[i] != '\t' && buf_[i] != '\r' && buf_[i] != '\n') return buf_[i];
        if (!fill()) return '\0';
    }
}

bool RecordReader::next(Record& r) {
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

}  // namespace myoscreen::cli
