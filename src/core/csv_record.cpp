// RFC 4180 field splitting and the UTF-8 check shared by every reader.
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "myoscreen/records.hpp"

namespace myoscreen {

bool split_csv_record(std::string_view r, std::vector<std::string>& fields, std::string* err) {
    std::size_t n = 0;  // fields used; strings are reused to keep their capacity
    auto next = [&]() -> std::string& {
        if (n == fields.size()) fields.emplace_back();
        std::string& f = fields[n++];
        f.clear();
        return f;
    };
    auto bad = [&](std::string_view why) {
        if (err) *err = fmt::format("malformed CSV: {} (field {})", why, n);
        return false;
    };
    std::size_t i = 0;
    for (;;) {
        std::string& f = next();
        if (i < r.size() && r[i] == '"') {
            ++i;
            for (;;) {
                if (i >= r.size()) return bad("a quoted field is not closed");
                if (r[i] == '"') {
                    if (i + 1 < r.size() && r[i + 1] == '"') {
                        f += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f += r[i++];
            }
            if (i < r.size() && r[i] != ',') return bad("text after the closing quote");
        } else {
            const std::size_t end = r.find(',', i);
            const std::size_t stop = end == std::string_view::npos ? r.size() : end;
            const std::string_view text = r.substr(i, stop - i);
            // RFC 4180: only a field that starts with a quote may hold one.
            if (text.find('"') != std::string_view::npos) return bad("quote inside an unquoted field");
            f.append(text);
            i = stop;
        }
        if (i >= r.size()) break;
        ++i;  // ','
    }
    fields.resize(n);
    return true;
}

std::size_t find_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII runs, 8 bytes at a time: most answers are plain ASCII.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are invalid.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace myoscreen
