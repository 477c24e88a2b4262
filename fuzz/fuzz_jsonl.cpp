// One JSON Lines record through the batch reader (simdjson), then screened.
#include <cstdint>
#include <string>

#include "myoscreen/records.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_definitions(myoscreen::embedded_definitions(), "embedded");
    static myoscreen::JsonlReader reader(defs);
    std::string buf(reinterpret_cast<const char*>(data), size);
    buf.append(myoscreen::JsonlReader::padding, ' ');
    myoscreen::Answers answers;
    std::string id;
    bool has_id = false;
    if (myoscreen::find_invalid_utf8(std::string_view(buf).substr(0, size)) != std::string_view::npos) return 0;
    std::vector<std::string_view> unknown;
    auto err = reader.read(std::string_view(buf.data(), size), answers, "id", id, has_id, unknown);
    if (!err) {
        std::string out;
        myoscreen::RenderOptions ro;
        ro.pretty = false;
        myoscreen::render_json(myoscreen::screen(defs, answers), out, ro);
    }
    return 0;
}
