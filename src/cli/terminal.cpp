// Terminal facts in one place: whether stderr is a terminal, colour (NO_COLOR, TERM=dumb), width.
#include "terminal.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace myoscreen::cli {

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && v[0] != '\0';
}

bool use_color(int fd, bool no_color_flag) {
    if (no_color_flag || ::isatty(fd) == 0 || env_set("NO_COLOR")) return false;
    // ACCESSIBLE: plain output for screen readers (no colour, nothing redrawn).
    if (env_set("ACCESSIBLE")) return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::strcmp(term, "dumb") != 0;
}

bool redraw_ok(int fd) {
    if (::isatty(fd) == 0 || env_set("NO_PROGRESS") || env_set("ACCESSIBLE")) return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::strcmp(term, "dumb") != 0;
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

}  // namespace myoscreen::cli
