// A JSON answers object that simdjson refused, read again member by member
// into the same AnswersWalk. Some such texts are JSON all the same (a number
// beyond a double, as 1e400 or a 30-digit integer; nesting deeper than
// simdjson's limit) and get their verdicts as usual; the others are read up
// to where they stop being JSON, which is reported by line and column, with
// the reason but never the text. Nesting is followed with a stack of its own,
// not by recursion, so any depth is safe.
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "answers/answers_walk.hpp"
#include "json/json_locator.hpp"
#include "myoscreen/text.hpp"
#include "answers/units.hpp"

namespace myoscreen::detail {
namespace {

class RefusedText {
public:
    RefusedText(std::string_view s, AnswersWalk& w) : s_(s), w_(w), bad_utf8_(find_invalid_utf8(s)) {}

    void read() {
        ws();
        if (i_ >= s_.size()) {
            fail("expected a JSON object");
            return;
        }
        if (s_[i_] != '{') {
            // Some other JSON value, or not JSON at all.
            if (skip_value() && (ws(), i_ >= s_.size())) w_.object_error(std::string(not_an_object), Refusal::not_an_object);
            else if (!failed_) fail(after_text());
            return;
        }
        if (!members()) return;
        ws();
        if (i_ < s_.size()) fail(after_text());
    }

private:
    std::string_view s_;
    AnswersWalk& w_;
    std::size_t bad_utf8_;  // offset of the first invalid UTF-8 byte, or npos
    std::size_t i_ = 0;
    bool failed_ = false;
    std::string text_;      // the last string read, decoded
    std::vector<char> open_;  // containers open while skipping a value

    bool fail(std::string_view why) {
        std::string reason(why);
        if (i_ >= s_.size()) reason = "unexpected end of input; " + reason;
        else if (s_[i_] == '\0') reason = nul_byte_reason;
        else if (i_ == bad_utf8_) reason = "invalid UTF-8";
        w_.object_error("invalid JSON at " + describe_offset(s_, i_) + ": " + reason, Refusal::invalid_json);
        failed_ = true;
        return false;
    }
    std::string_view after_text() const { return "unexpected text after the JSON value"; }
    bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool expect(char c, std::string_view why) {
        ws();
        if (!at(c)) return fail(why);
        ++i_;
        return true;
    }

    // The top-level object, from its '{'.
    bool members() {
        ++i_;
        ws();
        if (at('}')) return ++i_, true;
        for (;;) {
            ws();
            if (!at('"')) return fail("expected a key (a string)");
            const std::size_t key_at = i_;
            if (!string()) return false;
            if (!expect(':', "expected ':' after the key")) return false;
            w_.member_at(key_at);
            const int t = w_.key(text_);
            ws();
            if (!(t >= 0 ? answer(t) : t == AnswersWalk::id ? id() : skip_value())) return false;
            ws();
            if (at(',')) {
                ++i_;
                continue;
            }
            return expect('}', "expected ',' or '}' after a value");
        }
    }

    bool id() {
        if (at('"')) {
            if (!string()) return false;
            w_.id_string(text_);
            return true;
        }
        if (!at('-') && !(i_ < s_.size() && is_digit(s_[i_]))) return skip_value();  // no id
        const std::size_t start = i_;
        if (!number()) return false;
        const char *b = s_.data() + start, *e = s_.data() + i_;
        std::int64_t si = 0;
        std::uint64_t ui = 0;
        double d = 0;
        const auto whole = [e](std::from_chars_result r) { return r.ec == std::errc{} && r.ptr == e; };
        if (whole(std::from_chars(b, e, si))) w_.id_int(si);
        else if (whole(std::from_chars(b, e, ui))) w_.id_uint(ui);
        else if (number_from_text(s_.substr(start, i_ - start), d) == NumberText::ok) w_.id_double(d);
        return true;  // a number beyond a double gives no id
    }

    bool answer(int qi) {
        if (i_ >= s_.size()) return fail("expected a value");
        const char c = s_[i_];
        if (c == '"') {
            if (!string()) return false;
            w_.string(qi, text_);
            return true;
        }
        if (c == '-' || is_digit(c)) {
            const std::size_t start = i_;
            if (!number()) return false;
            double v = 0;
            if (number_from_text(s_.substr(start, i_ - start), v) == NumberText::ok) w_.number(qi, v);
            else w_.nonfinite(qi);
            return true;
        }
        if (c == 't' || c == 'f') {
            if (!literal()) return false;
            w_.boolean(qi, c == 't');
            return true;
        }
        if (c == 'n') return literal();  // null: unanswered
        if (c == '{') {
            w_.object(qi);
            return skip_value();
        }
        if (c != '[') return fail("expected a value");
        if (!w_.is_list(qi)) {
            w_.not_list(qi);
            return skip_value();
        }
        ++i_;
        std::uint64_t set = 0;
        bool ok = true;  // every element so far a choice code
        ws();
        if (at(']')) return ++i_, w_.codes_end(qi, set), true;
        for (;;) {
            ws();
            if (at('"')) {
                if (!string()) return false;
                ok = ok && w_.code(qi, text_, set);
            } else {
                if (ok) w_.not_a_code(qi);
                ok = false;
                if (!skip_value()) return false;
            }
            ws();
            if (at(',')) {
                ++i_;
                continue;
            }
            if (!expect(']', "expected ',' or ']' after a value")) return false;
            if (ok) w_.codes_end(qi, set);
            return true;
        }
    }

