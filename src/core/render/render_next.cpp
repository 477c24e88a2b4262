// `next`'s answer, for front-ends that ask one question at a time (a web
// form, a chat, an EHR): {"next": QUESTION|null, "needed": [ID...], "asked": N}
// on one line, written with the JSON writer every JSON output uses.
#include "json/json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

void render_next_json(const Definitions& defs, const std::vector<int>& needed, int asked, std::string& out) {
    std::string next;
    if (!needed.empty()) render_question_json(defs, needed.front(), next, false);
    detail::JsonWriter w(out, false);
    w.begin_object().key("next").raw(needed.empty() ? std::string_view("null") : std::string_view(next));
    w.key("needed").begin_array();
    for (int q : needed) w.string(defs.questions[static_cast<std::size_t>(q)].id);
    w.end_array().key("asked").integer(asked).end_object().put("\n").finish();
}

}  // namespace myoscreen
