// The questionnaire walk (myoscreen::Session: answers, skip, back, help,
// skip logic, restore) and the saved-session file (session_to_json,
// read_session and each SessionRead::Kind).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "myoscreen/session.hpp"

using namespace myoscreen;
using Outcome = Session::Outcome;

namespace {

// mini: age, sex, weight_kg, height_cm, tired, conds, male_q (asked unless
// sex is not male or age is under 40).
enum Q { age, sex, weight, height, tired, conds, male_q };

Outcome type(Session& s, std::string_view line) {
    AnswerError err;
    const Outcome o = s.input(line, err);
    if (o != Outcome::invalid) CHECK(err.reason.empty());
    return o;
}

// A session walked to the end by a man of 50 who answers every question.
Session walked_man() {
    Session s(test::mini());
    for (const char* line : {"50", "male", "70 kg", "170", "no", "none", "yes"}) REQUIRE(type(s, line) == Outcome::answered);
    REQUIRE(s.finished());
    return s;
}

}  // namespace

TEST_CASE("a session asks every question in order, skipping those whose ask_if is false") {
    Session s(test::mini());
    CHECK(s.current() == age);
    CHECK(s.position() == 1);
    CHECK(s.expected_total() == 7);  // male_q is asked until it is known not to be

    CHECK(type(s, "70") == Outcome::answered);
    CHECK(s.current() == sex);
    CHECK(s.position() == 2);
    CHECK(s.answers().values[age].given);
    CHECK(s.answers().values[age].num == 70);

    CHECK(type(s, "female") == Outcome::answered);
    CHECK(s.expected_total() == 6);  // now male_q is not asked
    CHECK(type(s, "154 lb") == Outcome::answered);
    CHECK(s.answers().values[weight].num == Approx(69.85).epsilon(1e-3));
    CHECK(type(s, "170") == Outcome::answered);
    CHECK(type(s, "YES") == Outcome::answered);  // commands and yes/no ignore case
    CHECK(s.answers().values[tired].num == 1);
    CHECK(type(s, "a") == Outcome::answered);
    CHECK(s.finished());
    CHECK(s.current() == -1);
    CHECK(s.history() == std::vector<int>{age, sex, weight, height, tired, conds});
    AnswerError err;
    CHECK(s.input("yes", err) == Outcome::invalid);  // the walk is over: nothing to answer,
    CHECK(s.input("back", err) == Outcome::invalid);  // nor to go back to
}

TEST_CASE("help, skip, an empty line, invalid answers and back") {
    Session s(test::mini());
    AnswerError err;
    CHECK(s.input("back", err) == Outcome::at_start);
    CHECK(s.input(" ? ", err) == Outcome::help);
    CHECK(s.input("HELP", err) == Outcome::help);
    CHECK(s.current() == age);

    CHECK(s.input("CANARY-123", err) == Outcome::invalid);
    CHECK(err.field == "age");
    CHECK_FALSE(err.reason.empty());
    CHECK(err.reason.find("CANARY") == std::string::npos);  // never the text typed
    CHECK(s.input("500", err) == Outcome::invalid);          // out of range
    CHECK(s.current() == age);
    CHECK(s.history().empty());

    CHECK(type(s, "skip") == Outcome::skipped);
    CHECK_FALSE(s.answers().values[age].given);
    CHECK(type(s, "   ") == Outcome::skipped);  // an empty line skips too
    CHECK(s.current() == weight);
    CHECK(s.history() == std::vector<int>{age, sex});
    // Unknown age and sex: male_q may still be asked.
    CHECK(s.expected_total() == 7);

    CHECK(type(s, "Back") == Outcome::back);
    CHECK(s.current() == sex);
    CHECK(s.position() == 2);
    CHECK(type(s, "2") == Outcome::answered);  // a choice by its number: male
    CHECK(s.answers().values[sex].num == 1);
    CHECK(s.current() == weight);
}

TEST_CASE("going back past a skip-logic answer and changing it drops what no longer applies") {
    // A man's answers (male_q included), resumed after the first three questions.
    Session s(test::mini());
    s.restore(walked_man().answers(), {age, sex, weight});
    CHECK(s.current() == height);
    CHECK(type(s, "back") == Outcome::back);
    CHECK(s.current() == weight);
    CHECK(type(s, "back") == Outcome::back);
    CHECK(s.current() == sex);
    CHECK(type(s, "female") == Outcome::answered);
    CHECK(s.current() == weight);  // on from the changed answer
    CHECK(s.history() == std::vector<int>{age, sex});
    CHECK(s.expected_total() == 6);
    // The session keeps the later answers (typing again replaces them)...
    CHECK(s.answers().values[male_q].given);
    CHECK(s.answers().values[weight].given);
    // ...but the final answers drop the one that no longer applies.
    const Answers final = s.final_answers();
    CHECK_FALSE(final.values[male_q].given);
    CHECK(final.values[weight].given);
    CHECK(final.values[sex].num == 0);
    // Answered as a man, nothing is dropped.
    CHECK(walked_man().final_answers().values[male_q].given);
}

