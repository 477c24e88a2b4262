// The batch renderer must write render_json's compact bytes exactly, for
// any report: random answer sets over the embedded and the mini definitions.
#include <catch2/catch.hpp>

#include <random>

#include "fixture.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using namespace myoscreen;

namespace {

// A random answer set: each question unanswered, or any value it accepts.
Answers random_answers(const Definitions& d, std::mt19937& rng, double unanswered) {
    Answers a(d.questions.size());
    std::uniform_real_distribution<double> u(0, 1);
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        if (u(rng) < unanswered) continue;
        Answer& ans = a.values[i];
        ans.given = true;
        const auto n = q.choices.size();
        switch (q.type) {
        case QuestionType::integer: ans.num = std::round(q.min + u(rng) * (q.max - q.min)); break;
        case QuestionType::number: ans.num = q.min + u(rng) * (q.max - q.min); break;
        case QuestionType::yes_no: ans.num = u(rng) < 0.5; break;
        case QuestionType::choice: ans.num = static_cast<double>(rng() % n); break;
        case QuestionType::multi_choice:
            for (std::size_t c = 0; c < n; ++c)
                if (static_cast<int>(c) != q.exclusive && u(rng) < 0.3) ans.set |= std::uint64_t{1} << c;
            if (ans.set == 0 && q.exclusive >= 0) ans.set = std::uint64_t{1} << q.exclusive;
            break;
        }
    }
    return a;
}

void check_same(const Definitions& d, int sets, std::uint32_t seed) {
    const CompactJsonRenderer compact(d);
    std::mt19937 rng(seed);
    const std::string ids[] = {"p1", "", "quote \" back\\slash", "line\nbreak \x01", "caf\xc3\xa9"};
    RenderBuffer fast, slow;
    for (int k = 0; k < sets; ++k) {
        const Answers a = random_answers(d, rng, k % 3 == 0 ? 0.0 : 0.3);
        const Report r = screen(d, a);
        RenderOptions ro;
        ro.pretty = false;
        if (k % 2) ro.answers = &a;  // --include-answers
        if (k % 5) ro.id = ids[k % 5];
        fast.clear();
        slow.clear();
        compact.render(r, fast, ro);
        compact.render(r, fast, ro);  // a second report into the same buffer
        render_json(r, slow, ro);
        render_json(r, slow, ro);
        INFO("answer set " << k);
        REQUIRE(fast.view() == slow.view());
    }
}

}  // namespace

TEST_CASE("compact renderer: render_json's bytes for random reports of the embedded definitions") {
    check_same(load_embedded_definitions(), 3000, 1);
}

TEST_CASE("compact renderer: render_json's bytes for the mini definitions") {
    check_same(test::mini(), 500, 2);
}

TEST_CASE("compact renderer: other definitions' reports, explain and pretty go to render_json") {
    const Definitions d = load_embedded_definitions();
    const Definitions other = load_embedded_definitions();
    const CompactJsonRenderer compact(d);
    std::mt19937 rng(3);
    const Report r = screen(other, random_answers(other, rng, 0.2), {true});
    for (const bool pretty : {false, true})
        for (const bool explain : {false, true}) {
            RenderOptions ro;
            ro.pretty = pretty;
            ro.explain = explain;
            RenderBuffer fast, slow;
            compact.render(r, fast, ro);
            render_json(r, slow, ro);
            CHECK(fast.view() == slow.view());
        }
}
