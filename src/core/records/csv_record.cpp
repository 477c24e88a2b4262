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


}  // namespace myoscreen
