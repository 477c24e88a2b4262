// A batch record that could not be screened, as a JSON line.
#include "json/json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::JsonWriter;

void render_error_json(std::uint64_t record, std::optional<std::string_view> id, std::span<const AnswerError> errors,
                       std::string& out) {
    JsonWriter w(out, false);
    w.begin_object().key("record").integer(static_cast<long long>(record)).key("id");
    if (id) w.string(*id);
    else w.null();
    w.key("errors").begin_array();
    for (const AnswerError& e : errors) {
        w.begin_object().key("field");
        if (e.field.empty()) w.null();
        else w.string(e.field);
        w.key("reason").string(e.reason).end_object();
    }
    w.end_array().end_object();
    w.put("\n");
}

}  // namespace myoscreen
