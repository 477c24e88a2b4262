// myoscreen(1) in roff, generated from the CLI definition (app.cpp) so the
// man page says exactly what --help says.
#include <fmt/format.h>

#include "app.hpp"

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

std::string option_label(const CLI::Option& o) {
    std::string names;
    for (const auto& n : o.get_snames()) names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-{}\\fR", n);
    for (const auto& n : o.get_lnames()) names += (names.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff("--" + n));
    if (o.get_positional()) names = fmt::format("\\fI{}\\fR", roff(o.get_name()));
    if (o.get_type_size() == 0 || o.get_positional()) return names;
    const auto choices = option_choices(o);
    std::string value;
    if (!choices.empty())
        for (const auto& c : choices) value += (value.empty() ? "" : "|") + roff(c);
    else
        value = fmt::format("\\fI{}\\fR", roff(o.get_type_name().substr(0, o.get_type_name().find(':'))));
    return names + " " + value;
}

void options(std::string& out, const CLI::App& app) {
    for (const CLI::Option* o : app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); })) {
        if (o->get_name() == "--help") continue;
        out += fmt::format(".TP\n{}\n{}", option_label(*o), roff(o->get_description()));
        if (!o->get_default_str().empty() && o->get_type_size() != 0 && !o->get_positional())
            out += fmt::format(" (default: {})", roff(o->get_default_str()));
        out += "\n";
    }
}

void examples(std::string& out, std::string_view command) {
    for (const Example& e : examples_of(command))
        out += fmt::format(".PP\n.nf\n\\f(CW{}\\fR\n.fi\n.RS\n{}\n.RE\n", roff(e.command), roff(e.what));
}

}  // namespace

std::string man_page(const CLI::App& app) {
    std::string out = fmt::format(".TH MYOSCREEN 1 \"\" \"myoscreen {}\" \"User Commands\"\n", MYOSCREEN_VERSION);
    out += ".SH NAME\nmyoscreen \\- muscle\\-loss risk screener (a screening aid, not a diagnosis)\n";
    out += ".SH SYNOPSIS\n";
    const auto commands = app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); });
    out += ".B myoscreen\n[\\fISCREEN OPTIONS\\fR]\n.br\n";
    for (const CLI::App* c : commands) out += fmt::format(".B myoscreen {}\n[\\fIOPTIONS\\fR]\n.br\n", c->get_name());
    out += ".B myoscreen\n\\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR\n";
    out += ".SH DESCRIPTION\n"
           "myoscreen asks about 50 questions (fewer when skip logic leaves some out), scores validated screening "
           "instruments (SARC\\-F, SARC\\-CalF, FRAIL, MNA\\-SF, ADAM and others) and reports the likely contributing "
           "factors to muscle loss \\(em aging, inactivity, malnutrition, disease, nerve damage, injury, hormones \\(em "
           "with a \"seek medical attention\" flag and its urgency.\n.PP\n"
           "Prompts go to the terminal (stderr) and the report to stdout. With no command, myoscreen runs "
           "\\fBscreen\\fR. Batch mode is a pure stdin\\(->stdout filter, so it runs unchanged under GNU parallel.\n";
    out += ".SH COMMANDS\n";
    for (const CLI::App* c : commands) {
        out += fmt::format(".SS \"{}\"\n{}\n", roff(c->get_name()), roff(c->get_description()));
        options(out, *c);
        for (const CLI::App* sub : c->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
            out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", roff(sub->get_name()), roff(sub->get_description()));
            for (const CLI::Option* o : sub->get_options([](const CLI::Option* o) { return o->get_positional(); }))
                out += fmt::format("Takes {}: {}.\n", option_label(*o), roff(o->get_description()));
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
