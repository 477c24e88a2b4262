// `rules show` (the definitions as JSON, or the clinical rules as Markdown)
// and `rules check`, and the one loader every command uses.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/answers_document.hpp"
#include "myoscreen/diagnostic.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen::cli {

namespace {

// Loads and reports every diagnostic. `check` parses the embedded definitions
// in full instead of reading their build-time snapshot.
Definitions load_reporting(const std::string& path, bool check) {
    try {
        if (path.empty())
            return check ? load_definitions(embedded_definitions(), "<embedded definitions>") : load_embedded_definitions();
        return load_definitions(read_input(path, "definitions"), document_name(path));
    } catch (const DefinitionsError& e) {
        for (const auto& d : e.diagnostics()) write_err(format_diagnostic(d));
        throw Failure(exit_data, fmt::format("{} problem{} in the definitions", e.diagnostics().size(),
                                             e.diagnostics().size() == 1 ? "" : "s"));
    }
}

}  // namespace

Definitions load_rules(const std::string& path) { return load_reporting(path, /*check=*/false); }

int cmd_rules_show(const std::string& format) {
    if (format != "markdown") {
        write_out(embedded_definitions());
        return exit_ok;
    }
    // docs/rules.md is this output: a test compares them.
    std::string out;
    render_rules_markdown(load_embedded_definitions(), embedded_definitions(), out);
    write_out(out);
    return exit_ok;
}

int cmd_rules_check(const std::string& path) {
    // Checking is the point here: the embedded definitions get the full scan.
    const Definitions d = load_reporting(path, /*check=*/true);
    std::size_t rules = 0;
    for (const auto& f : d.factors) rules += f.rules.size();
    write_out(fmt::format("{}: ok: \"{}\" {}: {} questions, {} derived values, {} instruments, {} factors ({} rules), {} red flags, {} checks\n",
                     path.empty() ? "embedded definitions" : path, d.name, d.version, d.questions.size(), d.derived.size(),
                     d.instruments.size(), d.factors.size(), rules, d.red_flags.size(), d.checks.size()));
    return exit_ok;
}

}  // namespace myoscreen::cli
