// myoscreen: argument parsing and dispatch. The only place that turns
// failures into exit codes and messages.
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "io.hpp"

using namespace myoscreen::cli;

namespace {

int run(int argc, char** argv) {
    CLI::App app{"myoscreen: a muscle-loss risk screener. A screening aid, not a diagnosis."};
    app.set_version_flag("--version", std::string("myoscreen ") + MYOSCREEN_VERSION);
    app.require_subcommand(0, 1);
    app.footer("With no command, runs `screen`: the questionnaire on a terminal.\n"
               "Exit codes: 0 ok, 1 flag raised (--fail-on-flag), 2 usage, 65 bad data,\n"
               "66 input missing, 70 internal error, 74 I/O error, 130 interrupted.");

    ScreenArgs screen;
    auto* s = app.add_subcommand("screen", "Screen one person: dialogue on a terminal, piped lines, or --answers FILE");
    s->add_option("--answers", screen.answers, "JSON answers object from FILE, or - for stdin");
    s->add_option("--format", screen.format, "Report format")->check(CLI::IsMember({"text", "json"}));
    s->add_flag("--explain", screen.explain, "Show which rules fired, which did not, and what would decide the rest");
    s->add_option("--rules", screen.rules, "Definitions file instead of the embedded ones");
    s->add_option("--save", screen.save, "Keep dialogue progress in FILE after every answer (mode 0600)");
    s->add_option("--resume", screen.resume, "Continue a dialogue saved with --save");
    s->add_flag("--no-color", screen.no_color, "No colour or bold, even on a terminal");
    s->add_flag("--fail-on-flag", screen.fail_on_flag, "Exit 1 when the medical-attention flag is raised");

    BatchArgs batch;
    auto* b = app.add_subcommand("batch", "Screen many records (CSV or JSON Lines), one result line per record, in order");
    b->add_option("FILE", batch.files, "Input files, or - for stdin (default)");
    b->add_option("--input", batch.input, "Input format (default: from the file extension, or the content)")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    b->add_option("--format", batch.format, "Output format")->check(CLI::IsMember({"jsonl", "csv", "json"}));
    b->add_option("--jobs,-j", batch.jobs, "Worker threads (default: all cores)")->check(CLI::Range(1U, 1024U));
    b->add_option("--id-column", batch.id_column, "Column or key carrying a record id into the output")->capture_default_str();
    b->add_flag("--summary", batch.summary, "Print a summary to stderr at the end (always on a terminal)");
    b->add_flag("--explain", batch.explain, "Include per-rule outcomes in JSON output");
    b->add_flag("--no-color", batch.no_color, "No colour in the summary");
    b->add_option("--rules", batch.rules, "Definitions file instead of the embedded ones");
    b->add_option("--max-errors", batch.max_errors, "Stop after N invalid records (default: never)");
    b->add_option("--max-record-bytes", batch.max_record_bytes, "Longest record accepted")->capture_default_str()->check(CLI::Range(16, 1 << 30));

    QuestionsArgs questions;
    auto* q = app.add_subcommand("questions", "Print the questionnaire");
    q->add_option("--format", questions.format, "text, json, csv-header or markdown")
        ->check(CLI::IsMember({"text", "json", "csv-header", "markdown"}));
    q->add_option("--rules", questions.rules, "Definitions file instead of the embedded ones");

    auto* rules = app.add_subcommand("rules", "Show or check definitions");
    rules->require_subcommand(1, 1);
    rules->add_subcommand("show", "Print the embedded default definitions");
    std::string check_file;
    auto* check = rules->add_subcommand("check", "Validate definitions (default: the embedded ones)");
    check->add_option("FILE", check_file, "Definitions file, or - for stdin");

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

    if (*q) return cmd_questions(questions);
    if (*b) return cmd_batch(batch);
    if (*rules) return rules->got_subcommand("show") ? cmd_rules_show() : cmd_rules_check(check_file);
    return cmd_screen(screen);  // `screen`, or no command at all
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
        return exit_software;
    }
    return code;
}
