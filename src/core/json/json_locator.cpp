// JSON positions: pointers to offsets, offsets to line:column, repeated keys, NUL bytes.
#include "json/json_locator.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace myoscreen::detail {

std::string json_parse_reason(const std::string& what) {
    std::string m = what;
    if (auto k = m.find("; last read"); k != std::string::npos) m.resize(k);
    if (auto k = m.find(" - "); k != std::string::npos) m = m.substr(k + 3);
    else if (auto c = m.rfind(": "); c != std::string::npos) m = m.substr(c + 2);
    return m.empty() ? "syntax error" : m;
}

std::size_t find_nul_byte(std::string_view text) {
    const void* p = std::memchr(text.data(), '\0', text.size());
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
}

std::string describe_offset(std::string_view text, std::size_t offset) {
    const auto lc = JsonLocator(text, false).line_col(std::min(offset, text.size()));
    return "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.col);
}

std::vector<JsonLocator::LineCol> line_cols(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::vector<JsonLocator::LineCol> out;
    out.reserve(offsets.size());
    std::size_t at = 0;
    JsonLocator::LineCol lc{1, 1};
    for (std::size_t offset : offsets) {
        if (offset == std::string_view::npos) {
            out.push_back({0, 0});
            continue;
        }
        offset = std::min(offset, text.size());
        if (offset < at) at = 0, lc = {1, 1};
        for (; at < offset; ++at) {
            if (text[at] == '\n') lc = {lc.line + 1, 1};
            else if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) ++lc.col;
        }
        out.push_back(lc);
    }
    return out;
}

void append_pointer(std::string& ptr, std::string_view key) {
    ptr += '/';
    for (char c : key) {
        if (c == '~') ptr += "~0";
        else if (c == '/') ptr += "~1";
        else ptr += c;
    }
}

JsonLocator::JsonLocator(std::string_view text, bool scan) : s_(text) {
    line_starts_.push_back(0);
    for (std::size_t k = 0; k < s_.size(); ++k)
        if (s_[k] == '\n') line_starts_.push_back(k + 1);
    if (!scan) return;
    std::string ptr;
    ws();
    value(ptr, 0);
}

void JsonLocator::ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
}

// Decodes a string token at i_ (simple escapes only matter for key identity;
// \uXXXX is kept verbatim, which is enough to tell keys apart).
std::string JsonLocator::string_token() {
    std::string out;
    ++i_;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
        if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
            const char e = s_[i_ + 1];
            switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': out += s_.substr(i_, 6); i_ += 4; break;
            default: out += e; break;
            }
            i_ += 2;
        } else {
            out += s_[i_++];
        }
    }
    ++i_;  // closing quote
    return out;
}

void JsonLocator::value(std::string& ptr, int depth) {
    if (i_ >= s_.size()) return;
    at_.emplace(ptr, i_);
    const char c = s_[i_];
    if ((c == '{' || c == '[') && depth >= max_depth) {
        if (!too_deep_) { too_deep_ = true; deep_at_ = i_; }
        i_ = s_.size();  // stop scanning; the loader reports and gives up
        return;
    }
    if (c == '{') {
        ++i_;
        std::unordered_set<std::string> seen;
        ws();
        while (i_ < s_.size() && s_[i_] != '}') {
            const std::size_t key_at = i_;
            std::string key = string_token();
            const std::size_t len = ptr.size();
            append_pointer(ptr, key);
            if (!seen.insert(key).second) dups_.push_back({ptr, key_at});
            ws();
            ++i_;  // ':'
            ws();
            value(ptr, depth + 1);
            ptr.resize(len);
            ws();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; ws(); }
        }
        ++i_;
    } else if (c == '[') {
        ++i_;
        ws();
        for (std::size_t n = 0; i_ < s_.size() && s_[i_] != ']'; ++n) {
            const std::size_t len = ptr.size();
            ptr += '/';
            ptr += std::to_string(n);
            value(ptr, depth + 1);
            ptr.resize(len);
            ws();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; ws(); }
        }
        ++i_;
    } else if (c == '"') {
        string_token();
    } else {
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
               s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t')
            ++i_;
    }
}

std::size_t JsonLocator::offset(const std::string& pointer) const {
    std::string p = pointer;
    for (;;) {
        if (auto it = at_.find(p); it != at_.end()) return it->second;
        if (p.empty()) return 0;
        p.resize(p.rfind('/'));
    }
}

std::size_t JsonLocator::string_offset(const std::string& pointer, std::size_t index) const {
    std::size_t k = offset(pointer);
    if (k >= s_.size() || s_[k] != '"') return k;
    ++k;
    for (std::size_t n = 0; n < index && k < s_.size() && s_[k] != '"'; ++n) {
        if (s_[k] == '\\') k += (k + 1 < s_.size() && s_[k + 1] == 'u') ? 6 : 2;
        else ++k;
    }
    return k;
}

JsonLocator::LineCol JsonLocator::line_col(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t start = *(it - 1);
    int col = 1;
    // Count characters, not bytes: UTF-8 continuation bytes do not add a column.
    for (std::size_t k = start; k < offset && k < s_.size(); ++k)
        if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) ++col;
    return {static_cast<int>(it - line_starts_.begin()), col};
}

std::string_view JsonLocator::line_text(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t start = *(it - 1);
    std::size_t end = s_.find('\n', start);
    if (end == std::string_view::npos) end = s_.size();
    if (end > start && s_[end - 1] == '\r') --end;
    return s_.substr(start, end - start);
}

}  // namespace myoscreen::detail
