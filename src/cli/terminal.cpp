#include "terminal.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace myoscreen::cli {

bool use_color(int fd, bool no_color_flag) {
    if (no_color_flag || ::isatty(fd) == 0) return false;
    const char* nc = std::getenv("NO_COLOR");
    if (nc != nullptr && nc[0] != '\0') return false;
    // ACCESSIBLE: plain output for screen readers (no colour, nothing redrawn).
    const char* accessible = std::getenv("ACCESSIBLE");
    if (accessible != nullptr && accessible[0] != '\0') return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::strcmp(term, "dumb") != 0;
}

int terminal_width(int fd) {
    struct winsize ws {};
    if (::isatty(fd) != 0 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col > 120 ? 120 : ws.ws_col;
    return 80;
}

}  // namespace myoscreen::cli
