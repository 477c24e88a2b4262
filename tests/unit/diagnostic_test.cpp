// Diagnostics: the masked excerpt (set_excerpt), its caret, and the text
// format_diagnostic prints, long lines cut around the caret included.
#include <catch2/catch.hpp>

#include <string>

#include "myoscreen/diagnostic.hpp"

using namespace myoscreen;

namespace {

Diagnostic excerpt(std::string_view line, std::size_t at, bool show_pointed = false) {
    Diagnostic d;
    set_excerpt(d, line, at, show_pointed);
    return d;
}

// The lines of format_diagnostic's output.
std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (auto nl = s.find('\n'); nl != std::string::npos; from = nl + 1, nl = s.find('\n', from)) out.push_back(s.substr(from, nl - from));
    CHECK(from == s.size());  // every line ends with '\n'
    return out;
}

// The character of `shown` above the caret of `caret_line` (both with their
// 4-space indent), counted in characters: what the reader sees pointed at.
std::string pointed_at(const std::string& shown, const std::string& caret_line) {
    const std::size_t col = caret_line.find('^');
    REQUIRE(col != std::string::npos);
    std::size_t chars = 0;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        if ((static_cast<unsigned char>(shown[k]) & 0xC0) == 0x80) continue;
        if (chars++ == col) {
            std::size_t n = 1;
            while (k + n < shown.size() && (static_cast<unsigned char>(shown[k + n]) & 0xC0) == 0x80) ++n;
            return shown.substr(k, n);
        }
    }
    return "";
}

}  // namespace

TEST_CASE("set_excerpt shows keys and masks string values") {
    const std::string line = R"(    "name": "Bob Smith", "age": 71, "note": "a \"quoted\" word",)";
    const auto d = excerpt(line, line.find("\"Bob"));
    CHECK(d.source_line == R"(    "name": "...", "age": 71, "note": "...",)");
    CHECK(d.caret == 13);  // on the masked value's opening quote
    // A key with spaces before its colon is still a key.
    CHECK(excerpt(R"({"k"  : "v"})", 0).source_line == R"({"k"  : "..."})");
}

TEST_CASE("set_excerpt shows the pointed string when asked: an expression is the rule being written") {
    const std::string line = R"(  "when": "age >= 65 and agee > 1", "text": "Old.")";
    const std::size_t at = line.find("agee");
    auto d = excerpt(line, at, true);
    CHECK(d.source_line == R"(  "when": "age >= 65 and agee > 1", "text": "...")");
    CHECK(d.source_line.substr(static_cast<std::size_t>(d.caret - 1), 4) == "agee");
    // Not asked: masked, and the caret on the mask (not after it).
    d = excerpt(line, at, false);
    CHECK(d.source_line == R"(  "when": "...", "text": "...")");
    CHECK(d.caret == 11);
}

TEST_CASE("set_excerpt replaces control bytes and broken UTF-8, and counts the caret in characters") {
    // A tab stays (it aligns the caret); other control bytes, DEL and a
    // stray byte become '?'.
    const std::string line = "\t\x01\x7f\xff 7";
    const auto d = excerpt(line, line.size() - 1);
    CHECK(d.source_line == "\t??? 7");
    CHECK(d.caret == 6);
    // "é" is two bytes, one column.
    const std::string utf8 = "{\"\xc3\xa9\": 1}";
    CHECK(excerpt(utf8, utf8.find('1')).caret == 7);
    // A problem at the end of the line: the caret just past it.
    CHECK(excerpt("[1, 2", 5).caret == 6);
    // Control bytes inside a masked value never show.
    CHECK(excerpt("\"k\": \"\x1b[31mred\"", 0).source_line == "\"k\": \"...\"");
}

TEST_CASE("format_diagnostic: location, message, pointer, excerpt and caret") {
    Diagnostic d{SourceLoc{"f.json", 3, 7, "/a/b"}, "something is wrong", "  x = 1", 3};
    CHECK(format_diagnostic(d) ==
          "f.json:3:7: error: something is wrong (at /a/b)\n"
          "      x = 1\n"
          "      ^\n");
    d.loc.pointer.clear();
    d.source_line.clear();
    CHECK(format_diagnostic(d) == "f.json:3:7: error: something is wrong\n");
    d.loc.line = 0;  // not located in the text: the file alone
    CHECK(format_diagnostic(d) == "f.json: error: something is wrong\n");
    // A tab before the caret is repeated under it, so the caret stays aligned.
    const Diagnostic t{SourceLoc{"f", 1, 2, ""}, "m", "\tx", 2};
    CHECK(format_diagnostic(t) == "f:1:2: error: m\n    \tx\n    \t^\n");
}

TEST_CASE("format_diagnostic cuts long lines around the caret, in whole characters") {
    std::string line;
    for (int i = 0; i < 300; ++i) line += static_cast<char>('a' + i % 26);
    Diagnostic d{SourceLoc{"f", 1, 250, ""}, "m", line, 250};
    auto out = lines_of(format_diagnostic(d));
    REQUIRE(out.size() == 3);
    // Far right: 40 characters of context before the caret, "..." first.
    CHECK(out[1] == "    ..." + line.substr(210));
    CHECK(out[2] == "    " + std::string(42, ' ') + "^");
    CHECK(pointed_at(out[1], out[2]) == line.substr(249, 1));
    // Near the start: the first 100 characters, "..." after.
    d.caret = 50;
    out = lines_of(format_diagnostic(d));
    CHECK(out[1] == "    " + line.substr(0, 100) + "...");
    CHECK(pointed_at(out[1], out[2]) == line.substr(49, 1));
    // In the middle of a long line: cut on both sides, 100 characters shown.
    d.source_line = line + line;
    d.caret = 300;
    out = lines_of(format_diagnostic(d));
    CHECK(out[1] == "    ..." + d.source_line.substr(260, 100) + "...");
    CHECK(pointed_at(out[1], out[2]) == d.source_line.substr(299, 1));
    // A line of exactly 100 characters is not cut, wherever the caret is.
    d.source_line = line.substr(0, 100);
    d.caret = 95;
    CHECK(lines_of(format_diagnostic(d))[1] == "    " + d.source_line);
}

TEST_CASE("format_diagnostic cuts a long UTF-8 line by characters, not bytes") {
    // 150 characters of two bytes each, an ASCII 'X' at column 120.
    std::string line;
    for (int i = 1; i <= 150; ++i) line += i == 120 ? "X" : "\xc3\xa9";
    Diagnostic d{SourceLoc{"f", 1, 120, ""}, "m", line, 120};
    auto out = lines_of(format_diagnostic(d));
    REQUIRE(out.size() == 3);
    CHECK(pointed_at(out[1], out[2]) == "X");
    CHECK(out[2] == "    " + std::string(42, ' ') + "^");
    // 70 characters after the "...": 39 before the X, the X, 30 after.
    CHECK(out[1].size() == 4 + 3 + 69 * 2 + 1);
    // Near the start: 100 whole characters (200 bytes), then "...".
    d.caret = 10;
    out = lines_of(format_diagnostic(d));
    CHECK(out[1] == "    " + line.substr(0, 200) + "...");
    CHECK(pointed_at(out[1], out[2]) == "\xc3\xa9");
}
