#include "json_writer.hpp"

#include "myoscreen/definitions.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace myoscreen::detail {

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
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
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void JsonWriter::value_prefix() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (depth_ > 0) {
        const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
        if (!(first_ & bit)) out_ += ',';
        first_ &= ~bit;
        newline();
    }
}

JsonWriter& JsonWriter::text_key(const std::unordered_map<const std::string*, std::string>& cache, const std::string& k) {
    const auto it = cache.find(&k);
    if (it == cache.end()) return key(k);
    value_prefix();
    out_ += it->second;
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    value_prefix();
    // Keys are the report's own names or ids checked at load ([A-Za-z0-9_]),
    // so they are copied without escaping, in one step.
    char buf[64];
    if (k.size() + 4 > sizeof buf) {
        out_ += '"';
        out_ += k;
        out_ += pretty_ ? "\": " : "\":";
    } else {
        char* p = buf;
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        if (pretty_) *p++ = ' ';
        out_.append(buf, static_cast<std::size_t>(p - buf));
    }
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::open(char c) {
    value_prefix();
    out_ += c;
    ++depth_;
    first_ |= std::uint64_t{1} << (depth_ - 1);
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    const bool empty = (first_ >> (depth_ - 1)) & 1U;
    --depth_;
    if (!empty) newline();
    out_ += c;
    return *this;
}

JsonWriter& JsonWriter::integer(long long v) {
    value_prefix();
    const fmt::format_int f(v);
    out_.append(f.data(), f.size());
    return *this;
}

JsonWriter& JsonWriter::decimal1(double v) {
    value_prefix();
    // Tenths as an integer (values are already rounded to one decimal); the
    // general formatter is the fallback for magnitudes that do not fit.
    const double tenths = std::round(v * 10);
    if (std::fabs(tenths) < 1e15) {
        auto t = static_cast<long long>(tenths);
        if (t < 0) out_ += '-', t = -t;
        const fmt::format_int whole(t / 10);
        out_.append(whole.data(), whole.size());
        out_ += '.';
        out_ += static_cast<char>('0' + t % 10);
    } else {
        fmt::format_to(std::back_inserter(out_), "{:.1f}", v);
    }
    return *this;
}

void build_json_literals(Definitions& d) {
    auto add = [&](const std::string& s) {
        std::string lit;
        append_json_string(lit, s);
        d.json_literals.emplace(&s, std::move(lit));
    };
    add(d.name);
    add(d.version);
    add(d.disclaimer);
    for (const auto& q : d.questions) add(q.id);
    for (const auto& x : d.derived) add(x.id);
    for (const auto& ins : d.instruments) {
        add(ins.id);
        for (const auto& b : ins.bands) add(b.name);
    }
    for (const auto& f : d.factors) {
        add(f.id);
        add(f.advice.text);
        add(f.advice.source);
        for (const auto& r : f.rules) {
            add(r.id);
            add(r.text);
            add(r.source);
        }
    }
    for (const auto& rf : d.red_flags) {
        add(rf.id);
        add(rf.text);
        add(rf.action);
        add(rf.source);
    }
}

}  // namespace myoscreen::detail
