// The adaptive questionnaire is exact: over thousands of generated answer
// sets (unknowns, skips, answers to questions that do not apply), a person
// who answers only what needed_questions() asks gets the factor levels, flag,
// urgency and reasons of the full questionnaire (the adaptive dialogue, README "A session").
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "myoscreen/adaptive.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;
using myoscreen::detail::Instr;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int answer_sets = 150;  // the sanitizer run is ~10 times slower
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int answer_sets = 150;
#else
constexpr int answer_sets = 2500;
#endif
#else
constexpr int answer_sets = 2500;
#endif

Answers random_answers(const Definitions& d, std::mt19937_64& rng, double unknown_share) {
    Answers a(d.questions.size());
    std::uniform_real_distribution<double> u(0, 1);
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        if (u(rng) < unknown_share) continue;
        Answer& x = a.values[i];
        x.given = true;
        switch (q.type) {
        case QuestionType::yes_no: x.num = u(rng) < 0.3 ? 1 : 0; break;
        case QuestionType::choice: x.num = static_cast<double>(rng() % q.choices.size()); break;
        case QuestionType::multi_choice:
            if (q.exclusive >= 0 && u(rng) < 0.5) {
                x.set = std::uint64_t{1} << q.exclusive;
            } else {
                for (std::size_t c = 0; c < q.choices.size(); ++c)
                    if (static_cast<int>(c) != q.exclusive && u(rng) < 0.2) x.set |= std::uint64_t{1} << c;
            }
            break;
        case QuestionType::integer: x.num = std::round(q.min + u(rng) * (q.max - q.min)); break;
        case QuestionType::number: x.num = std::round((q.min + u(rng) * (q.max - q.min)) * 10) / 10; break;
        }
        // Near the cut-offs that matter most often: ages and weights people have.
        if (q.unit == Unit::years && u(rng) < 0.7) x.num = 40 + static_cast<double>(rng() % 50);
        if (q.unit == Unit::kg && u(rng) < 0.7) x.num = 45 + static_cast<double>(rng() % 60);
        if (q.unit == Unit::cm && q.max > 100 && u(rng) < 0.7) x.num = 150 + static_cast<double>(rng() % 45);
    }
    return a;
}

struct Walk {
    Answers answers;
    int asked = 0;
};

// A person answering from `full` (skipping what it leaves unknown).
Walk adaptive_walk(const Definitions& d, const Answers& full) {
    Walk w{Answers(d.questions.size()), 0};
    AskedSet asked(d.questions.size(), 0);
    for (;;) {
        const NeededQuestions need = needed_questions(d, w.answers, asked);
        if (need.questions.empty()) return w;
        const auto q = static_cast<std::size_t>(need.questions.front());
        REQUIRE(!asked[q]);  // never asked twice
        asked[q] = 1;
        w.answers.values[q] = full.values[q];
        ++w.asked;
    }
}

}  // namespace

TEST_CASE("adaptive questionnaire: the outcome of the full one, for every answer set") {
    const Definitions d = load_embedded_definitions();
    std::mt19937_64 rng(20261204);
    int total_asked = 0;
    for (int i = 0; i < answer_sets; ++i) {
        const double unknown_share = i % 3 == 0 ? 0.0 : i % 3 == 1 ? 0.1 : 0.4;
        const Answers full = random_answers(d, rng, unknown_share);
        const Walk w = adaptive_walk(d, full);
        total_asked += w.asked;
        const Report a = screen(d, w.answers), b = screen(d, full);
        INFO("answer set " << i);
        for (std::size_t f = 0; f < d.factors.size(); ++f) {
            INFO("factor " << d.factors[f].id);
            REQUIRE(a.factors[f].level == b.factors[f].level);
        }
        REQUIRE(a.attention.flag == b.attention.flag);
        REQUIRE(a.attention.urgency == b.attention.urgency);
        REQUIRE(a.attention.reasons == b.attention.reasons);
    }
    // It does leave questions out (55 in the catalogue).
    CHECK(total_asked < answer_sets * 50);
}

TEST_CASE("adaptive questionnaire: emergency questions first, skips never asked again, not_needed") {
    const Definitions d = load_embedded_definitions();
    Answers none(d.questions.size());
    AskedSet asked(d.questions.size(), 0);
    NeededQuestions need = needed_questions(d, none, asked);
    REQUIRE(need.urgent > 0);
    const auto urgent_first = [&](int q) {
        for (const RedFlag& f : d.red_flags)
            if (f.urgency >= Urgency::urgent && f.when.code.size() > 0)
                for (const Instr& in : f.when.code)
                    if (in.arg == q) return true;
        return false;
    };
    for (int k = 0; k < need.urgent; ++k) CHECK(urgent_first(need.questions[static_cast<std::size_t>(k)]));

    // A skipped question is never needed again.
    const int first = need.questions.front();
    asked[static_cast<std::size_t>(first)] = 1;
    need = needed_questions(d, none, asked);
    for (int q : need.questions) CHECK(q != first);

    // What was not asked is not_needed, not unanswered.
    Report r = screen(d, none);
    mark_not_needed(r, asked);
    CHECK(r.unanswered == std::vector<int>{first});
    CHECK(r.not_needed.size() + 1 + 0 <= d.questions.size());
    CHECK_FALSE(r.complete);

    // The JSON report lists them after the unanswered ones, by both renderers.
    REQUIRE_FALSE(r.not_needed.empty());
    RenderOptions ro;
    ro.pretty = false;
    std::string json;
    render_json(r, json, ro);
    const std::string want = fmt::format(R"("unanswered":["{}"],"not_needed":["{}",)", d.questions[static_cast<std::size_t>(first)].id,
                                         d.questions[static_cast<std::size_t>(r.not_needed.front())].id);
    CHECK(json.find(want) != std::string::npos);
    RenderBuffer buf;
    CompactJsonRenderer(d).render(r, buf, ro);
    CHECK(std::string(buf.view()) == json);
    // A report of the full questionnaire has no not_needed key.
    json.clear();
    render_json(screen(d, none), json, ro);
    CHECK(json.find("not_needed") == std::string::npos);
}
