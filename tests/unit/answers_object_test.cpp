// JSON answers objects read two ways: on texts simdjson takes, the slower
// reader (for the texts it refuses) must give the very same verdicts; and on
// any text it must call JSON what nlohmann-json calls JSON. Thousands of
// answers objects with random edits, from a fixed seed.
#include <catch2/catch.hpp>

#include <random>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "answers/answers_walk.hpp"
#include "fixture.hpp"

using namespace myoscreen;

namespace {

struct Read {
    std::vector<AnswerError> errors;
    Answers answers;
    std::string id;
    bool has_id = false;
};

bool same(const Read& a, const Read& b) {
    if (a.errors.size() != b.errors.size() || a.has_id != b.has_id || (a.has_id && a.id != b.id)) return false;
    for (std::size_t i = 0; i < a.errors.size(); ++i)
        if (a.errors[i].field != b.errors[i].field || a.errors[i].reason != b.errors[i].reason) return false;
    for (std::size_t i = 0; i < a.answers.values.size(); ++i) {
        const Answer &x = a.answers.values[i], &y = b.answers.values[i];
        if (x.given != y.given || x.num != y.num || x.set != y.set) return false;
    }
    return true;
}

std::string describe(const Read& r) {
    std::string s;
    for (const auto& e : r.errors) s += "[" + e.field + ": " + e.reason + "] ";
    return s + (r.has_id ? "id " + r.id : "no id");
}

}  // namespace

TEST_CASE("JSON answers objects: the slower reader agrees with simdjson's and with nlohmann-json") {
    const std::vector<std::string> bases = {
        R"J({"id": "r1", "age": 70, "sex": "male", "weight_kg": "154 lb", "tired": true, "conds": ["a", "b"]})J",
        R"J({"age": 70.5, "sex": "MALE", "conds": [], "height_cm": null, "id": 17, "tired": "yes"})J",
        R"J({"conds": ["none", "a"], "age": -1.5e1, "sex": "x", "SECRET": {"a": [1, 2]}, "id": -0, "age": 40})J",
        R"J({"id": 2.5e0, "weight_kg": 60, "conds": ["c", 1], "tired": "n", "sex": "female", "male_q": false})J",
        R"J([{"age": 70}, "sex", 1, true, null])J",
    };
    const std::string alphabet = "{}[]\":,0123456789.eE+-truefalsnul \\\n\tabcxy";
    std::mt19937 rng(20240917);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    JsonAnswersReader reader(test::mini());
    simdjson::dom::parser parser;
    int accepted_by_simdjson = 0, not_json = 0;
    for (int n = 0; n < 50000; ++n) {
        std::string text = bases[pick(bases.size())];
        for (std::size_t edits = 1 + pick(3); edits > 0; --edits) {
            const std::size_t at = pick(text.size() + 1);
            const char c = alphabet[pick(alphabet.size())];
            switch (pick(3)) {
            case 0: text.insert(at, 1, c); break;
            case 1:
                if (at < text.size()) text.erase(at, 1);
                break;
            default:
                if (at < text.size()) text[at] = c;
            }
        }
        INFO(text);
        const std::string padded = text + std::string(JsonAnswersReader::padding, ' ');
        const std::string_view view(padded.data(), text.size());
        Read fast, slow;
        fast.errors = reader.read(view, fast.answers, "id", fast.id, fast.has_id);
        {
            detail::AnswersWalk walk(test::mini(), slow.answers, slow.errors, "id", slow.id, slow.has_id);
            detail::walk_refused_text(text, walk);
            walk.finish();
        }
        simdjson::dom::element doc;
        if (!parser.parse(view.data(), view.size(), false).get(doc)) {
            ++accepted_by_simdjson;
            INFO("simdjson: " << describe(fast) << "\nslower reader: " << describe(slow));
            CHECK(same(fast, slow));
        }
        bool json = true;
        try {
            const nlohmann::json parsed = nlohmann::json::parse(text);
            (void)parsed;
        } catch (const nlohmann::json::parse_error&) {
            json = false;
        } catch (const nlohmann::json::out_of_range&) {
            continue;  // a number beyond a double: nlohmann stops, the slower reader goes on
        }
        not_json += json ? 0 : 1;
        const bool said_not_json = !slow.errors.empty() && slow.errors.back().reason.starts_with("invalid JSON at ");
        CHECK(said_not_json == !json);
    }
    // Both kinds were met, many times.
    CHECK(accepted_by_simdjson > 5000);
    CHECK(not_json > 5000);
}
