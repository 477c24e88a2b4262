// The CSV report: the header, one row per report in the header's columns, error rows, and RFC 4180 quoting of ids.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

Report run(const char* json) { return test::screen_mini(json); }

std::string row(const Report& r, std::optional<std::string_view> id) {
    RenderOptions ro;
    ro.id = id;
    std::string out;
    render_csv_row(r, out, ro);
    return out;
}

// One CSV line (ending in "\n") split into its fields, quotes undone.
std::vector<std::string> fields(const std::string& line) {
    REQUIRE(!line.empty());
    REQUIRE(line.back() == '\n');
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && line[i + 1] == '"') out.back() += '"', ++i;
        else if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) out.emplace_back();
        else out.back() += c;
    }
    CHECK_FALSE(quoted);
    return out;
}

}  // namespace

TEST_CASE("csv: the header names the flag, each factor, each instrument's score and band, the error") {
    std::string out;
    render_csv_header(test::mini(), out);
    CHECK(out == "id,complete,flag,urgency,f,ins_score,ins_band,ruled_score,ruled_band,error\n");
}

TEST_CASE("csv: a row in the header's columns") {
    std::string header;
    render_csv_header(test::mini(), header);
    const std::vector<std::string> names = fields(header);

    // Female: "ruled" does not apply (empty score and band); ins is 2 = high.
    std::string line = row(run(R"J({"age": 70, "sex": "female", "tired": true})J"), "p1");
    CHECK(line == "p1,false,false,none,likely,2,high,,,\n");
    CHECK(fields(line).size() == names.size());

    // Everything answered, a red flag raised.
    line = row(run(R"J({"age": 50, "sex": "male", "weight_kg": 70, "height_cm": 175, "tired": true, "conds": ["a", "c"],
                       "male_q": true})J"),
               "p2");
    const std::vector<std::string> f = fields(line);
    REQUIRE(f.size() == names.size());
    CHECK(f[0] == "p2");
    CHECK(f[1] == "true");
    CHECK(f[2] == "true");
    CHECK(f[3] == "emergency");
    CHECK(f[4] == "possible");
    CHECK(f[5] == "4");  // tired 2 + two conditions 1 + male_q 1
    CHECK(f[6] == "high");
    CHECK(f[7] == "1");
    CHECK(f[8] == "pos");
    CHECK(f[9].empty());
}

TEST_CASE("csv: an undecided band is empty, the score counts the known items") {
    const std::vector<std::string> f = fields(row(run("{}"), "x"));
    CHECK(f[3] == "none");
    CHECK(f[4] == "unknown");
    CHECK(f[5] == "0");
    CHECK(f[6].empty());
    CHECK(f[7] == "0");
    CHECK(f[8].empty());
}

TEST_CASE("csv: without an id the id cell is empty (a row's position is its record)") {
    const Report r = run("{}");
    CHECK(row(r, std::nullopt).rfind(",false,", 0) == 0);
}

TEST_CASE("csv: ids with commas, quotes or line breaks are quoted, quotes doubled") {
    const Report r = run("{}");
    CHECK(row(r, "plain id").rfind("plain id,false,", 0) == 0);
    CHECK(row(r, "a,b").rfind("\"a,b\",false,", 0) == 0);
    CHECK(row(r, "say \"hi\"").rfind("\"say \"\"hi\"\"\",false,", 0) == 0);
    CHECK(row(r, "two\nlines").rfind("\"two\nlines\",false,", 0) == 0);
    CHECK(fields(row(r, "a,\"b\",c"))[0] == "a,\"b\",c");
}

TEST_CASE("csv: an error row keeps the columns, the message in the last one") {
    std::string header, out;
    render_csv_header(test::mini(), header);
    const std::vector<AnswerError> one{{"age", "out of range"}};
    render_error_csv(test::mini(), 3, std::string_view("x,y"), one, out);
    CHECK(out == "\"x,y\",,,,,,,,,record 3: age: out of range\n");
    CHECK(fields(out).size() == fields(header).size());
    out.clear();
    const std::vector<AnswerError> whole{{"", "not JSON, at byte 2"}};
    render_error_csv(test::mini(), 4, std::nullopt, whole, out);
    CHECK(out == "4,,,,,,,,,\"record 4: not JSON, at byte 2\"\n");
    out.clear();
    const std::vector<AnswerError> two{{"age", "out of range"}, {"sex", "not one of the choices"}};
    render_error_csv(test::mini(), 5, std::nullopt, two, out);
    CHECK(out == "5,,,,,,,,,record 5: age: out of range; sex: not one of the choices\n");
}
