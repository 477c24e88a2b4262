// CSV: the first line is a header, each further line a record.
#include <cstdint>
#include <string>
#include <vector>

#include "myoscreen/records.hpp"
#include "myoscreen/screen.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const myoscreen::Definitions defs = myoscreen::load_embedded_definitions();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> names;
    myoscreen::CsvFields fields;
    std::vector<myoscreen::AnswerError> errors;
    myoscreen::CsvLayout layout;
    bool header = true;
    myoscreen::Answers answers(defs.questions.size());
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (header) {
            if (!myoscreen::split_csv_record(line, names)) continue;
            layout = myoscreen::map_csv_header(defs, names, "id", errors);
            header = false;
            continue;
        }
        if (!myoscreen::split_csv_record(line, fields)) continue;
        std::string id;
        if (myoscreen::parse_csv_row(defs, layout, fields.views, answers, id, errors)) (void)myoscreen::screen(defs, answers);
    }
    return 0;
}
