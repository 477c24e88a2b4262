// A small streaming JSON writer into a std::string: compact (one line, for
// JSON Lines) or indented. Keys are written in the order given, so reports
// come out byte-identical every time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace myoscreen::detail {

void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
public:
    JsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view k);
    JsonWriter& string(std::string_view s) { return value_prefix(), append_json_string(out_, s), *this; }
    JsonWriter& boolean(bool b) { return raw(b ? "true" : "false"); }
    JsonWriter& null() { return raw("null"); }
    JsonWriter& integer(long long v);
    JsonWriter& decimal1(double v);  // one decimal place, never -0.0
    JsonWriter& raw(std::string_view text) { return value_prefix(), out_ += text, *this; }

private:
    std::string& out_;
    bool pretty_;
    std::vector<bool> first_;  // per open container: nothing written yet
    bool after_key_ = false;

    void value_prefix();
    void newline();
    JsonWriter& open(char c);
    JsonWriter& close(char c);
};

}  // namespace myoscreen::detail
