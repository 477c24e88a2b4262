// Piped line mode: stdin is not a terminal and no --answers was given. Each
// line answers the next question that would be asked, as typed in the
// dialogue; EOF leaves the rest unanswered.
#pragma once

#include "myoscreen/answers.hpp"

namespace myoscreen::cli {

// Reads stdin to EOF. An invalid line is Failure(65) naming the line number
// and the question, never the text.
Answers read_line_answers(const Definitions& defs);

}  // namespace myoscreen::cli
