// Expression compiler and evaluator: the input is one expression, placed as a
// red flag's condition in small definitions; if it compiles, it is evaluated
// over a few answer sets (empty, all answered, skip logic absent).
#include <cstdint>
#include <string>

#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

namespace {
std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (u < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 15];
        else out += c;
    }
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string expr = escape(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string defs = R"({"schema":"myoscreen.definitions/1","name":"f","version":"1","disclaimer":"d",
 "sections":[{"id":"s","title":"S"}],
 "questions":[{"id":"age","section":"s","type":"integer","unit":"years","min":18,"max":120,"text":"t"},
  {"id":"sex","section":"s","type":"choice","text":"t","choices":[{"code":"female","label":"F"},{"code":"male","label":"M"}]},
  {"id":"w","section":"s","type":"number","unit":"kg","min":25,"max":350,"text":"t"},
  {"id":"y","section":"s","type":"yes_no","text":"t","ask_if":"sex == 'male'"},
  {"id":"m","section":"s","type":"multi_choice","text":"t","exclusive":"none","choices":[{"code":"a","label":"A"},{"code":"none","label":"N"}]}],
 "derived":[{"id":"d","type":"number","expr":"w / 2"}],
 "instruments":[{"id":"i","name":"I","source":"s","items":[{"id":"x","when":"y","points":1}],"bands":[{"band":"lo","min":0,"max":0},{"band":"hi","min":1,"max":1}]}],
 "factors":[{"id":"f","title":"F","source":"s","rules":[{"id":"r","when":"age > 1","text":"t","source":"s"}],"likely":"r","possible":"r"}],
 "red_flags":[{"id":"z","when":")" + expr + R"(","urgency":"soon","text":"t","source":"s"}]})";
    try {
        const auto d = myoscreen::load_definitions(defs, "fuzz.json");
        for (const char* a : {"{}", R"({"age":70,"sex":"male","w":80,"y":true,"m":["a"]})", R"({"sex":"female","m":[]})"}) {
            myoscreen::Answers answers;
            if (!myoscreen::parse_json_answers(d, a, answers).empty()) continue;
            std::string out;
            myoscreen::render_json(myoscreen::screen(d, answers, {true}), out);
        }
    } catch (const myoscreen::DefinitionsError&) {
    }
    return 0;
}
