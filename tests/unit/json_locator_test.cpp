// The JSON locator: pointers to byte offsets, offsets to line:column,
// repeated keys, nesting limits, NUL bytes and parse-error reasons.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "json/json_locator.hpp"

using myoscreen::detail::JsonLocator;

namespace {

// The offset of the first `needle` in `text`.
std::size_t at(std::string_view text, std::string_view needle) {
    const auto k = text.find(needle);
    REQUIRE(k != std::string_view::npos);
    return k;
}

std::string nested_arrays(int depth) { return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'); }

}  // namespace

TEST_CASE("a JSON pointer maps to the offset of its value") {
    const std::string text = R"({"a": [1, {"b": "x"}], "c~d": 2, "e/f": 3, "": 4, "s": "t"})";
    const JsonLocator loc(text);
    CHECK(loc.offset("") == 0);
    CHECK(loc.offset("/a") == at(text, "[1"));
    CHECK(loc.offset("/a/0") == at(text, "1,"));
    CHECK(loc.offset("/a/1") == at(text, "{\"b\""));
    CHECK(loc.offset("/a/1/b") == at(text, "\"x\""));
    // RFC 6901 escapes: ~0 is '~', ~1 is '/'; the empty key is a key.
    CHECK(loc.offset("/c~0d") == at(text, "2,"));
    CHECK(loc.offset("/e~1f") == at(text, "3,"));
    CHECK(loc.offset("/") == at(text, "4, "));
    // Not in the text: its nearest ancestor that is.
    CHECK(loc.offset("/a/7") == loc.offset("/a"));
    CHECK(loc.offset("/a/1/zz/0") == loc.offset("/a/1"));
    CHECK(loc.offset("/nope") == 0);
}

TEST_CASE("append_pointer escapes '~' and '/'") {
    std::string p = "/x";
    myoscreen::detail::append_pointer(p, "a~b/c");
    CHECK(p == "/x/a~0b~1c");
}

TEST_CASE("string_offset steps over escapes to the decoded character") {
    // Decoded: a " b <space> é c
    const std::string text = R"({"w": "a\"b \u00e9c"})";
    const JsonLocator loc(text);
    const std::size_t open = at(text, "\"a");
    CHECK(loc.string_offset("/w", 0) == open + 1);                // a
    CHECK(loc.string_offset("/w", 1) == at(text, "\\\""));       // the escaped quote
    CHECK(loc.string_offset("/w", 2) == at(text, "b "));
    CHECK(loc.string_offset("/w", 4) == at(text, "\\u00e9"));    // six bytes, one character
    CHECK(loc.string_offset("/w", 5) == at(text, "c\""));
    CHECK(loc.string_offset("/w", 99) == at(text, "\"}"));        // stops at the closing quote
    // Not a string: the value's own offset.
    const std::string num = R"({"n": 12})";
    CHECK(JsonLocator(num).string_offset("/n", 1) == at(num, "12"));
}

TEST_CASE("line and column, counted in characters, and the line's text") {
    const std::string text = "{\r\n  \"\xc3\xa9\": 1,\r\n  \"b\": [true]\r\n}";
    const JsonLocator loc(text);
    auto lc = loc.line_col(at(text, "1,"));
    CHECK(lc.line == 2);
    CHECK(lc.col == 8);  // 2 spaces, the key's 3 characters, ':', ' ', then 1
    CHECK(loc.line_text(at(text, "1,")) == "  \"\xc3\xa9\": 1,");  // without the \r
    lc = loc.line_col(at(text, "true"));
    CHECK(lc.line == 3);
    CHECK(lc.col == 9);
    lc = loc.line_col(0);
    CHECK((lc.line == 1 && lc.col == 1));
    lc = loc.line_col(text.size());  // the end of the text
    CHECK((lc.line == 4 && lc.col == 2));
    CHECK(loc.line_text(text.size() - 1) == "}");
    // Lines only (text that does not parse): no scan, positions still work.
    const JsonLocator broken("[1,\n  tru", false);
    CHECK(broken.line_col(8).line == 2);
    CHECK(broken.line_col(8).col == 5);
    CHECK(myoscreen::detail::describe_offset("[1,\n  tru", 8) == "line 2, column 5");
}

