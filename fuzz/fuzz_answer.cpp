// One typed answer (dialogue, piped line, CSV cell) for every question of the
// default definitions, and the same bytes as a JSON answers file.
#include <cstdint>
#include <string>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_embedded_definitions();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& q : defs.questions) {
        myoscreen::Answer a;
        (void)myoscreen::parse_typed_answer(q, text, a);
        (void)myoscreen::parse_typed_answer(q, text, a, {.words = &defs.words});  // the forgiving reader, with answer words
        (void)myoscreen::parse_typed_answer(q, text, a, {.default_unit = "lb", .strict = true, .words = &defs.words});
        if (a.given) (void)myoscreen::describe_answer(q, a);
    }
    myoscreen::Answers answers;
    (void)myoscreen::parse_json_answers(defs, text, answers);
    return 0;
}
