// One JSON Lines record through the batch reader (JsonAnswersReader), screened and rendered both ways (render_json and the batch's compact renderer, which must agree byte for byte).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_embedded_definitions();
    static myoscreen::JsonAnswersReader reader(defs);
    static const myoscreen::CompactJsonRenderer compact(defs);
    // Kept from input to input, as a batch worker keeps its buffer.
    static myoscreen::RenderBuffer fast, slow;
    std::string buf(reinterpret_cast<const char*>(data), size);
    buf.append(myoscreen::JsonAnswersReader::padding, ' ');
    myoscreen::Answers answers;
    std::string id;
    bool has_id = false;
    if (reader.read(std::string_view(buf.data(), size), answers, "id", id, has_id).empty()) {
        const myoscreen::Report report = myoscreen::screen(defs, answers);
        myoscreen::RenderOptions ro;
        ro.pretty = false;
        if (has_id) ro.id = id;
        if (size % 2) ro.answers = &answers;  // --include-answers: the shared section, both ways
        fast.clear();
        slow.clear();
        compact.render(report, fast, ro);
        myoscreen::render_json(report, slow, ro);
        if (fast.view() != slow.view()) {
            std::fprintf(stderr, "compact renderer differs from render_json:\n%.*s%.*s", static_cast<int>(fast.len),
                         fast.bytes.data(), static_cast<int>(slow.len), slow.bytes.data());
            std::abort();
        }
    }
    return 0;
}
