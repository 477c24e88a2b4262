// A small streaming JSON writer into a std::string: compact (one line, for
// JSON Lines) or indented. Keys are written in the order given, so reports
// come out byte-identical every time.
//
// The batch path renders a report of a few kilobytes per record, token by
// token, so the hot methods are inline and write through a raw pointer into
// slack kept at the end of the string (std::string::append is an out-of-line
// library call per token). The slack is trimmed by finish() or the
// destructor: call finish() before reading the string while the writer lives.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>


namespace myoscreen::detail {

// Writes `s` as a JSON string (quotes included) at `p`, which must have room
// for json_string_bound(s.size()) bytes; returns the end.
char* write_json_string(char* p, std::string_view s);
constexpr std::size_t json_string_bound(std::size_t n) { return 6 * n + 2; }

void append_json_string(std::string& out, std::string_view s);

// Numbers as the report writes them, at `p` (room for the bound); return the end.
inline constexpr std::size_t integer_bound = 24;
inline constexpr std::size_t decimal1_bound = 330;  // "{:.1f}" of the largest double
char* write_integer(char* p, long long v);
char* write_decimal1(char* p, double v);  // one decimal place, never -0.0

class JsonWriter {
public:
    // Appends to `out`; its slack is trimmed by finish() or the destructor.
    JsonWriter(std::string& out, bool pretty) : out_(out), own_len_(out.size()), len_(own_len_), trim_(true), pretty_(pretty) {}
    // Appends at out[len], keeping out's spare bytes as room for the next
    // write (see RenderBuffer): never trims, so never zero-fills again.
    JsonWriter(std::string& out, std::size_t& len, bool pretty) : out_(out), own_len_(0), len_(len), trim_(false), pretty_(pretty) {}
    ~JsonWriter() { finish(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    // Trims the slack so `out` holds exactly what was written (writing may go on).
    void finish() {
        if (trim_) out_.resize(len_);
    }

    // Goes on as if `depth` containers (at most 64) were open, each with
    // something in it already or, with `first`, nothing yet in the innermost:
    // a fragment of a document such as `,"sarc_f":{"score":` can be written
    // alone. Call it before writing anything.
    JsonWriter& inside(int depth, bool first = false) {
        depth_ = depth;
        first_ = first && depth > 0 ? std::uint64_t{1} << (depth - 1) : 0;
        after_key_ = false;
        return *this;
    }

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }

    // Keys are the report's own names or ids checked at load ([A-Za-z0-9_]),
    // so they are copied without escaping.
    JsonWriter& key(std::string_view k) {
        value_prefix();
        char* p = room(k.size() + 4);
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        if (pretty_) *p++ = ' ';
        len_ = static_cast<std::size_t>(p - out_.data());
        after_key_ = true;
        return *this;
    }
    JsonWriter& string(std::string_view s) {
        value_prefix();
        char* end = write_json_string(room(json_string_bound(s.size())), s);
        len_ = static_cast<std::size_t>(end - out_.data());
        return *this;
    }
    // A key that may need escaping (an id from a definitions file).
    JsonWriter& string_key(std::string_view k) {
        value_prefix();
        char* end = write_json_string(room(json_string_bound(k.size()) + 2), k);
        *end++ = ':';
        if (pretty_) *end++ = ' ';
        len_ = static_cast<std::size_t>(end - out_.data());
        after_key_ = true;
        return *this;
    }
    JsonWriter& boolean(bool b) { return raw(b ? "true" : "false"); }
    JsonWriter& null() { return raw("null"); }
    JsonWriter& integer(long long v);
    JsonWriter& decimal1(double v);  // one decimal place, never -0.0
    JsonWriter& raw(std::string_view text) {
        value_prefix();
        put(text);
        return *this;
    }
    // Text outside any value (a record's closing line break).
    JsonWriter& put(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        len_ += s.size();
        return *this;
    }

private:
    std::string& out_;
    std::size_t own_len_;
    std::size_t& len_;  // bytes written; out_.size() - len_ is slack
    bool trim_;
    bool pretty_;
    // One bit per open container (up to 64 deep): nothing written in it yet.
    std::uint64_t first_ = 0;
    int depth_ = 0;
    bool after_key_ = false;

    // A pointer to at least n writable bytes at the end of what was written.
    char* room(std::size_t n) {
        if (out_.size() - len_ < n) grow(n);
        return out_.data() + len_;
    }
    void grow(std::size_t n);
    void newline();

    void value_prefix() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
        if (!(first_ & bit)) put(",");
        first_ &= ~bit;
        if (pretty_) newline();
    }
    JsonWriter& open(char c) {
        value_prefix();
        *room(1) = c;
        ++len_;
        ++depth_;
        first_ |= std::uint64_t{1} << (depth_ - 1);
        return *this;
    }
    JsonWriter& close(char c) {
        const bool empty = (first_ >> (depth_ - 1)) & 1U;
        first_ &= ~(std::uint64_t{1} << (depth_ - 1));
        --depth_;
        if (!empty && pretty_) newline();
        *room(1) = c;
        ++len_;
        return *this;
    }
};

}  // namespace myoscreen::detail
