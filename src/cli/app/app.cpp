// The CLI11 definition of every command and option, the parsing of a
// command line against it, and the plain table of it (see app.hpp). The only
// file that includes CLI11: its header is most of what a CLI file costs to
// compile.
#include "app/app.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen::cli {

const std::vector<ExitStatus>& exit_statuses() {
    static const std::vector<ExitStatus> s = {
        {exit_ok, "success", "success"},
        {exit_flag_raised, "the medical-attention flag was raised and --fail-on-flag given",
         "screening finished, the medical-attention flag was raised and --fail-on-flag was given "
         "(without --fail-on-flag a raised flag exits 0)"},
        {exit_usage, "usage error", "usage error"},
        {exit_data, "bad data", "bad data: answers, records or definitions"},
        {exit_no_input, "an input file is missing", "an input file is missing"},
        {exit_software, "internal error", "internal error (a bug: please report it)"},
        {exit_io, "I/O error", "I/O error, e.g. disk full (output is never silently truncated)"},
        {exit_interrupted, "interrupted", "interrupted (Ctrl-C)"},
    };
    return s;
}

const std::vector<Example>& examples_of(std::string_view command) {
    static const std::vector<Example> none;
    static const std::vector<Example> top = {
        {"myoscreen", "answer the questionnaire on this terminal"},
        {"myoscreen screen --answers visit.json --format json", "screen answers kept in a file"},
        {"myoscreen batch cohort.csv --summary > results.jsonl", "screen a cohort, one result line per record"},
    };
    static const std::vector<Example> screen = {
        {"myoscreen screen", "the questionnaire on this terminal; the report on stdout"},
        {"myoscreen screen --save progress.json", "keep progress after every answer; --resume progress.json continues"},
        {"myoscreen screen --answers visit.json --format json", "answers from FILE (a JSON object), report as JSON"},
        {"myoscreen screen < typed-answers.txt", "one typed answer a line, as they would be typed"},
        {"myoscreen screen --report for-my-doctor.html", "the dialogue, and the report also saved as a page to print"},
        {"myoscreen screen --answers visit.json --format pdf --paper letter > report.pdf", "a PDF report"},
        {"myoscreen screen --answers response.json", "answers from a FHIR R4 QuestionnaireResponse"},
        {"myoscreen screen --answers visit.json --format fhir > bundle.json", "a FHIR R4 Bundle: RiskAssessment, Observations, Flag"},
    };
    static const std::vector<Example> batch = {
        {"myoscreen batch cohort.csv > results.jsonl", "CSV with a header row of question ids"},
        {"myoscreen batch --format csv --summary cohort.jsonl > results.csv", "JSON Lines in, CSV out, a summary on stderr"},
        {"zcat big.jsonl.gz | myoscreen batch --input jsonl --jobs 4", "from stdin, four worker threads"},
        {"myoscreen batch cohort.csv --report cohort.html > results.jsonl", "and a cohort report with charts"},
        {"myoscreen batch --input fhir responses.ndjson > results.jsonl", "FHIR QuestionnaireResponses, one a line (Bulk Data NDJSON)"},
        {"myoscreen batch --input redcap export.csv --format fhir > bundles.ndjson", "a REDCap export in, a FHIR Bundle a line out"},
    };
    static const std::vector<Example> next = {
        {"myoscreen next --answers so-far.json", "{\"next\": QUESTION or null, \"needed\": [ids], \"asked\": N}"},
        {"myoscreen next --session progress.json | jq -r '.next.text // \"done\"'", "the next question's text"},
    };
    static const std::vector<Example> questions = {
        {"myoscreen questions", "every question, its answers and skip logic"},
        {"myoscreen questions --format csv-header > template.csv", "a CSV header for batch input"},
        {"myoscreen questions --format json", "the questionnaire for another front-end"},
        {"myoscreen questions --format fhir > questionnaire.json", "the questionnaire as a FHIR R4 Questionnaire"},
        {"myoscreen questions --format redcap > dictionary.csv", "a REDCap data dictionary to upload"},
    };
    static const std::vector<Example> rules = {
        {"myoscreen rules check my-definitions.json", "check a definitions file; every problem with FILE:LINE:COL"},
        {"myoscreen rules show > definitions.json", "the embedded definitions, to start your own"},
    };
    static const std::vector<Example> completion = {
        {"myoscreen completion bash > /etc/bash_completion.d/myoscreen", "install bash completion"},
        {"myoscreen completion zsh > \"${fpath[1]}/_myoscreen\"", "install zsh completion"},
        {"myoscreen completion fish > ~/.config/fish/completions/myoscreen.fish", "install fish completion"},
    };
    if (command.empty()) return top;
    if (command == "screen") return screen;
    if (command == "batch") return batch;
    if (command == "questions") return questions;
    if (command == "next") return next;
    if (command == "rules" || command == "check" || command == "show") return rules;
    if (command == "completion") return completion;
    return none;
}

