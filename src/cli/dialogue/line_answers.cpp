// Piped line mode: each line of stdin answers the next question asked.
#include "dialogue/line_answers.hpp"

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/session.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen::cli {

Answers read_line_answers(const Definitions& defs) {
    const std::string text = read_input("-", "answers");
    Session s(defs);
    std::size_t pos = text.size() - strip_bom(text).size();  // after a byte order mark
    int line_no = 0;
    while (pos < text.size() && !s.finished()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (const auto bad = find_invalid_utf8(line); bad != std::string_view::npos)
            throw Failure(exit_data, fmt::format("line {}: question '{}': invalid UTF-8 at byte {} of the line", line_no,
                                                 defs.questions[static_cast<std::size_t>(s.current())].id, bad + 1));
        AnswerError err;
        switch (s.input(line, err)) {
        case Session::Outcome::invalid:
            throw Failure(exit_data, fmt::format("line {}: question '{}': {}", line_no, err.field, err.reason));
        case Session::Outcome::at_start:
            throw Failure(exit_data, fmt::format("line {}: question '{}': 'back' before the first question", line_no,
                                                 defs.questions[static_cast<std::size_t>(s.current())].id));
        default: break;  // answered, skipped, back, or '?' (nothing to show)
        }
    }
    if (line_no == 0)  // an empty pipe (or a redirect from an empty file) is rarely meant
        warn("no answers were read: the input had no lines; the report below is of no answers "
             "(give answers one a line, or use --answers FILE)");
    if (pos < text.size() && s.finished() && text.find_first_not_of(" \t\r\n", pos) != std::string::npos) {
        // Lines after the last question: say so rather than drop them silently.
        warn(fmt::format("input has lines after the last question (from line {}); they were not used", line_no + 1));
    }
    return s.final_answers();
}

}  // namespace myoscreen::cli
