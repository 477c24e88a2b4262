// JSON writer pieces kept out of line: escaping, numbers and growth.
#include "json/json_writer.hpp"


#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace myoscreen::detail {

char* write_json_string(char* p, std::string_view s) {
    *p++ = '"';
    // Copy runs that need no escaping in one go: most report text has none.
    std::size_t run = 0;
    std::size_t i = 0;
    // Skip 8 bytes at a time while none is a control character, '"' or '\\'.
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const std::uint64_t lt20 = (w - ones * 0x20) & ~w & highs;
        const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        if (lt20 | ((q - ones) & ~q & highs) | ((b - ones) & ~b & highs)) break;
    }
    static constexpr char hex[] = "0123456789abcdef";
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        std::memcpy(p, s.data() + run, i - run);
        p += i - run;
        run = i + 1;
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    std::memcpy(p, s.data() + run, s.size() - run);
    p += s.size() - run;
    *p++ = '"';
    return p;
}

void append_json_string(std::string& out, std::string_view s) {
    const std::size_t old = out.size();
    out.resize(old + json_string_bound(s.size()));
    out.resize(static_cast<std::size_t>(write_json_string(out.data() + old, s) - out.data()));
}

void JsonWriter::grow(std::size_t n) {
    // Room for this token and a typical record more, so rendering a record
    // grows the string about once (std::string keeps capacity amortised).
    out_.resize(len_ + n + 4096);
}

void JsonWriter::newline() {
    char* p = room(1 + static_cast<std::size_t>(depth_) * 2);
    *p++ = '\n';
    std::memset(p, ' ', static_cast<std::size_t>(depth_) * 2);
    len_ += 1 + static_cast<std::size_t>(depth_) * 2;
}

char* write_integer(char* p, long long v) {
    const fmt::format_int f(v);
    std::memcpy(p, f.data(), f.size());
    return p + f.size();
}

char* write_decimal1(char* p, double v) {
    // Tenths as an integer (values are already rounded to one decimal); the
    // general formatter is the fallback for magnitudes that do not fit.
    const double tenths = std::round(v * 10);
    if (std::fabs(tenths) < 1e15) {
        auto t = static_cast<long long>(tenths);
        if (t < 0) *p++ = '-', t = -t;
        p = write_integer(p, t / 10);
        *p++ = '.';
        *p++ = static_cast<char>('0' + t % 10);
        return p;
    }
    return fmt::format_to_n(p, decimal1_bound, "{:.1f}", v).out;
}

JsonWriter& JsonWriter::integer(long long v) {
    value_prefix();
    len_ = static_cast<std::size_t>(write_integer(room(integer_bound), v) - out_.data());
    return *this;
}

JsonWriter& JsonWriter::decimal1(double v) {
    value_prefix();
    len_ = static_cast<std::size_t>(write_decimal1(room(decimal1_bound), v) - out_.data());
    return *this;
}

}  // namespace myoscreen::detail
