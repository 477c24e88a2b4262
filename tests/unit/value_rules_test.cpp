// One table of answer values (value_rules_cases.tsv), each fed as a JSON
// answers object, as a JSON Lines record, as a record simdjson refuses (so
// the slower reader gives its verdict) and as a CSV cell: every path must
// give the verdict the table says (docs/answers.md, Value rules), and a
// refusal the kind (Refusal) the table says.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "myoscreen/answers.hpp"
#include "myoscreen/records.hpp"

using namespace myoscreen;

namespace {

struct Case {
    int line = 0;
    std::string question, column;  // column: the CSV header name (question, or e.g. weight_lb)
    std::string json, csv, verdict;
    std::string code;  // to_string(Refusal) of the one error, "-" when accepted
};

std::vector<std::string> split_tabs(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = s.find('\t', start);
        out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

std::vector<Case> load_cases() {
    std::ifstream in(MYOSCREEN_SOURCE_DIR "/tests/unit/value_rules_cases.tsv");
    REQUIRE(in);
    std::vector<Case> cases;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const auto f = split_tabs(line);
        INFO("value_rules_cases.tsv:" << n << ": " << line);
        REQUIRE(f.size() == 5);
        Case c{n, f[0], f[0], f[1], f[2], f[3], f[4]};
        REQUIRE((c.code == "-") == (c.verdict[0] != '!'));
        if (const auto at = c.question.find('@'); at != std::string::npos) {
            c.column = c.question.substr(at + 1);
            c.question.resize(at);
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

const Definitions& defs() {
    static const Definitions d = load_embedded_definitions();
    return d;
}

// "= VALUE" as answers_to_json writes the answer, "= unanswered", or
// "! REASON" for exactly one error, on the question; then its kind.
std::string verdict(const Case& c, const std::vector<AnswerError>& errors, const Answers& answers) {
    CHECK(std::string(errors.size() == 1 ? to_string(errors[0].code) : "-") == c.code);
    if (errors.size() == 1 && errors[0].field == c.question) return "! " + errors[0].reason;
    if (!errors.empty()) {
        std::string all = "?? errors:";
        for (const auto& e : errors) all += " [" + e.field + ": " + e.reason + "]";
        return all;
    }
    const std::string obj = answers_to_json(defs(), answers);
    if (obj == "{}") return "= unanswered";
    const std::string head = "{\"" + c.question + "\":";
    if (!obj.starts_with(head)) return "?? answers " + obj;
    return "= " + obj.substr(head.size(), obj.size() - head.size() - 1);
}

std::vector<AnswerError> read_record(JsonAnswersReader& reader, const std::string& record, Answers& out, std::string& id) {
    const std::string buf = record + std::string(JsonAnswersReader::padding, ' ');
    bool has_id = false;
    auto errors = reader.read(std::string_view(buf).substr(0, record.size()), out, "id", id, has_id);
    CHECK(has_id);
    CHECK(id == "r1");
    return errors;
}

}  // namespace

TEST_CASE("value rules: one verdict per value, in every path (value_rules_cases.tsv)") {
    const auto cases = load_cases();
    REQUIRE(cases.size() > 50);
    JsonAnswersReader reader(defs());
    for (const Case& c : cases) {
        INFO("value_rules_cases.tsv:" << c.line << ": " << c.question << " | " << c.json << " | " << c.csv);
        REQUIRE(defs().question_index(c.question) >= 0);
        Answers answers;
        std::string id;
        if (c.json != "-") {
            const std::string member = "\"" + c.question + "\": " + c.json;
            {
                INFO("as a JSON answers object");
                const auto errors = parse_json_answers(defs(), "{" + member + "}", answers);
                CHECK(verdict(c, errors, answers) == c.verdict);
            }
            {
                INFO("as a JSON Lines record");
                const auto errors = read_record(reader, "{\"id\": \"r1\", " + member + "}", answers, id);
                CHECK(verdict(c, errors, answers) == c.verdict);
            }
            {
                INFO("as a JSON Lines record that simdjson refuses (a number beyond a double after it)");
                const std::string other = c.question == "weight_kg" ? "height_cm" : "weight_kg";
                auto errors = read_record(reader, "{\"id\": \"r1\", " + member + ", \"" + other + "\": 1e400}", answers, id);
                REQUIRE_FALSE(errors.empty());
                CHECK(errors.back().field == other);
                CHECK(errors.back().reason == "not a finite number");
                CHECK(errors.back().code == Refusal::not_finite);
                errors.pop_back();
                CHECK(verdict(c, errors, answers) == c.verdict);
            }
        }
        if (c.csv != "-") {
            INFO("as a CSV cell");
            std::vector<AnswerError> errors;
            const CsvLayout layout = map_csv_header(defs(), {"id", c.column}, "id", errors);
            REQUIRE(errors.empty());
            const std::string record = "r1," + c.csv;  // the fields are views into it
            CsvFields fields;
            std::string why;
            REQUIRE(split_csv_record(record, fields, &why));
            answers = Answers(defs().questions.size());
            parse_csv_row(defs(), layout, fields.views, answers, id, errors);
            CHECK(id == "r1");
            CHECK(verdict(c, errors, answers) == c.verdict);
        }
    }
}

TEST_CASE("value rules: reasons never hold the value") {
    for (const Case& c : load_cases()) {
        if (c.verdict[0] != '!') continue;
        for (const std::string& value : {c.json, c.csv}) {
            std::string text = value;  // the value without JSON or CSV quotes
            if (text.size() >= 2 && text.front() == '"') text = text.substr(1, text.size() - 2);
            if (text.size() < 3 || text == "-" || text == "none") continue;  // too short to tell
            INFO("value_rules_cases.tsv:" << c.line);
            CHECK(c.verdict.find(text) == std::string::npos);
        }
    }
}
