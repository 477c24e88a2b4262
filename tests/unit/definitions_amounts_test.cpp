// How typed answers are understood, as the definitions say it: amounts on
// choice questions, a choice's own words and the answer words. What loads
// and every error, located.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/diagnostic.hpp"

using namespace myoscreen;

namespace {

constexpr std::string_view sex_question =
    R"({"id": "sex", "section": "s", "type": "choice", "text": "Sex?", "choices": [{"code": "female", "label": "Female"}, {"code": "male", "label": "Male"}]})";

// The mini definitions with one more question (after sex) and, optionally,
// top-level answer words.
std::string with(std::string_view question, std::string_view answer_words = {}) {
    std::string s = test::mini_json;
    const auto at = s.find(sex_question);
    REQUIRE(at != std::string::npos);
    s.insert(at + sex_question.size(), ",\n    " + std::string(question));
    if (!answer_words.empty()) s.insert(s.find("\"sections\""), "\"answer_words\": " + std::string(answer_words) + ",\n  ");
    return s;
}

std::string load_error(std::string_view question, std::string_view answer_words = {}) {
    try {
        load_definitions(with(question, answer_words), "d.json");
    } catch (const DefinitionsError& e) {
        return format_diagnostic(e.diagnostics().at(0));
    }
    return "loaded";
}

void has(const std::string& error, const std::string& part) {
    INFO(error);
    CHECK(error.find(part) != std::string::npos);
}

constexpr std::string_view falls = R"({"id": "falls", "section": "s", "type": "choice", "text": "Falls?",
  "amount": {"whole": true, "words": ["falls", "fall"], "source": "s"},
  "choices": [{"code": "none", "label": "None", "amount": {"min": 0, "max": 0}},
              {"code": "few", "label": "1 to 3 times", "amount": {"min": 1, "max": 3}},
              {"code": "many", "label": "4 or more times", "amount": {"above": 3}}]})";

}  // namespace

TEST_CASE("amounts on a choice question: a number is the amount") {
    const Definitions d = load_definitions(with(falls), "d.json");
    const Question& q = d.questions[static_cast<std::size_t>(d.question_index("falls"))];
    REQUIRE(q.amounts);
    const auto typed = [&](const char* text) {
        Answer a;
        const auto err = parse_typed_answer(q, text, a, {.words = &d.words});
        return err ? "! " + err->reason : q.choices[static_cast<std::size_t>(a.num)].code;
    };
    CHECK(typed("0") == "none");
    CHECK(typed("1") == "few");  // not the first choice
    CHECK(typed("3") == "few");
    CHECK(typed("3.5") == "! must be a whole number of falls; type the amount as a number of falls, or a word from a choice");
    CHECK(typed("4") == "many");
    CHECK(typed("2 falls") == "few");
    CHECK(typed("many") == "many");
}

TEST_CASE("amounts on a choice question: every loading error, located") {
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?", "amount": {"source": "s"},
        "choices": [{"code": "a", "label": "A", "amount": {"min": 0, "max": 2}}, {"code": "b", "label": "B", "amount": {"min": 2}}]})"),
        "the range overlaps that of \"a\" (from 0) (at /questions/2/choices/1/amount)");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?",
        "choices": [{"code": "a", "label": "A", "amount": {"min": 0, "max": 2}}]})"),
        "choices carry amounts but the question has no \"amount\"");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?", "amount": {"source": "s"},
        "choices": [{"code": "a", "label": "A", "amount": {"min": 3, "below": 3}}]})"),
        "the range holds no amount");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?", "amount": {"source": "s"},
        "choices": [{"code": "a", "label": "A", "amount": {"min": 0, "above": 1}}]})"),
        "exactly one of \"min\" (included) or \"above\" (excluded)");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?", "amount": {"source": "s"},
        "choices": [{"code": "a", "label": "A"}]})"),
        "no choice carries an \"amount\" range");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?", "amount": {"unit": "stone", "source": "s"},
        "choices": [{"code": "a", "label": "A", "amount": {"min": 0}}]})"),
        "unknown unit \"stone\"");
    has(load_error(R"({"id": "x", "section": "s", "type": "multi_choice", "text": "X?", "amount": {"source": "s"},
        "choices": [{"code": "a", "label": "A", "amount": {"min": 0}}]})"),
        "\"amount\" applies only to choice questions");
}

TEST_CASE("a choice's own words: matched whole, never two ways") {
    const std::string often = R"({"id": "often", "section": "s", "type": "choice", "text": "How often?",
      "choices": [{"code": "all", "label": "All of the time", "words": ["always"]},
                  {"code": "none_of_it", "label": "None of the time", "words": ["never"]}]})";
    const Definitions d = load_definitions(with(often), "d.json");
    const Question& q = d.questions[static_cast<std::size_t>(d.question_index("often"))];
    Answer a;
    REQUIRE_FALSE(parse_typed_answer(q, "Always", a, {.strict = true}));
    CHECK(a.num == 0);
    REQUIRE_FALSE(parse_typed_answer(q, "never", a, {.strict = true}));
    CHECK(a.num == 1);
    CHECK(parse_typed_answer(q, "alway", a, {.strict = true}));  // a word is matched whole, not by its start

    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?",
        "choices": [{"code": "a", "label": "A", "words": ["b"]}, {"code": "b", "label": "B"}]})"),
        "\"b\" already answers to choice \"b\" (at /questions/2/choices/0/words/0)");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?",
        "choices": [{"code": "a", "label": "A", "words": ["z"]}, {"code": "b", "label": "B", "words": ["z"]}]})"),
        "\"z\" already answers to choice \"b\"");
    has(load_error(R"({"id": "x", "section": "s", "type": "choice", "text": "X?",
        "choices": [{"code": "a", "label": "A", "words": ["Always"]}, {"code": "b", "label": "B"}]})"),
        "answer words are written in lower case");
}

TEST_CASE("answer words: what loads and every error, located") {
    const Definitions d = load_definitions(with(falls, R"({"yes": ["aye"], "no": ["nay"], "numbers": {"thrice": 3}, "source": "s"})"), "d.json");
    const Question& tired = d.questions[static_cast<std::size_t>(d.question_index("tired"))];
    Answer a;
    REQUIRE_FALSE(parse_typed_answer(tired, "aye", a, {.words = &d.words}));
    CHECK(a.num == 1);
    const Question& q = d.questions[static_cast<std::size_t>(d.question_index("falls"))];
    REQUIRE_FALSE(parse_typed_answer(q, "thrice", a, {.words = &d.words}));
    CHECK(q.choices[static_cast<std::size_t>(a.num)].code == "few");

    has(load_error(falls, R"({"yes": ["ok"], "no": ["ok"], "source": "s"})"), "\"ok\" is both a yes and a no word (at /answer_words/no)");
    has(load_error(falls, R"({"yes": ["Yes"], "source": "s"})"), "answer words are written in lower case (at /answer_words/yes/0)");
    has(load_error(falls, R"({"numbers": {"once": -1}, "source": "s"})"), "expected a number of at least 0 (at /answer_words/numbers/once)");
    has(load_error(falls, R"({"maybe": ["perhaps"], "source": "s"})"), "maybe");
}
