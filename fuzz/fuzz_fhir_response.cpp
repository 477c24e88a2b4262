// One FHIR QuestionnaireResponse through the reader (FhirResponseReader), screened and rendered when it reads; no error reason may hold the text of a value (every reason is built from the definitions).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_embedded_definitions();
    static myoscreen::FhirResponseReader reader(defs);
    std::string buf(reinterpret_cast<const char*>(data), size);
    buf.append(myoscreen::FhirResponseReader::padding, ' ');
    myoscreen::Answers answers;
    std::string id;
    bool has_id = false;
    const std::string_view text(buf.data(), size);
    (void)myoscreen::looks_like_fhir_resource(text);
    const auto& errors = reader.read(text, answers, id, has_id);
    if (answers.values.size() != defs.questions.size()) std::abort();
    for (const auto& e : errors)
        if (e.reason.empty()) std::abort();
    if (errors.empty()) {
        const myoscreen::Report report = myoscreen::screen(defs, answers);
        std::string out;
        myoscreen::render_json(report, out);
    }
    return 0;
}
