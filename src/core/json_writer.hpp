// A small streaming JSON writer into a std::string: compact (one line, for
// JSON Lines) or indented. Keys are written in the order given, so reports
// come out byte-identical every time.
#pragma once

#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>

namespace myoscreen::detail {

void append_json_string(std::string& out, std::string_view s);

}  // namespace myoscreen::detail
namespace myoscreen {
struct Definitions;
}
namespace myoscreen::detail {

// Fills defs.json_literals with every string a report copies from them.
void build_json_literals(Definitions& defs);

class JsonWriter {
public:
    JsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view k);
    JsonWriter& string(std::string_view s) { return value_prefix(), append_json_string(out_, s), *this; }
    // A string of the definitions, from their pre-escaped literals if there.
    JsonWriter& text(const std::unordered_map<const std::string*, std::string>& cache, const std::string& s) {
        const auto it = cache.find(&s);
        return it != cache.end() ? raw(it->second) : string(s);
    }
    JsonWriter& text_key(const std::unordered_map<const std::string*, std::string>& cache, const std::string& s);
    JsonWriter& boolean(bool b) { return raw(b ? "true" : "false"); }
    JsonWriter& null() { return raw("null"); }
    JsonWriter& integer(long long v);
    JsonWriter& decimal1(double v);  // one decimal place, never -0.0
    JsonWriter& raw(std::string_view text) { return value_prefix(), out_ += text, *this; }

private:
    std::string& out_;
    bool pretty_;
    // One bit per open container (up to 64 deep): nothing written in it yet.
    std::uint64_t first_ = 0;
    int depth_ = 0;
    bool after_key_ = false;

    void value_prefix();
    void newline();
    JsonWriter& open(char c);
    JsonWriter& close(char c);
};

}  // namespace myoscreen::detail
