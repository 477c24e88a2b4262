// The subcommands. Each returns an exit code or throws Failure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "myoscreen/definitions.hpp"

namespace myoscreen::cli {

// Loads --rules FILE, or the embedded definitions when `path` is empty.
// Prints every diagnostic and throws Failure(65) when they are invalid.
Definitions load_rules(const std::string& path);

struct ScreenArgs {
    std::string rules;
    std::string answers;  // file or "-"; empty: dialogue on a TTY, else piped lines
    std::string format;   // text | json; empty: text
    bool explain = false;
    bool no_color = false;
    bool fail_on_flag = false;
    std::string save, resume;
};
int cmd_screen(const ScreenArgs& a);

struct QuestionsArgs {
    std::string rules;
    std::string format = "text";
};
int cmd_questions(const QuestionsArgs& a);

int cmd_rules_show();
int cmd_rules_check(const std::string& path);

}  // namespace myoscreen::cli
