// The questionnaire as JSON (`questions --format json`, and the question
// object `next` prints): ids, texts, units, ranges, choices and skip logic.
#include <fmt/format.h>

#include "json/json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

namespace {
void question(detail::JsonWriter& w, const Definitions& d, const Question& q) {
    w.begin_object().key("id").string(q.id).key("section").string(d.sections[q.section].id);
    w.key("type").string(to_string(q.type));
    if (!q.label.empty()) w.key("label").string(q.label);
    w.key("text").string(q.text);
    if (!q.help.empty()) w.key("help").string(q.help);
    if (q.type == QuestionType::integer || q.type == QuestionType::number) {
        w.key("unit").string(to_string(q.unit));
        w.key("min").raw(fmt::format("{:g}", q.min)).key("max").raw(fmt::format("{:g}", q.max));
    }
    if (!q.choices.empty()) {
        w.key("choices").begin_array();
        for (const auto& c : q.choices) w.begin_object().key("code").string(c.code).key("label").string(c.label).end_object();
        w.end_array();
    }
    if (q.exclusive >= 0) w.key("exclusive").string(q.choices[q.exclusive].code);
    if (!q.ask_if_text.empty()) w.key("ask_if").string(q.ask_if_text);
    w.end_object();
}
}  // namespace

void render_questions_json(const Definitions& d, std::string& out) {
    detail::JsonWriter w(out, true);
    w.begin_array();
    for (const Question& q : d.questions) question(w, d, q);
    w.end_array().put("\n");
}

void render_question_json(const Definitions& d, int q, std::string& out, bool pretty) {
    detail::JsonWriter w(out, pretty);
    question(w, d, d.questions[static_cast<std::size_t>(q)]);
}

}  // namespace myoscreen
