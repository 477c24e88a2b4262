// myoscreen: argument parsing and dispatch. The only place that turns
// failures into exit codes and messages.
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "app/app.hpp"
#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"

using namespace myoscreen::cli;

namespace {

int run(int argc, char** argv) {
    Args args;
    if (const auto answered = parse_command_line(argc, argv, args)) return *answered;
    switch (args.command) {
    case Command::questions: return cmd_questions(args.questions);
    case Command::batch: return cmd_batch(args.batch);
    case Command::next: return cmd_next(args.next);
    case Command::rules_show: return cmd_rules_show(args.rules_format);
    case Command::rules_check: return cmd_rules_check(args.check_file);
    case Command::completion:
        write_out(completion_script(command_table(), args.shell));
        return exit_ok;
    case Command::manpage:
        write_out(man_page(command_table()));
        return exit_ok;
    case Command::screen: break;
    }
    return cmd_screen(args.screen);  // `screen`, or no command at all
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe must surface as EPIPE from write(), not kill us mid-line.
    std::signal(SIGPIPE, SIG_IGN);
    int code = exit_ok;
    try {
        code = run(argc, argv);
        finish_output();
    } catch (const ClosedPipe&) {
        return exit_ok;  // `| head`: the reader has what it wanted
    } catch (const Failure& f) {
        if (f.what()[0] != '\0') warn(f.what());
        try {
            finish_output();
        } catch (...) {
        }
        return f.code;
    } catch (const std::bad_alloc&) {
        warn("out of memory");
        return exit_io;
    } catch (const std::exception& e) {
        warn(std::string("internal error: ") + e.what());
        return exit_software;  // a bug, please report
    }
    return code;
}
