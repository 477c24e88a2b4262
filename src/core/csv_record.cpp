// RFC 4180 field splitting and the UTF-8 check shared by every reader.
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "myoscreen/records.hpp"

namespace myoscreen {

bool split_csv_record(std::string_view r, CsvFields& out, std::string* err) {
    out.views.clear();
    out.unescaped.clear();
    // Unescaped text is never longer than the record: reserving it all now
    // keeps the views into it valid as it fills.
    out.unescaped.reserve(r.size());
    auto bad = [&](std::string_view why) {
        if (err) *err = fmt::format("malformed CSV: {} (field {})", why, out.views.size() + 1);
        return false;
    };
    std::size_t i = 0;
    for (;;) {
        if (i < r.size() && r[i] == '"') {
            const std::size_t start = ++i;
            bool escaped = false;  // holds "" (an escaped quote)
            for (;;) {
                const std::size_t q = r.find('"', i);
                if (q == std::string_view::npos) return bad("a quoted field is not closed");
                if (q + 1 < r.size() && r[q + 1] == '"') {
                    escaped = true;
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            if (i < r.size() && r[i] != ',') return bad("text after the closing quote");
            const std::string_view body = r.substr(start, i - 1 - start);
            if (!escaped) {
                out.views.push_back(body);
            } else {
                const std::size_t from = out.unescaped.size();
                for (std::size_t k = 0; k < body.size(); ++k) {
                    out.unescaped += body[k];
                    if (body[k] == '"') ++k;  // the second of ""
                }
                out.views.emplace_back(out.unescaped.data() + from, out.unescaped.size() - from);
            }
        } else {
            const std::size_t end = r.find(',', i);
            const std::size_t stop = end == std::string_view::npos ? r.size() : end;
            const std::string_view text = r.substr(i, stop - i);
            // RFC 4180: only a field that starts with a quote may hold one.
            if (text.find('"') != std::string_view::npos) return bad("quote inside an unquoted field");
            out.views.push_back(text);
            i = stop;
        }
        if (i >= r.size()) break;
        ++i;  // ','
    }
    return true;
}

bool split_csv_record(std::string_view r, std::vector<std::string>& fields, std::string* err) {
    CsvFields f;
    if (!split_csv_record(r, f, err)) return false;
    fields.assign(f.views.begin(), f.views.end());
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
