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
    std::vector<std::string_view> unknown;
    std::string buf;

    std::optional<AnswerError> read(const std::string& record) {
        buf = record + std::string(JsonlReader::padding, ' ');
        return reader.read(std::string_view(buf).substr(0, record.size()), answers, "id", id, has_id, unknown);
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
