// RFC 4180 records: where each one ends in a stream, and its fields.
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

std::size_t CsvRecordScanner::find_end(std::string_view text, std::size_t from) {
    // Outside quotes, a stretch up to the next line break with no quote in
    // it ends the record there: two memchr calls instead of a state per byte.
    if (state_ != State::quoted && state_ != State::quote_in_quoted) {
        const char* start = text.data() + from;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', text.size() - from));
        if (nl && !std::memchr(start, '"', static_cast<std::size_t>(nl - start))) return static_cast<std::size_t>(nl - text.data());
    }
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        switch (state_) {
        case State::quoted:
            if (c == '"') state_ = State::quote_in_quoted;  // the end, or the first of ""
            continue;
        case State::quote_in_quoted:
            if (c == '"') {
                state_ = State::quoted;
                continue;
            }
            break;
        case State::field_start:
            if (c == '"') {
                state_ = State::quoted;
                continue;
            }
            break;
        case State::unquoted: break;
        }
        if (c == ',') state_ = State::field_start;
        else if (c == '\n') return i;
        else state_ = State::unquoted;
    }
    return std::string_view::npos;
}

bool split_csv_record(std::string_view r, std::vector<std::string>& fields, std::string* err) {
    CsvFields f;
    if (!split_csv_record(r, f, err)) return false;
    fields.assign(f.views.begin(), f.views.end());
    return true;
}


}  // namespace myoscreen
