#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/records.hpp"

using namespace myoscreen;

namespace {
// One JSON Lines record through JsonlReader, with the padding it needs.
struct Jsonl {
    JsonlReader reader{test::mini()};
    Answers answers;
    std::string id;
    bool has_id = false;
    std::string buf;

    std::optional<AnswerError> read(const std::string& record) {
        buf = record + std::string(JsonlReader::padding, ' ');
        return reader.read(std::string_view(buf).substr(0, record.size()), answers, "id", id, has_id);
    }
};
}  // namespace

TEST_CASE("JSON Lines: the id is read whatever the key order") {
    Jsonl j;
    auto e = j.read(R"J({"sex": "zzz", "id": "r1"})J");
    REQUIRE(e);
    CHECK(e->field == "sex");
    CHECK(j.has_id);
    CHECK(j.id == "r1");
    e = j.read(R"J({"age": 5, "id": 17})J");
    REQUIRE(e);
    CHECK(j.has_id);
    CHECK(j.id == "17");
    e = j.read(R"J({"age": 5, "id": null})J");
    REQUIRE(e);
    CHECK_FALSE(j.has_id);
    e = j.read(R"J({"id": null, "age": 70, "id": "r2"})J");
    REQUIRE(e);
    CHECK(e->reason.find("twice") != std::string::npos);
    CHECK_FALSE(j.read(R"J({"age": 70, "id": "r3"})J"));
    CHECK(j.id == "r3");
}

TEST_CASE("JSON Lines: a key that is no question id is an error named by position") {
    Jsonl j;
    auto e = j.read(R"J({"id": "r1", "age": 70, "SECRET-value": 1})J");
    REQUIRE(e);
    CHECK(e->field.empty());
    CHECK(e->reason == "key 3 is not a question id");
    CHECK(j.id == "r1");
    e = j.read(R"J({"weight_kgg": 70, "id": "r2"})J");
    REQUIRE(e);
    CHECK(e->field == "weight_kg");
    CHECK(e->reason == "key 1 is not a question id; did you mean 'weight_kg'?");
    CHECK(j.id == "r2");
    CHECK_FALSE(j.read(R"J({"id": "r3", "age": 70})J"));  // the id key is no answer
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
