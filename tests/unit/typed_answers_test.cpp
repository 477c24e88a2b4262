// The table of typed answers (typed_answers_cases.tsv) through the one
// parser the dialogue, piped lines and cells share: each row understood as
// the table says, or refused with its reason and its kind (Refusal).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "myoscreen/answers.hpp"

using namespace myoscreen;

TEST_CASE("typed answers: one table through the shared parser (typed_answers_cases.tsv)") {
    static const Definitions d = load_embedded_definitions();
    std::ifstream in(MYOSCREEN_SOURCE_DIR "/tests/unit/typed_answers_cases.tsv");
    REQUIRE(in);
    std::string line;
    int n = 0, rows = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        REQUIRE(t2 != std::string::npos);
        const std::string id = line.substr(0, t1), text = line.substr(t1 + 1, t2 - t1 - 1);
        const std::string want = line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1);
        const std::string want_code = t3 == std::string::npos ? "-" : line.substr(t3 + 1);
        const int qi = d.question_index(id);
        REQUIRE(qi >= 0);
        Answers answers(d.questions.size());
        const auto err = parse_typed_answer(d.questions[qi], text, answers.values[qi], {.words = &d.words});
        std::string got;
        if (err) got = "! " + err->reason;
        else {
            const std::string obj = answers_to_json(d, answers);
            const auto colon = obj.find(':');
            got = "= " + obj.substr(colon + 1, obj.size() - colon - 2);
        }
        INFO("typed_answers_cases.tsv:" << n << ": " << id << " | " << text);
        CHECK(got == want);
        CHECK(std::string(err ? to_string(err->code) : "-") == want_code);
        ++rows;
    }
    CHECK(rows > 30);
}