namespace {

std::string examples_footer(std::string_view command) {
    std::string out = "Examples:\n";
    for (const Example& e : examples_of(command)) out += fmt::format("  {}\n      {}\n", e.command, e.what);
    return out;
}

// Help that leads with examples (after the one-line description, before
// Usage): people copy an example first and read the options second.
class ExamplesFirst : public CLI::Formatter {
public:
    std::string make_description(const CLI::App* app) const override {
        std::string out = CLI::Formatter::make_description(app);
        const std::string_view name = app->get_parent() ? std::string_view(app->get_name()) : std::string_view();
        if (!examples_of(name).empty()) out += "\n" + examples_footer(name) + "\n";
        return out;
    }
};

std::string exit_footer() {
    std::string out = "Exit codes:";
    for (const ExitStatus& s : exit_statuses()) out += fmt::format(" {} {},", s.code, s.brief);
    out.back() = '.';
    return out;
}

// The screen command's options, on `screen` and, as it is the default
// command, on the top level too (`myoscreen --save F` = `myoscreen screen --save F`).
void add_screen_options(CLI::App* s, ScreenArgs& screen) {
    s->add_option("--answers", screen.answers,
                  "Read the answers from FILE (a JSON answers object or a FHIR QuestionnaireResponse), or - for stdin")
        ->type_name("FILE");
    s->add_option("--format", screen.format, "Report format on stdout (default: text); pdf only when stdout is not a terminal")
        ->check(CLI::IsMember({"text", "json", "html", "pdf", "fhir"}));
    s->add_option("--report", screen.report,
                  "Also write the report to FILE, in the format its extension names (.html .pdf .json .txt); mode 0600")
        ->type_name("FILE");
    s->add_option("--paper", screen.paper, "Paper size of html and pdf reports (default: the locale's paper, else a4)")
        ->check(CLI::IsMember({"a4", "letter"}));
    s->add_flag("--explain", screen.explain, "Show which rules fired, which did not, and what would decide the rest");
    s->add_flag("--include-answers", screen.include_answers,
                "JSON report: add \"answers\", every answer as understood (base units, codes), to feed back as --answers");
    s->add_option("--rules", screen.rules, "Read definitions from FILE instead of the embedded ones")->type_name("FILE");
    s->add_option("--save", screen.save, "Keep dialogue progress in FILE after every answer (mode 0600)")->type_name("FILE");
    s->add_option("--resume", screen.resume, "Continue a dialogue saved with --save FILE")->type_name("FILE");
    s->add_flag("--no-color", screen.no_color, "No colour or bold, even on a terminal (also: NO_COLOR set)");
    s->add_flag("--fail-on-flag", screen.fail_on_flag, "Exit 1 when the medical-attention flag is raised");
    s->add_flag("--all-questions", screen.all_questions,
                "Dialogue: ask every question, not only those that can still change the result");
}

std::unique_ptr<CLI::App> make_app(Args& a) {
    auto app = std::make_unique<CLI::App>("myoscreen: a muscle-loss risk screener. A screening aid, not a diagnosis.", "myoscreen");
    app->set_version_flag("--version", std::string("myoscreen ") + MYOSCREEN_VERSION);
    app->require_subcommand(0, 1);
    app->formatter(std::make_shared<ExamplesFirst>());  // inherited by the subcommands added below

    auto* s = app->add_subcommand("screen", "Screen one person: dialogue on a terminal, piped lines, or --answers FILE");
    add_screen_options(s, a.screen);
    add_screen_options(app.get(), a.screen);
    for (CLI::Option* o : app->get_options())
        if (o->get_name() != "--help" && o->get_name() != "--version") o->group("Screen options (screen is the default command)");

    BatchArgs& batch = a.batch;
    auto* b = app->add_subcommand("batch", "Screen many records (CSV or JSON Lines), one result line per record, in order");
    b->add_option("FILE", batch.files, "Input files, or - for stdin (default: stdin)")->type_name("FILE");
    b->add_option("--input", batch.input,
                  "Input format (default: from the file extension, or the content); fhir: NDJSON of FHIR R4 "
                  "QuestionnaireResponses; redcap: a REDCap CSV export of the project questions --format redcap describes")
        ->check(CLI::IsMember({"csv", "jsonl", "fhir", "redcap"}));
    b->add_option("--format", batch.format, "Output format (fhir: a FHIR R4 Bundle a line)")
        ->check(CLI::IsMember({"jsonl", "csv", "json", "fhir"}))
        ->capture_default_str();
    b->add_option("--jobs,-j", batch.jobs, "Worker threads (default: all cores)")->check(CLI::Range(1U, 1024U))->type_name("N");
    b->add_option("--id-column", batch.id_column, "Column or key carrying a record id into the output")
        ->capture_default_str()
        ->type_name("NAME");
    b->add_flag("--summary", batch.summary, "Print a summary to stderr at the end (always on a terminal)");
    b->add_option("--report", batch.report, "Also write a cohort report with charts to FILE (.html); mode 0600")->type_name("FILE.html");
    b->add_option("--paper", batch.paper, "Paper size of the cohort report when printed (default: the locale's paper, else a4)")
        ->check(CLI::IsMember({"a4", "letter"}));
    b->add_flag("--explain", batch.explain, "Include per-rule outcomes in JSON output");
    b->add_flag("--include-answers", batch.include_answers,
                "JSON output: add \"answers\" to each report, every answer as understood (base units, codes)");
    b->add_flag("--no-color", batch.no_color, "No colour in the summary");
    b->add_option("--rules", batch.rules, "Read definitions from FILE instead of the embedded ones")->type_name("FILE");
    b->add_option("--max-errors", batch.max_errors, "Stop after N invalid records (default: never)")->type_name("N");
    b->add_option("--max-record-bytes", batch.max_record_bytes, "Longest record accepted, in bytes")
        ->capture_default_str()
        ->check(CLI::Range(16, 1 << 30))
        ->type_name("N");

    NextArgs& next = a.next;
    auto* n = app->add_subcommand("next", "Print the adaptive questionnaire's next question as JSON, for other front-ends");
    n->add_option("--answers", next.answers, "The answers so far: a JSON answers object or a FHIR QuestionnaireResponse in FILE, or - for stdin")->type_name("FILE");
    n->add_option("--session", next.session, "Or a session saved with screen --save FILE (skipped questions are not asked again)")
        ->type_name("FILE");
    n->add_option("--rules", next.rules, "Read definitions from FILE instead of the embedded ones")->type_name("FILE");

    QuestionsArgs& questions = a.questions;
    auto* q = app->add_subcommand("questions", "Print the questionnaire (stdout)");
    q->add_option("--format", questions.format, "Output format")
        ->check(CLI::IsMember({"text", "json", "csv-header", "markdown", "fhir", "redcap"}))
        ->capture_default_str();
    q->add_option("--rules", questions.rules, "Read definitions from FILE instead of the embedded ones")->type_name("FILE");

    auto* rules = app->add_subcommand("rules", "Show or check definitions");
    rules->require_subcommand(1, 1);
    rules->add_subcommand("show", "Print the embedded default definitions (stdout)")
        ->add_option("--format", a.rules_format, "json: the definitions as they are; markdown: the clinical rules to read (docs/rules.md)")
        ->check(CLI::IsMember({"json", "markdown"}))
        ->capture_default_str();
    auto* check = rules->add_subcommand("check", "Check definitions and print every problem (default: the embedded ones)");
    check->add_option("FILE", a.check_file, "Definitions file, or - for stdin")->type_name("FILE");

    auto* completion = app->add_subcommand("completion", "Print a shell completion script (stdout)");
    completion->add_option("SHELL", a.shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}))->type_name("SHELL");

    // Hidden: the man page, generated from this definition at build time.
    app->add_subcommand("manpage", "Print the man page myoscreen(1) in roff")->group("");

    // Set last: CLI11 copies a footer into subcommands added after it.
    app->footer("With no command, runs `screen`: the questionnaire on a terminal.\n" + exit_footer());
    return app;
}

