#include "json_writer.hpp"

#include <fmt/format.h>

namespace myoscreen::detail {

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
            else out += ch;
        }
    }
    out += '"';
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
}

void JsonWriter::value_prefix() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::key(std::string_view k) {
    value_prefix();
    append_json_string(out_, k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::open(char c) {
    value_prefix();
    out_ += c;
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += c;
    return *this;
}

JsonWriter& JsonWriter::integer(long long v) {
    value_prefix();
    fmt::format_to(std::back_inserter(out_), "{}", v);
    return *this;
}

JsonWriter& JsonWriter::decimal1(double v) {
    value_prefix();
    if (v == 0) v = 0;  // -0.0 prints as 0.0
    fmt::format_to(std::back_inserter(out_), "{:.1f}", v);
    return *this;
}

}  // namespace myoscreen::detail
