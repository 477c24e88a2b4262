// Batch records: JSON Lines objects, and CSV records (where each ends, its fields).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/records.hpp"

using namespace myoscreen;

namespace {
// One JSON Lines record through JsonAnswersReader, with the padding it needs.
struct Jsonl {
    JsonAnswersReader reader{test::mini()};
    Answers answers;
    std::string id;
    bool has_id = false;
    std::string buf;

    std::vector<AnswerError> read(const std::string& record) {
        buf = record + std::string(JsonAnswersReader::padding, ' ');
        return reader.read(std::string_view(buf).substr(0, record.size()), answers, "id", id, has_id);
    }
};
}  // namespace

TEST_CASE("JSON Lines: the id is read whatever the key order") {
    Jsonl j;
    auto e = j.read(R"J({"sex": "zzz", "id": "r1"})J");
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "sex");
    CHECK(j.has_id);
    CHECK(j.id == "r1");
    e = j.read(R"J({"age": 5, "id": 17})J");
    REQUIRE(e.size() == 1);
    CHECK(j.has_id);
    CHECK(j.id == "17");
    e = j.read(R"J({"age": 5, "id": null})J");
    REQUIRE(e.size() == 1);
    CHECK_FALSE(j.has_id);
    e = j.read(R"J({"id": null, "age": 70, "id": "r2"})J");
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "id");
    CHECK(e[0].reason.find("twice") != std::string::npos);
    CHECK(j.read(R"J({"age": 70, "id": "r3"})J").empty());
    CHECK(j.id == "r3");
    // Ids that are numbers, as simdjson reads them and as the slower reader
    // of a text simdjson refuses (here for its 1e400) reads them.
    for (const auto& [given, want] : std::vector<std::pair<std::string, std::string>>{
             {"-0", "0"}, {"1.0", "1"}, {"1e2", "100"}, {"18446744073709551615", "18446744073709551615"}, {"-17", "-17"}, {"2.5", "2.5"}}) {
        INFO(given);
        CHECK(j.read(R"J({"age": 70, "id": )J" + given + "}").empty());
        CHECK(j.id == want);
        REQUIRE(j.read(R"J({"age": 1e400, "id": )J" + given + "}").size() == 1);
        CHECK(j.id == want);
    }
}

TEST_CASE("JSON Lines: every error of a record, in key order, each naming its question") {
    Jsonl j;
    const auto e = j.read(R"J({"age": 17, "id": "r1", "sex": "x", "SECRET": 1, "tired": 3, "conds": ["a", 2], "age": 70})J");
    REQUIRE(e.size() == 6);
    CHECK(e[0].field == "age");
    CHECK(e[1].field == "sex");
    CHECK(e[2].field.empty());
    CHECK(e[2].reason == "key 4 is not a question id");
    CHECK(e[3].field == "tired");
    CHECK(e[4].field == "conds");
    CHECK(e[4].reason == "expected choice codes as strings");
    CHECK(e[5].field == "age");
    CHECK(e[5].reason == "the question is answered twice (duplicate key)");
    CHECK(j.id == "r1");
}

TEST_CASE("JSON Lines: a key that is no question id is an error named by position") {
    Jsonl j;
    auto e = j.read(R"J({"id": "r1", "age": 70, "SECRET-value": 1})J");
    REQUIRE(e.size() == 1);
    CHECK(e[0].field.empty());
    CHECK(e[0].reason == "key 3 is not a question id");
    CHECK(j.id == "r1");
    e = j.read(R"J({"weight_kgg": 70, "id": "r2"})J");
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "weight_kg");
    CHECK(e[0].reason == "key 1 is not a question id; did you mean 'weight_kg'?");
    CHECK(j.id == "r2");
    CHECK(j.read(R"J({"id": "r3", "age": 70})J").empty());  // the id key is no answer
}

TEST_CASE("CSV records: RFC 4180 quotes, and a quote inside an unquoted field") {
    std::vector<std::string> f;
    std::string err;
    REQUIRE(split_csv_record(R"C(r1,"a,b","say ""hi""",,"x
y")C", f, &err));
    CHECK(f == std::vector<std::string>{"r1", "a,b", R"(say "hi")", "", "x\ny"});
    CHECK_FALSE(split_csv_record(R"C(70,ma"le)C", f, &err));
    CHECK(err == "malformed CSV: quote inside an unquoted field (field 2)");
    CHECK_FALSE(split_csv_record(R"C(70,"male)C", f, &err));
    CHECK(err == "malformed CSV: a quoted field is not closed (field 2)");
    CHECK_FALSE(split_csv_record(R"C("70"x,male)C", f, &err));
    CHECK(err == "malformed CSV: text after the closing quote (field 1)");
    // Views: into the record, or into the unescaped copy for "" fields.
    CsvFields v;
    const std::string rec = R"C(r1,"a,b","say ""hi""","""",,"x
y","")C";
    REQUIRE(split_csv_record(rec, v, &err));
    CHECK(v.views == std::vector<std::string_view>{"r1", "a,b", R"(say "hi")", "\"", "", "x\ny", ""});
    CHECK(v.views[1].data() == rec.data() + 4);  // no copy made
    CHECK_FALSE(split_csv_record(R"C(a,"b""c)C", v, &err));
    CHECK(err == "malformed CSV: a quoted field is not closed (field 2)");
    CHECK_FALSE(split_csv_record(R"C(a,b"c)C", v, &err));
    CHECK(err == "malformed CSV: quote inside an unquoted field (field 2)");
}

TEST_CASE("CSV records: where each one ends, the input fed in pieces of any size") {
    const std::string text = "a,b\n\"x\ny\",\"say \"\"hi\"\"\"\n7,ma\"le\n\"\"\"\n\",z\nlast";
    const std::vector<std::string> want = {"a,b", "\"x\ny\",\"say \"\"hi\"\"\"", "7,ma\"le", "\"\"\"\n\",z", "last"};
    for (std::size_t piece = 1; piece <= text.size(); ++piece) {
        CsvRecordScanner scan;
        std::vector<std::string> got;
        std::size_t start = 0, scanned = 0;
        for (std::size_t have = std::min(piece, text.size());; have = std::min(have + piece, text.size())) {
            const std::string_view buf(text.data(), have);
            for (;;) {
                const std::size_t end = scan.find_end(buf, scanned);
                if (end == std::string_view::npos) {
                    scanned = have;
                    break;
                }
                got.emplace_back(text.substr(start, end - start));
                start = scanned = end + 1;
                scan.next_record();
            }
            if (have == text.size()) break;
        }
        got.emplace_back(text.substr(start));
        INFO("pieces of " << piece);
        CHECK(got == want);
    }
}
