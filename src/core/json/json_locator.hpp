// Maps JSON pointers to byte offsets and offsets to line:column, and finds
// repeated keys. nlohmann-json 3.11 keeps no positions and lets a repeated
// key through, so the loader scans the (already valid) text once with this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace myoscreen::detail {

class JsonLocator {
public:
    static constexpr int max_depth = 64;

    // `text` must outlive the locator. Unless `scan` is false (lines only,
    // for text that failed to parse) it must be syntactically valid JSON.
    explicit JsonLocator(std::string_view text, bool scan = true);

    // Byte offset of the value at `pointer`, or of its nearest known ancestor.
    std::size_t offset(const std::string& pointer) const;
    // Byte offset of decoded character `index` of the string at `pointer`,
    // stepping over escapes, so expression errors point at the right column.
    std::size_t string_offset(const std::string& pointer, std::size_t index) const;

    struct LineCol {
        int line, col;
    };
    LineCol line_col(std::size_t offset) const;
    std::string_view line_text(std::size_t offset) const;
    std::string_view text() const { return s_; }

    struct Duplicate {
        std::string pointer;  // of the repeated member
        std::size_t offset;   // of its key
    };
    const std::vector<Duplicate>& duplicates() const { return dups_; }
    // Set when nesting exceeds max_depth: the first offset past the limit.
    bool too_deep() const { return too_deep_; }
    std::size_t too_deep_offset() const { return deep_at_; }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    std::unordered_map<std::string, std::size_t> at_;
    std::vector<Duplicate> dups_;
    std::vector<std::size_t> line_starts_;
    bool too_deep_ = false;
    std::size_t deep_at_ = 0;

    void ws();
    void value(std::string& ptr, int depth);
    std::string string_token();
};

// nlohmann-json 3.11 reads a NUL byte between tokens as the end of the input
// and silently ignores the rest, so every JSON text is checked for one before
// it is handed over: the offset of the first NUL byte, or npos.
std::size_t find_nul_byte(std::string_view text);
inline constexpr std::string_view nul_byte_reason = "a NUL byte is not allowed in JSON text";

// "line 2, column 7": where byte `offset` of `text` is, columns counted in
// characters (for messages that cannot carry a FILE:LINE:COL prefix).
std::string describe_offset(std::string_view text, std::size_t offset);
// Line and column (1-based; columns count characters) of each offset, in one
// pass when they ascend, as the members of an object do; npos gives {0, 0}.
std::vector<JsonLocator::LineCol> line_cols(std::string_view text, const std::vector<std::size_t>& offsets);

// The reason part of an nlohmann-json parse error ("unexpected end of input;
// expected ..."), without the text it had read, which may be data.
std::string json_parse_reason(const std::string& what);

// Appends `key` to a JSON pointer, escaping '~' and '/' (RFC 6901).
void append_pointer(std::string& ptr, std::string_view key);

}  // namespace myoscreen::detail
