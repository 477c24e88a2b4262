// The command line as data: every command, option, example and exit code,
// in one CLI11 definition that --help, the man page and the shell
// completions are all generated from, so they cannot drift apart.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace myoscreen::cli {

// What parsing fills in.
struct Args {
    ScreenArgs screen;
    BatchArgs batch;
    QuestionsArgs questions;
    NextArgs next;
    std::string check_file;
    std::string rules_format = "json";  // `rules show --format`
    std::string shell;  // `completion SHELL`
};

// Each command's examples, shown at the end of its --help and in the man page.
struct Example {
    std::string_view command, what;
};
const std::vector<Example>& examples_of(std::string_view command);

// Exit codes as the help footer and the man page list them.
struct ExitStatus {
    int code;
    std::string_view meaning;
};
const std::vector<ExitStatus>& exit_statuses();

std::unique_ptr<CLI::App> make_app(Args& args);

// The choices an option accepts ("TEXT:{a,b}" → a, b), for completions.
std::vector<std::string> option_choices(const CLI::Option& opt);

// The man page myoscreen(1), in roff, and a completion script for bash, zsh
// or fish; both walk the definition make_app() builds.
std::string man_page(const CLI::App& app);
std::string completion_script(const CLI::App& app, std::string_view shell);

}  // namespace myoscreen::cli
