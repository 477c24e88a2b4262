// myoscreen(1) in roff, generated from the CLI definition (app.cpp's
// command_table()) so the man page says exactly what --help says.
#include <fmt/format.h>

#include "app/app.hpp"

namespace myoscreen::cli {
namespace {

// Text as roff: backslashes escaped, a leading dot or quote made literal,
// hyphens in option names kept as hyphens.
std::string roff(std::string_view s) {
    std::string out;
    bool line_start = true;
    for (char c : s) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

std::string option_label(const OptionInfo& o) {
    std::string names;
    for (const auto& n : o.short_names) names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-{}\\fR", n);
    for (const auto& n : o.long_names) names += (names.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff("--" + n));
    if (o.positional) names = fmt::format("\\fI{}\\fR", roff(o.name));
    if (!o.takes_value || o.positional) return names;
    std::string value;
    if (!o.choices.empty())
        for (const auto& c : o.choices) value.append(value.empty() ? "" : "|").append(roff(c));
    else
        value = fmt::format("\\fI{}\\fR", roff(o.value));
    return names + " " + value;
}

void options(std::string& out, const CommandInfo& command) {
    for (const OptionInfo& o : command.options) {
        if (o.name == "--help") continue;
        out += fmt::format(".TP\n{}\n{}", option_label(o), roff(o.help));
        if (!o.default_value.empty() && o.takes_value && !o.positional)
            out += fmt::format(" (default: {})", roff(o.default_value));
        out += "\n";
    }
}

void examples(std::string& out, std::string_view command) {
    for (const Example& e : examples_of(command))
        out += fmt::format(".PP\n.nf\n\\f(CW{}\\fR\n.fi\n.RS\n{}\n.RE\n", roff(e.command), roff(e.what));
}

}  // namespace

std::string man_page(const CommandInfo& app) {
    std::string out = fmt::format(".TH MYOSCREEN 1 \"\" \"myoscreen {}\" \"User Commands\"\n", MYOSCREEN_VERSION);
    out += ".SH NAME\nmyoscreen \\- muscle\\-loss risk screener (a screening aid, not a diagnosis)\n";
    out += ".SH SYNOPSIS\n";
    const auto& commands = app.subcommands;
    out += ".B myoscreen\n[\\fISCREEN OPTIONS\\fR]\n.br\n";
    for (const CommandInfo& c : commands) out += fmt::format(".B myoscreen {}\n[\\fIOPTIONS\\fR]\n.br\n", c.name);
    out += ".B myoscreen\n\\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR\n";
    out += ".SH DESCRIPTION\n"
           "myoscreen asks about 50 questions (fewer when skip logic leaves some out), scores validated screening "
           "instruments (SARC\\-F, SARC\\-CalF, FRAIL, MNA\\-SF, ADAM and others) and reports the likely contributing "
           "factors to muscle loss \\(em aging, inactivity, malnutrition, disease, nerve damage, injury, hormones \\(em "
           "with a \"seek medical attention\" flag and its urgency.\n.PP\n"
           "Prompts go to the terminal (stderr) and the report to stdout. With no command, myoscreen runs "
           "\\fBscreen\\fR. Batch mode is a pure stdin\\(->stdout filter, so it runs unchanged under GNU parallel.\n";
    out += ".SH COMMANDS\n";
    for (const CommandInfo& c : commands) {
        out += fmt::format(".SS \"{}\"\n{}\n", roff(c.name), roff(c.help));
        options(out, c);
        for (const CommandInfo& sub : c.subcommands) {
            out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", roff(sub.name), roff(sub.help));
            for (const OptionInfo& o : sub.options)
                if (o.name != "--help") out += fmt::format("Takes {}: {}.\n", option_label(o), roff(o.help));
        }
    }
    out += ".SH EXAMPLES\n";
    for (std::string_view c : {"", "screen", "next", "batch", "questions", "rules", "completion"}) examples(out, c);
    out += ".SH ENVIRONMENT\n"
           ".TP\n.B NO_COLOR\nWhen set, no colour or bold anywhere.\n"
           ".TP\n.B TERM\n\\fBdumb\\fR gives plain prompts and plain line reading.\n"
           ".TP\n.B ACCESSIBLE\nWhen set, plain prompts for screen readers: no colour, nothing redrawn.\n"
           ".TP\n.B NO_PROGRESS\nWhen set, batch shows no progress line.\n";
    out += ".SH EXIT STATUS\n";
    for (const ExitStatus& s : exit_statuses()) out += fmt::format(".TP\n.B {}\n{}\n", s.code, roff(s.meaning));
    out += ".SH NOTES\nmyoscreen is a screening aid, not a diagnosis. It cannot rule out disease. If you are worried "
           "about your health, or your symptoms are new or getting worse, see a doctor. In an emergency, call your "
           "local emergency number.\n";
    out += ".SH SEE ALSO\nThe README and docs/ of the myoscreen source, installed under /usr/share/doc/myoscreen.\n";
    return out;
}

}  // namespace myoscreen::cli
