// The record source: bytes cut into records (RecordSplitter) and each record
// read into answers or error reasons (RecordParser), for every batch format.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/records.hpp"

using namespace myoscreen;

namespace {

// Every record of `text`, read `block` bytes at a time; "<too long>" for a skipped one.
std::vector<std::string> split(std::string_view text, RecordFormat f, std::size_t max = 1000, std::size_t block = 3) {
    StringSource in(text, block);
    RecordSplitter s(in, f, max);
    std::vector<std::string> out;
    RecordSplitter::Record r;
    while (s.next(r)) out.push_back(r.too_long ? "<too long>" : std::string(r.text));
    CHECK(s.bytes_read() == text.size());
    return out;
}

// One record through a parser, with the padding JSON needs after it.
struct Parse {
    RecordParser parser;
    Answers answers{test::mini().questions.size()};
    std::string buf;
    Parse(RecordFormat f, const CsvLayout* layout = nullptr)
        : parser(test::mini(), RecordParser::Options{f, layout, "id", "too long"}) {}
    RecordParser::Result operator()(const std::string& record, bool too_long = false) {
        buf = record + std::string(JsonAnswersReader::padding, ' ');
        return parser.read(std::string_view(buf).substr(0, record.size()), too_long, answers);
    }
};

}  // namespace

TEST_CASE("the splitter cuts JSON Lines at line breaks, whatever the blocks") {
    for (std::size_t block : {1, 2, 3, 7, 1 << 20}) {
        const auto r = split("\xEF\xBB\xBF{\"a\": 1}\r\n\n  \n{\"b\": 2}\n{\"c\": 3}", RecordFormat::jsonl, 1000, block);
        REQUIRE(r.size() == 3);
        CHECK(r[0] == "{\"a\": 1}");
        CHECK(r[1] == "{\"b\": 2}");
        CHECK(r[2] == "{\"c\": 3}");  // the last record needs no line break
    }
    CHECK(split("", RecordFormat::jsonl).empty());
    CHECK(split("\n\n", RecordFormat::fhir).empty());
}

TEST_CASE("the splitter keeps CSV line breaks inside quotes") {
    const auto r = split("age,sex\n70,\"a\nb\"\r\n,\n", RecordFormat::csv);
    REQUIRE(r.size() == 3);
    CHECK(r[1] == "70,\"a\nb\"");
    CHECK(r[2] == ",");
}

TEST_CASE("a record longer than the limit is skipped and reported, the next one read") {
    const auto r = split("{\"x\": 1}\n" + std::string(50, 'x') + "\n{\"y\": 2}\n", RecordFormat::jsonl, 20, 4);
    REQUIRE(r.size() == 3);
    CHECK(r[1] == "<too long>");
    CHECK(r[2] == "{\"y\": 2}");
}

TEST_CASE("peek sees the first character without consuming it") {
    StringSource in("\xEF\xBB\xBF  \n{\"age\": 70}\n", 1);  // the mark one byte at a time
    RecordSplitter s(in, RecordFormat::csv, 1000);
    CHECK(s.peek() == '{');
    s.set_format(RecordFormat::jsonl);
    RecordSplitter::Record r;
    REQUIRE(s.next(r));
    CHECK(r.text == "{\"age\": 70}");
}

TEST_CASE("the parser reads JSON Lines records and their errors") {
    Parse p(RecordFormat::jsonl);
    CHECK(p(R"J({"id": "r1", "age": 70})J") == RecordParser::Result::answers);
    CHECK(p.parser.has_id());
    CHECK(p.parser.id() == "r1");
    CHECK(p.answers.values[0].num == 70);
    CHECK(p(R"J({"id": "r2", "age": "old"})J") == RecordParser::Result::error);
    CHECK(p.parser.id() == "r2");
    REQUIRE(p.parser.errors().size() == 1);
    CHECK(p.parser.errors()[0].field == "age");
    CHECK(p.parser.errors()[0].reason.find("old") == std::string::npos);  // never the value
    CHECK(p("x", true) == RecordParser::Result::error);
    CHECK_FALSE(p.parser.has_id());
    REQUIRE(p.parser.errors().size() == 1);
    CHECK(p.parser.errors()[0].reason == "too long");
}

TEST_CASE("the parser reads CSV rows by the header's layout") {
    std::vector<AnswerError> errs;
    const CsvLayout layout = map_csv_header(test::mini(), {"id", "age", "sex"}, "id", errs);
    REQUIRE(errs.empty());
    Parse p(RecordFormat::csv, &layout);
    CHECK(p("r1,70,male") == RecordParser::Result::answers);
    CHECK(p.parser.id() == "r1");
    CHECK(p.answers.values[1].num == 1);
    CHECK(p(" , ,") == RecordParser::Result::blank);
    CHECK(p("r2,seventy-x,male") == RecordParser::Result::error);
    CHECK(p.parser.has_id());
    CHECK(p.parser.id() == "r2");
    CHECK(p.parser.errors()[0].field == "age");
    CHECK(p("r3,\"70\"x,male") == RecordParser::Result::error);
    CHECK_FALSE(p.parser.has_id());
    CHECK(p.parser.errors()[0].field.empty());
    CHECK(p("r4,\xff,male") == RecordParser::Result::error);
    CHECK(p.parser.errors()[0].reason == "invalid UTF-8 at byte 4 of the record");
}

TEST_CASE("the parser reads REDCap rows through the REDCap layout") {
    std::vector<AnswerError> errs;
    const CsvLayout layout = map_redcap_header(test::mini(), {"record_id", "age", "conds___a", "conds___b", "conds___c", "conds___none"}, errs);
    REQUIRE(errs.empty());
    Parse p(RecordFormat::csv, &layout);
    CHECK(p("7,70,1,0,1,0") == RecordParser::Result::answers);
    CHECK(p.parser.id() == "7");
    CHECK(p("8,70,2,0,1,0") == RecordParser::Result::error);
    CHECK(p.parser.errors()[0].field == "conds");
}

TEST_CASE("the parser reads FHIR QuestionnaireResponses") {
    Parse p(RecordFormat::fhir);
    const std::string url = test::mini().canonical_url();
    CHECK(p(R"J({"resourceType": "QuestionnaireResponse", "id": "q1", "status": "completed", "questionnaire": ")J" + url +
            R"J(", "item": [{"linkId": "age", "answer": [{"valueInteger": 70}]}]})J") == RecordParser::Result::answers);
    CHECK(p.parser.id() == "q1");
    CHECK(p.answers.values[0].num == 70);
    CHECK(p(R"J({"resourceType": "Patient"})J") == RecordParser::Result::error);
    CHECK_FALSE(p.parser.errors().empty());
}