// The choices an option accepts ("TEXT:{a,b}" -> a, b), from its CLI11 check.
std::vector<std::string> option_choices(const CLI::Option& opt) {
    std::vector<std::string> out;
    const std::string t = opt.get_type_name();
    const auto open = t.find('{'), close = t.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) return out;
    std::string cur;
    for (char c : t.substr(open + 1, close - open - 1)) {
        if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The plain table: what the man page and the completions need of an option
// and of a command, read from CLI11 once.
OptionInfo option_info(const CLI::Option& o) {
    OptionInfo r;
    r.name = o.get_name();
    r.long_names = o.get_lnames();
    r.short_names = o.get_snames();
    r.help = o.get_description();
    r.positional = o.get_positional();
    r.takes_value = o.get_expected_max() != 0;  // a flag expects none (its type size is not 0)
    if (r.takes_value) {
        const std::string type = o.get_type_name();  // "FILE", or "TEXT:{a,b}" with a check
        r.value = type.substr(0, type.find(':'));
        r.choices = option_choices(o);
        r.default_value = o.get_default_str();
    }
    return r;
}

bool visible(const CLI::App* c) { return !c->get_group().empty(); }

CommandInfo command_info(const CLI::App& app) {
    CommandInfo r{app.get_name(), app.get_description(), {}, {}};
    for (const CLI::Option* o : app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); }))
        r.options.push_back(option_info(*o));
    for (const CLI::App* c : app.get_subcommands(visible)) r.subcommands.push_back(command_info(*c));
    return r;
}

