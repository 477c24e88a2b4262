// The one place that knows about terminals: colour, width.
#pragma once

namespace myoscreen::cli {

// Colour only on a terminal, never with NO_COLOR set or --no-color, and not
// for TERM=dumb.
bool use_color(int fd, bool no_color_flag);
// Columns of the terminal on `fd`; 80 when it is not a terminal.
int terminal_width(int fd);

}  // namespace myoscreen::cli