TEST_CASE("restore resumes after the last question asked") {
    Session a(test::mini());
    REQUIRE(type(a, "70") == Outcome::answered);
    REQUIRE(type(a, "skip") == Outcome::skipped);
    REQUIRE(type(a, "80") == Outcome::answered);

    Session b(test::mini());
    b.restore(a.answers(), a.history());
    CHECK(b.current() == height);
    CHECK(b.position() == 4);
    CHECK(b.history() == a.history());
    CHECK(b.answers().values[weight].num == 80);
    CHECK(type(b, "back") == Outcome::back);
    CHECK(b.current() == weight);

    Session c(test::mini());
    c.restore(Answers(test::mini().questions.size()), {});
    CHECK(c.current() == age);
    c.restore(walked_man().answers(), walked_man().history());
    CHECK(c.finished());
}

TEST_CASE("a saved session reads back as it was written") {
    const Definitions& d = test::mini();
    const Session s = walked_man();
    const std::string saved = session_to_json(d, s.answers(), s.history());
    const auto j = nlohmann::json::parse(saved);
    CHECK(j["schema"] == "myoscreen.session/1");
    CHECK(j["definitions"] == nlohmann::json{{"name", "mini"}, {"version", "0.1"}});
    CHECK(j["asked"] == nlohmann::json{"age", "sex", "weight_kg", "height_cm", "tired", "conds", "male_q"});
    CHECK(j["answers"]["age"] == 50);
    CHECK(j["answers"]["sex"] == "male");
    CHECK(j["answers"]["conds"] == nlohmann::json{"none"});

    Answers back(d.questions.size());
    std::vector<int> history{99};  // replaced, not appended to
    const SessionRead r = read_session(saved, d, back, history);
    CHECK(r.kind == SessionRead::Kind::ok);
    CHECK(r.message.empty());
    CHECK(history == s.history());
    CHECK(answers_to_json(d, back) == answers_to_json(d, s.answers()));
    // Unanswered questions stay unanswered; an empty walk round-trips too.
    const std::string empty = session_to_json(d, Answers(d.questions.size()), {});
    Answers none(d.questions.size());
    CHECK(read_session(empty, d, none, history).kind == SessionRead::Kind::ok);
    CHECK(history.empty());
    for (const Answer& a : none.values) CHECK_FALSE(a.given);
}

TEST_CASE("every way a saved session is refused, each with its kind") {
    const Definitions& d = test::mini();
    const std::string good = session_to_json(d, walked_man().answers(), walked_man().history());
    auto read = [&](std::string_view text) {
        Answers a(d.questions.size());
        std::vector<int> h;
        return read_session(text, d, a, h);
    };
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    using Kind = SessionRead::Kind;

    for (const char* text : {"", "not json", "[]", "{}", R"({"schema": "myoscreen.session/2"})", R"({"schema": 1})"}) {
        INFO(text);
        const SessionRead r = read(text);
        CHECK(r.kind == Kind::not_a_session);
        CHECK(r.message == "not a saved myoscreen session");
    }

    SessionRead r = read(with(R"("version": "0.1")", R"("version": "0.2")"));
    CHECK(r.kind == Kind::other_definitions);
    CHECK(r.message.find("saved with definitions \"mini\" 0.2, but these are \"mini\" 0.1") == 0);
    r = read(with(R"("name": "mini")", R"("name": "other")"));
    CHECK(r.kind == Kind::other_definitions);
    CHECK(read(with(R"("name": "mini")", R"("name": 7)")).kind == Kind::other_definitions);

    // A NUL byte: refused before parsing, where it is said.
    std::string nul = good;
    nul.insert(1, 1, '\0');
    r = read(nul);
    CHECK(r.kind == Kind::invalid);
    CHECK(r.message == "invalid JSON at line 1, column 2: a NUL byte is not allowed in JSON text");

    // A bad answer: the question and the reason, never the value.
    r = read(with(R"("age":50)", R"("age":5000)"));
    CHECK(r.kind == Kind::invalid);
    CHECK(r.message.find("answers: question 'age': ") == 0);
    CHECK(r.message.find("5000") == std::string::npos);

    r = read(with(R"("male_q"
  ])", R"("male_q", "nope"
  ])"));
    CHECK(r.kind == Kind::invalid);
    CHECK(r.message == "unknown question in the list of questions asked");
    CHECK(read(with(R"("age",)", R"(3,)")).kind == Kind::invalid);
}
