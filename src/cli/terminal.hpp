// The one place that knows about terminals: colour, width.
#pragma once

namespace myoscreen::cli {

// Colour only on a terminal, never with NO_COLOR set or --no-color, and not
// for TERM=dumb.
bool use_color(int fd, bool no_color_flag);
// A non-empty environment variable.
bool env_set(const char* name);
// A line may be redrawn in place on fd (a progress line): a terminal, TERM
// not "dumb", and neither NO_PROGRESS nor ACCESSIBLE set.
bool redraw_ok(int fd);
// Columns of the terminal on `fd`; 80 when it is not a terminal.
int terminal_width(int fd);
// Rows of the terminal on `fd`; 0 when it is not a terminal.
int terminal_height(int fd);

}  // namespace myoscreen::cli
