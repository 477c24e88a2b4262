// A batch record that could not be screened, as a JSON line.
#include "json_writer.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {

using detail::JsonWriter;

void render_error_json(std::uint64_t record, std::optional<std::string_view> id, std::string_view field,
                       std::string_view reason, std::string& out) {
    JsonWriter w(out, false);
    w.begin_object().key("record").integer(static_cast<long long>(record)).key("id");
    if (id) w.string(*id);
    else w.null();
    w.key("error").begin_object().key("field");
    if (field.empty()) w.null();
    else w.string(field);
    w.key("reason").string(reason).end_object().end_object();
    w.put("\n");
}

}  // namespace myoscreen
