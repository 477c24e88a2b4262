// myoscreen: argument parsing and dispatch. The only place that turns
// failures into exit codes and messages.
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "app.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "io.hpp"
#include "myoscreen/text.hpp"

using namespace myoscreen::cli;

namespace {

int run(int argc, char** argv) {
    Args args;
    const auto app_ptr = make_app(args);
    CLI::App& app = *app_ptr;

    // A word where a command goes that is no command: say which one was meant
    // (CLI11 would only say the argument was not expected).
    const auto is_command = [&](const std::string& w) {
        return !app.get_subcommands([&](const CLI::App* c) { return c->check_name(w); }).empty();
    };
    if (argc > 1 && argv[1][0] != '-' && !is_command(argv[1])) {
        const std::string word = argv[1];
        std::string best;
        int best_d = 3;
        for (const CLI::App* c : app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
            if (c->get_name() == word) {
                best_d = -1;
                break;
            }
            if (const int d = myoscreen::edit_distance(word, c->get_name()); d < best_d) best_d = d, best = c->get_name();
        }
        if (best_d >= 0) {
            warn(best.empty() ? "'" + word + "' is not a command" : "'" + word + "' is not a command; did you mean '" + best + "'?");
            warn("run 'myoscreen --help' for the commands");
            return exit_usage;
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        warn(e.what());
        warn("run 'myoscreen --help' for usage");
        return exit_usage;
    }

    const auto chosen = [&](const char* name) { return app.got_subcommand(name); };
    if (chosen("questions")) return cmd_questions(args.questions);
    if (chosen("batch")) return cmd_batch(args.batch);
    if (chosen("next")) return cmd_next(args.next);
    if (chosen("rules"))
        return app.get_subcommand("rules")->got_subcommand("show") ? cmd_rules_show(args.rules_format) : cmd_rules_check(args.check_file);
    if (chosen("completion") || chosen("manpage")) {
        write_out(chosen("manpage") ? man_page(app) : completion_script(app, args.shell));
        return exit_ok;
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
