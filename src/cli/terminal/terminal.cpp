// Terminal facts in one place (terminal.hpp): whether a stream is a smart
// terminal, colour, width, the text report's palette, yes/no replies.
#include "terminal/terminal.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

#include "myoscreen/render.hpp"

namespace myoscreen::cli {

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && v[0] != '\0';
}

namespace {
bool term_is_dumb() {
    const char* term = std::getenv("TERM");
    return term != nullptr && std::strcmp(term, "dumb") == 0;
}
}  // namespace

bool is_terminal(int fd) { return ::isatty(fd) != 0; }

TerminalFacts terminal_facts(int fd, bool no_color_flag) {
    TerminalFacts f;
    f.terminal = is_terminal(fd);
    f.smart = f.terminal && !term_is_dumb() && !env_set("ACCESSIBLE");
    f.color = f.smart && !no_color_flag && !env_set("NO_COLOR");
    f.redraw = f.smart && !env_set("NO_PROGRESS");
    return f;
}

bool line_editing_wanted() {
    return is_terminal(STDIN_FILENO) && terminal_facts(STDERR_FILENO).smart && env_set("TERM");
}

int terminal_width(int fd) {
    struct winsize ws {};
    if (::isatty(fd) != 0 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col > 120 ? 120 : ws.ws_col;
    return 80;
}

int terminal_height(int fd) {
    struct winsize ws {};
    if (::isatty(fd) != 0 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row >= 5) return ws.ws_row;
    return 0;
}

std::string styled(std::string_view s, const Style& style, bool on) {
    if (!on) return std::string(s);
    std::string out;
    out.reserve(style.on.size() + s.size() + style.off.size());
    out.append(style.on).append(s).append(style.off);
    return out;
}

TextStyle text_report_style(bool color) {
    if (!color) return {};
    const auto mark = [](const Style& s) { return TextMark{s.on, s.off}; };
    TextStyle t;
    t.strong = mark(ansi::bold);
    t.all_clear = mark(ansi::green);
    t.emergency = mark(ansi::alarm);
    t.urgent = mark(ansi::red);
    t.soon = mark(ansi::yellow);
    return t;
}

std::optional<bool> yes_no_reply(std::string_view reply, std::optional<bool> on_empty) {
    const std::size_t first = reply.find_first_not_of(" \t");
    if (first == std::string_view::npos) return on_empty;
    reply = reply.substr(first, reply.find_last_not_of(" \t") + 1 - first);
    std::string a(reply);
    for (char& c : a)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (a == "y" || a == "yes") return true;
    if (a == "n" || a == "no") return false;
    return std::nullopt;
}

std::string_view yes_no_hint(std::optional<bool> on_empty) {
    return !on_empty ? "[y/n]" : *on_empty ? "[Y/n]" : "[y/N]";
}

}  // namespace myoscreen::cli
