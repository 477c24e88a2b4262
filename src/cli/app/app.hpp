// The command line as data: every command, option, example and exit code,
// in one CLI11 definition (app.cpp) that --help, the man page and the shell
// completions all come from, so they cannot drift apart. app.cpp is the only
// file that includes CLI11 (a heavy header): the rest of the program sees the
// parse result (Args) and the definition as a plain table (CommandInfo).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.hpp"

namespace myoscreen::cli {

// The command parsing chose.
enum class Command { screen, batch, next, questions, rules_show, rules_check, completion, manpage };

// What parsing fills in.
struct Args {
    Command command = Command::screen;  // `screen`, or no command at all
    ScreenArgs screen;
    BatchArgs batch;
    QuestionsArgs questions;
    NextArgs next;
    std::string check_file;
    std::string rules_format = "json";  // `rules show --format`
    std::string shell;  // `completion SHELL`
};

// Parses the command line into `args`. Returns an exit code when the command
// line has been answered already (--help, --version) or refused (a usage
// error, reported on stderr); nullopt when args.command is to be run.
std::optional<int> parse_command_line(int argc, char** argv, Args& args);

// One option or positional argument of a command, as the definition has it.
struct OptionInfo {
    std::string name;                      // "--format"; a positional's name: "FILE"
    std::vector<std::string> long_names;   // without dashes: "format"
    std::vector<std::string> short_names;  // without the dash: "j"
    std::string help;
    std::string value;                  // the value's placeholder ("FILE", "N", "TEXT")
    std::vector<std::string> choices;   // the values accepted, when they are a fixed set
    std::string default_value;          // the default --help shows; empty for none
    bool positional = false;
    bool takes_value = false;
};

// A command and its visible options and subcommands, in definition order
// (hidden ones, such as `manpage`, are left out).
struct CommandInfo {
    std::string name, help;
    std::vector<OptionInfo> options;
    std::vector<CommandInfo> subcommands;
};

// The whole definition: the top level (name "myoscreen"), its commands below.
CommandInfo command_table();

// Each command's examples, shown at the end of its --help and in the man page.
struct Example {
    std::string_view command, what;
};
const std::vector<Example>& examples_of(std::string_view command);

// Exit codes as the man page lists them; `brief` is the help footer's words.
struct ExitStatus {
    int code;
    std::string_view brief, meaning;
};
const std::vector<ExitStatus>& exit_statuses();

// The man page myoscreen(1), in roff, and a completion script for bash, zsh
// or fish; both read command_table().
std::string man_page(const CommandInfo& app);
std::string completion_script(const CommandInfo& app, std::string_view shell);

}  // namespace myoscreen::cli
