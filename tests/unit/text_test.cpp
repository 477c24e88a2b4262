// Text helpers (myoscreen/text.hpp): UTF-8 checking, display width with
// UTF-8 and ANSI escapes, and word wrapping.
#include <catch2/catch.hpp>

#include <string>

#include "myoscreen/text.hpp"

using namespace myoscreen;

namespace {

std::string wrapped(std::string_view text, int width, int first_cols = 0, std::string_view indent = "") {
    std::string out;
    append_wrapped(out, text, width, first_cols, indent);
    return out;
}

constexpr auto npos = std::string_view::npos;

}  // namespace

TEST_CASE("find_invalid_utf8 accepts valid UTF-8 of every length") {
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("plain ASCII, longer than one 8-byte word") == npos);
    CHECK(find_invalid_utf8("h\xc3\xa9llo") == npos);               // é
    CHECK(find_invalid_utf8("\xe2\x82\xac 5") == npos);             // €
    CHECK(find_invalid_utf8("\xf0\x9f\x98\x80") == npos);           // U+1F600
    CHECK(find_invalid_utf8("\xf4\x8f\xbf\xbf") == npos);           // U+10FFFF, the last
    CHECK(find_invalid_utf8("\xed\x9f\xbf \xee\x80\x80") == npos);  // either side of the surrogates
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad sequence") {
    CHECK(find_invalid_utf8("abc\xff") == 3);
    CHECK(find_invalid_utf8("\x80") == 0);                 // a lone continuation byte
    CHECK(find_invalid_utf8("\xc3(") == 0);                // a lead byte without its continuation
    CHECK(find_invalid_utf8("ab\xe2\x82") == 2);           // cut short at the end
    CHECK(find_invalid_utf8("\xc0\xaf") == 0);             // overlong '/'
    CHECK(find_invalid_utf8("\xe0\x80\xaf") == 0);         // overlong, 3 bytes
    CHECK(find_invalid_utf8("\xf0\x80\x80\xaf") == 0);     // overlong, 4 bytes
    CHECK(find_invalid_utf8("\xed\xa0\x80") == 0);         // a UTF-16 surrogate
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0);     // past U+10FFFF
    CHECK(find_invalid_utf8("\xf8\x88\x80\x80\x80") == 0); // no 5-byte forms
    // After the 8-bytes-at-a-time ASCII runs, and after valid multibyte text.
    CHECK(find_invalid_utf8("abcdefghijklmnop\x80") == 16);
    CHECK(find_invalid_utf8("abcdefg\xc3\xa9\xff") == 9);
    CHECK(find_invalid_utf8(std::string_view("a\0b\xfe", 4)) == 3);  // NUL is valid UTF-8
}

TEST_CASE("display_width counts characters, not bytes, and skips ANSI colour escapes") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("h\xc3\xa9llo") == 5);
    CHECK(display_width("\xe2\x82\xac\xf0\x9f\x98\x80") == 2);
    CHECK(display_width("\x1b[1mbold\x1b[0m") == 4);
    CHECK(display_width("\x1b[1;31m!\x1b[0m \xc3\xa9") == 3);
}

TEST_CASE("append_wrapped wraps at word boundaries and indents the following lines") {
    CHECK(wrapped("the quick brown fox", 10, 0, "  ") == "the quick\n  brown\n  fox\n");
    // A line may be exactly the width.
    CHECK(wrapped("aaaa bbbbb", 10) == "aaaa bbbbb\n");
    CHECK(wrapped("aaaa bbbbbb", 10) == "aaaa\nbbbbbb\n");
    // Runs of spaces collapse; leading and trailing spaces go.
    CHECK(wrapped("  a    b  ", 10) == "a b\n");
    CHECK(wrapped("", 10) == "\n");
    // A word longer than the width is never split.
    CHECK(wrapped("a verylongword b", 5) == "a\nverylongword\nb\n");
    // It appends.
    std::string out = "> ";
    append_wrapped(out, "x y", 10, 2, "  ");
    CHECK(out == "> x y\n");
}

TEST_CASE("append_wrapped counts the columns already written on the first line") {
    // 15 columns written: "alpha" fits (to 20), "beta" goes to the next line.
    CHECK(wrapped("alpha beta", 20, 15, "    ") == "alpha\n    beta\n");
    // The first word is written even if it does not fit after first_cols.
    CHECK(wrapped("alpha", 10, 8, "") == "alpha\n");
    // The indent's width counts on the following lines.
    CHECK(wrapped("aa bb cc", 6, 0, "    ") == "aa bb\n    cc\n");
    CHECK(wrapped("aa bb cc dd", 7, 0, "    ") == "aa bb\n    cc\n    dd\n");
}

TEST_CASE("append_wrapped measures UTF-8 and coloured words by what shows") {
    const std::string e3 = "\xc3\xa9\xc3\xa9\xc3\xa9";  // 3 columns, 6 bytes
    CHECK(wrapped(e3 + " " + e3, 7) == e3 + " " + e3 + "\n");
    CHECK(wrapped(e3 + " " + e3, 6) == e3 + "\n" + e3 + "\n");
    const std::string bold = "\x1b[1mbold\x1b[0m";  // 4 columns
    CHECK(wrapped(bold + " word", 9) == bold + " word\n");
    CHECK(wrapped(bold + " words", 9) == bold + "\nwords\n");
}