    // Any value, with no verdict on it: its syntax only.
    bool skip_value() {
        open_.clear();
        for (;;) {
            ws();
            if (i_ >= s_.size()) return fail("expected a value");
            const char c = s_[i_];
            if (c == '{' || c == '[') {
                ++i_;
                ws();
                if (at(c == '{' ? '}' : ']')) {
                    ++i_;
                } else {
                    open_.push_back(c);
                    if (c == '{' && !key_colon()) return false;
                    continue;
                }
            } else if (!scalar()) {
                return false;
            }
            // A value is complete: close what it completes, or go on after ','.
            for (;;) {
                if (open_.empty()) return true;
                ws();
                const bool object = open_.back() == '{';
                if (at(',')) {
                    ++i_;
                    if (object && !key_colon()) return false;
                    break;
                }
                if (!at(object ? '}' : ']')) return fail(object ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value");
                ++i_;
                open_.pop_back();
            }
        }
    }
    bool key_colon() {
        ws();
        if (!at('"')) return fail("expected a key (a string)");
        return string() && expect(':', "expected ':' after the key");
    }
    bool scalar() {
        const char c = s_[i_];
        if (c == '"') return string();
        if (c == '-' || is_digit(c)) return number();
        if (c == 't' || c == 'f' || c == 'n') return literal();
        return fail("expected a value");
    }

    bool literal() {
        static constexpr std::string_view words[] = {"true", "false", "null"};
        for (std::string_view word : words)
            if (s_.substr(i_).starts_with(word)) return i_ += word.size(), true;
        return fail("expected a value");
    }

    // RFC 8259 number syntax; its value is read by the caller.
    bool number() {
        if (at('-')) ++i_;
        if (at('0')) ++i_;
        else if (!digits()) return fail("invalid number");
        if (at('.')) {
            ++i_;
            if (!digits()) return fail("invalid number");
        }
        if (at('e') || at('E')) {
            ++i_;
            if (at('+') || at('-')) ++i_;
            if (!digits()) return fail("invalid number");
        }
        return true;
    }
    bool digits() {
        const std::size_t start = i_;
        while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        return i_ > start;
    }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    // A string from its opening quote, decoded into text_.
    bool string() {
        text_.clear();
        ++i_;
        for (;;) {
            if (i_ >= s_.size()) return fail("a string is not closed");
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') return ++i_, true;
            if (c < 0x20) return fail("a control character in a string must be escaped");
            if (i_ == bad_utf8_) return fail("invalid UTF-8");
            if (c != '\\') {
                text_ += static_cast<char>(c);
                ++i_;
                continue;
            }
            if (++i_ >= s_.size()) return fail("a string is not closed");
            switch (s_[i_]) {
            case '"': text_ += '"'; break;
            case '\\': text_ += '\\'; break;
            case '/': text_ += '/'; break;
            case 'b': text_ += '\b'; break;
            case 'f': text_ += '\f'; break;
            case 'n': text_ += '\n'; break;
            case 'r': text_ += '\r'; break;
            case 't': text_ += '\t'; break;
            case 'u':
                if (!unicode_escape()) return false;
                continue;
            default: return fail("invalid escape in a string");
            }
            ++i_;
        }
    }
    // \uXXXX at s_[i_] == 'u' (a surrogate pair as two), appended as UTF-8.
    bool unicode_escape() {
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("invalid \\u escape: a lone surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo = 0;
            if (!(at('\\') && i_ + 1 < s_.size() && s_[i_ + 1] == 'u')) return fail("invalid \\u escape: a lone surrogate");
            ++i_;
            if (!hex4(lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) return fail("invalid \\u escape: a lone surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        append_utf8(cp);
        return true;
    }
    // Four hex digits after the 'u' at s_[i_]; leaves i_ after them.
    bool hex4(std::uint32_t& cp) {
        ++i_;
        for (int k = 0; k < 4; ++k, ++i_) {
            if (i_ >= s_.size()) return fail("a string is not closed");
            const char h = s_[i_];
            const int v = is_digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
            if (v < 0) return fail("invalid \\u escape");
            cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        return true;
    }
    void append_utf8(std::uint32_t cp) {
        if (cp < 0x80) {
            text_ += static_cast<char>(cp);
        } else if (cp < 0x800) {
            text_ += static_cast<char>(0xC0 | (cp >> 6));
            text_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            text_ += static_cast<char>(0xE0 | (cp >> 12));
            text_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            text_ += static_cast<char>(0xF0 | (cp >> 18));
            text_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            text_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text_ += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
};

}  // namespace

void walk_refused_text(std::string_view text, AnswersWalk& walk) { RefusedText(text, walk).read(); }

}  // namespace myoscreen::detail