// A word where a command goes that is no command: say which one was meant
// (CLI11 would only say the argument was not expected). False when `word`
// is a command.
bool refuse_unknown_command(const CLI::App& app, const std::string& word) {
    if (!app.get_subcommands([&](const CLI::App* c) { return c->check_name(word); }).empty()) return false;
    std::string best;
    int best_d = 3;
    for (const CLI::App* c : app.get_subcommands(visible)) {
        if (c->get_name() == word) return false;
        if (const int d = myoscreen::edit_distance(word, c->get_name()); d < best_d) best_d = d, best = c->get_name();
    }
    warn(best.empty() ? "'" + word + "' is not a command" : "'" + word + "' is not a command; did you mean '" + best + "'?");
    warn("run 'myoscreen --help' for the commands");
    return true;
}

Command chosen_command(const CLI::App& app) {
    const auto chosen = [&](const char* name) { return app.got_subcommand(name); };
    if (chosen("questions")) return Command::questions;
    if (chosen("batch")) return Command::batch;
    if (chosen("next")) return Command::next;
    if (chosen("rules")) return app.get_subcommand("rules")->got_subcommand("show") ? Command::rules_show : Command::rules_check;
    if (chosen("completion")) return Command::completion;
    if (chosen("manpage")) return Command::manpage;
    return Command::screen;  // `screen`, or no command at all
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, Args& args) {
    const auto app = make_app(args);
    if (argc > 1 && argv[1][0] != '-' && refuse_unknown_command(*app, argv[1])) return exit_usage;
    try {
        app->parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app->exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app->exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app->exit(e);
    } catch (const CLI::ParseError& e) {
        warn(e.what());
        warn("run 'myoscreen --help' for usage");
        return exit_usage;
    }
    args.command = chosen_command(*app);
    return std::nullopt;
}

CommandInfo command_table() {
    Args unused;
    return command_info(*make_app(unused));
}

}  // namespace myoscreen::cli
