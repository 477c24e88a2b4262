// `screen`: answers from a JSON file, from piped lines, or from the terminal
// dialogue; then one report to stdout.
#include <unistd.h>

#include <optional>

#include <fmt/format.h>

#include "commands/commands.hpp"
#include "dialogue/dialogue.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"
#include "dialogue/line_answers.hpp"
#include "myoscreen/adaptive.hpp"
#include "myoscreen/answers_document.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"
#include "io/report_output.hpp"
#include "dialogue/saved_session.hpp"
#include "terminal/terminal.hpp"

namespace myoscreen::cli {
namespace {

// Plausibility checks of answers not typed in the dialogue: warnings on
// stderr naming the check and where the answers came from; never errors.
void warn_checks(const Definitions& d, const Report& report, const std::string& from) {
    for (int k : report.checks) {
        const Check& c = d.checks[static_cast<std::size_t>(k)];
        std::string confirm;
        for (int q : c.confirm) confirm += (confirm.empty() ? "" : ", ") + d.questions[static_cast<std::size_t>(q)].id;
        warn(fmt::format("warning: {}: check {}: {} (answers to confirm: {}; they were used as given)", from, c.id,
                         check_message(d, report, k), confirm));
    }
}

}  // namespace

Answers read_answers_file(const Definitions& d, const std::string& path) {
    AnswersDocument doc = read_answers_document(d, read_input(path, "answers"), document_name(path));
    if (doc.kind == DocumentKind::session)
        // Say how to use it rather than list its keys as unknown questions.
        throw Failure(exit_usage, path == "-" ? fmt::format("{} is a saved session (myoscreen --save), not an answers file: resume it "
                                                            "from its file with myoscreen --resume FILE", doc.name)
                                              : fmt::format("{} is a saved session (myoscreen --save), not an answers file: resume it "
                                                            "with myoscreen --resume {}", doc.name, shell_quote(path)));
    if (!doc.has_answers)
        throw Failure(exit_data, fmt::format("{} is a myoscreen report without its answers: make the report with --include-answers "
                                             "to feed it back as --answers", doc.name));
    if (!doc.errors.empty()) {
        for (const auto& e : doc.errors) warn(document_error_message(doc, e));
        throw Failure(exit_data, fmt::format("{} invalid answer{} in {}", doc.errors.size(), doc.errors.size() == 1 ? "" : "s", doc.name));
    }
    return std::move(doc.answers);
}

int cmd_screen(const ScreenArgs& a) {
    // What the report options ask for must be possible before any question is asked.
    std::optional<std::string> report_format;
    if (!a.report.empty() && !(report_format = format_of_file(a.report)))
        throw Failure(exit_usage, fmt::format("--report {}: name the format by the extension: .html, .pdf, .json or .txt", a.report));
    if (a.format == "pdf" && is_terminal(STDOUT_FILENO))
        throw Failure(exit_usage, "a PDF is not shown on a terminal: use --report FILE.pdf, or redirect stdout "
                                  "(myoscreen screen --format pdf > report.pdf)");
    if (a.include_answers && a.format != "json" && report_format != std::optional<std::string>("json"))
        throw Failure(exit_usage, "--include-answers adds \"answers\" to a JSON report: use --format json or --report FILE.json");
    const Definitions d = load_rules(a.rules);
    const bool tty_in = is_terminal(STDIN_FILENO);
    if (a.answers.empty() && !tty_in && (!a.save.empty() || !a.resume.empty()))
        throw Failure(exit_usage, "--save and --resume need the interactive dialogue (a terminal on stdin)");
    if (!a.answers.empty() && (!a.save.empty() || !a.resume.empty()))
        throw Failure(exit_usage, "--save and --resume cannot be combined with --answers");

    Answers answers;
    std::optional<AskedSet> asked;  // the adaptive dialogue's: what it put to the person
    std::string report_path = a.report;
    if (!a.answers.empty()) answers = read_answers_file(d, a.answers);
    else if (!tty_in) answers = read_line_answers(d);
    else {
        DialogueOptions o;
        o.save = a.save;
        o.resume = a.resume;
        o.color = use_color(STDERR_FILENO, a.no_color);
        o.adaptive = !a.all_questions;
        std::string offered;
        if (a.report.empty()) o.offer_report = &offered;  // "Save this report to take to your doctor?"
        DialogueResult r = run_dialogue(d, o);
        answers = std::move(r.answers);
        if (o.adaptive) asked = std::move(r.asked);
        if (!offered.empty()) {
            report_path = offered;
            report_format = format_of_file(offered);
        }
    }

    ScreenOptions so;
    so.explain = a.explain;
    Report report = screen(d, answers, so);
    if (asked) mark_not_needed(report, *asked);
    for (int q : report.ignored)
        warn(fmt::format("answer to '{}' ignored: the question does not apply (its ask_if is false)", d.questions[q].id));
    // The dialogue asked about these as they arose; other sources are told here.
    if (!a.answers.empty()) warn_checks(d, report, document_name(a.answers));
    else if (!tty_in) warn_checks(d, report, document_name("-") + " (line mode)");

    ReportOutput ro;
    ro.format = a.format.empty() ? "text" : a.format;
    ro.explain = a.explain;
    ro.include_answers = a.include_answers;
    ro.color = use_color(STDOUT_FILENO, a.no_color);
    ro.width = terminal_width(STDOUT_FILENO);
    ro.height = terminal_height(STDOUT_FILENO);
    ro.paper = paper_from(a.paper);
    ro.generated = report_time();
    std::optional<Failure> file_failed;
    if (report_format) {
        ReportOutput fo = ro;
        fo.format = *report_format;
        fo.color = false;
        fo.width = 80;
        fo.height = 0;
        try {
            write_file_atomic(report_path, render_report(report, answers, fo));
            if (tty_in && a.answers.empty()) write_err(fmt::format("Report saved to {} (readable only by you).\n", report_path));
        } catch (const Failure& f) {
            file_failed = f;  // the report on stdout is still shown
        }
    }
    write_out(render_report(report, answers, ro));
    if (file_failed) throw *file_failed;
    return a.fail_on_flag && report.attention.flag ? exit_flag_raised : exit_ok;
}

}  // namespace myoscreen::cli