TEST_CASE("repeated keys are found, with the pointer of the repeat and the offset of its key") {
    const std::string text = R"({"a": 1, "b": {"x": 1, "y": [{"x": 0}], "x": 2}, "a": 3, "c": {"a": 4}})";
    const JsonLocator loc(text);
    const auto& d = loc.duplicates();
    REQUIRE(d.size() == 2);
    CHECK(d[0].pointer == "/b/x");
    CHECK(d[0].offset == at(text, "\"x\": 2"));
    CHECK(d[1].pointer == "/a");
    CHECK(d[1].offset == at(text, "\"a\": 3"));
    // The same key in different objects is no repeat; an escaped key is read
    // as its text ("\n" twice is a repeat).
    CHECK(JsonLocator(R"({"k": {"k": 1}, "j": [{"k": 1}, {"k": 2}]})").duplicates().empty());
    CHECK(JsonLocator(R"({"a\nb": 1, "a\nb": 2})").duplicates().size() == 1);
}

TEST_CASE("nesting deeper than 64 levels stops the scan and says where") {
    const std::string ok = nested_arrays(64);
    CHECK_FALSE(JsonLocator(ok).too_deep());
    const std::string deep = nested_arrays(65);
    const JsonLocator loc(deep);
    CHECK(loc.too_deep());
    CHECK(loc.too_deep_offset() == 64);  // the 65th '['
    const std::string objects = R"({"a": )" + nested_arrays(70) + "}";
    const JsonLocator o(objects);
    CHECK(o.too_deep());
    CHECK(o.too_deep_offset() == at(objects, "[") + 63);
}

TEST_CASE("a NUL byte is found wherever it is") {
    using myoscreen::detail::find_nul_byte;
    CHECK(find_nul_byte("{}") == std::string_view::npos);
    CHECK(find_nul_byte("") == std::string_view::npos);
    CHECK(find_nul_byte(std::string_view("{}\0 trailing", 12)) == 2);
    CHECK(find_nul_byte(std::string_view("{\"a\0\"}", 6)) == 3);
    // Why it matters: nlohmann-json reads a NUL between tokens as the end.
    CHECK(std::string(myoscreen::detail::nul_byte_reason) == "a NUL byte is not allowed in JSON text");
}

TEST_CASE("a parse error's reason leaves out the text it had read") {
    const std::string text = R"({"age": CANARY})";
    std::string what;
    try {
        const auto j = nlohmann::json::parse(text);
        FAIL("parsed: " << j.dump());
    } catch (const nlohmann::json::parse_error& e) {
        what = e.what();
    }
    REQUIRE(what.find("last read: ") != std::string::npos);  // nlohmann's own message replays data
    const std::string reason = myoscreen::detail::json_parse_reason(what);
    CHECK(reason.find("CANARY") == std::string::npos);
    CHECK(reason.find("json.exception") == std::string::npos);
    CHECK(reason == "invalid literal");
    CHECK(myoscreen::detail::json_parse_reason("") == "syntax error");
}

TEST_CASE("line_cols: one pass over ascending offsets, columns in characters, npos unlocated") {
    using myoscreen::detail::line_cols;
    const std::string text = "{\n  \"a\": 1,\n  \"é\": 2, \"b\": 3\n}";
    const auto lc = line_cols(text, {0, at(text, "\"a\""), std::string_view::npos, at(text, "\"b\""), 0});
    REQUIRE(lc.size() == 5);
    CHECK((lc[0].line == 1 && lc[0].col == 1));
    CHECK((lc[1].line == 2 && lc[1].col == 3));
    CHECK((lc[2].line == 0 && lc[2].col == 0));
    CHECK((lc[3].line == 3 && lc[3].col == 11));  // "é" is two bytes, one column
    CHECK((lc[4].line == 1 && lc[4].col == 1));   // a step back starts again
    // The same as line_col, offset by offset.
    const JsonLocator loc(text, false);
    for (std::size_t k = 0; k <= text.size(); ++k) {
        const auto one = line_cols(text, {k}).front();
        CHECK((one.line == loc.line_col(k).line && one.col == loc.line_col(k).col));
    }
}
