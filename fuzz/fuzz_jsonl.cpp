// One JSON Lines record through the batch reader (JsonAnswersReader), then screened.
#include <cstdint>
#include <string>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_embedded_definitions();
    static myoscreen::JsonAnswersReader reader(defs);
    std::string buf(reinterpret_cast<const char*>(data), size);
    buf.append(myoscreen::JsonAnswersReader::padding, ' ');
    myoscreen::Answers answers;
    std::string id;
    bool has_id = false;
    if (reader.read(std::string_view(buf.data(), size), answers, "id", id, has_id).empty()) {
        std::string out;
        myoscreen::RenderOptions ro;
        ro.pretty = false;
        myoscreen::render_json(myoscreen::screen(defs, answers), out, ro);
    }
    return 0;
}
