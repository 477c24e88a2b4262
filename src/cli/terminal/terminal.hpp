// The one place that knows about terminals, as ninja's LinePrinter is: which
// streams are terminals and "smart" (TERM not dumb, ACCESSIBLE not set), so
// may be styled and redrawn; colour (--no-color, NO_COLOR); width and
// height; every escape code myoscreen writes or binds; and the yes/no
// replies its prompts take. Everything else asks here instead of calling
// isatty() or getenv() or writing "\x1b[" itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace myoscreen {
struct TextStyle;
}

namespace myoscreen::cli {

// What one output stream is, decided once from the stream and the
// environment. A terminal is smart unless TERM is "dumb" or ACCESSIBLE is
// set (plain output for screen readers: no colour, nothing redrawn); an
// unset TERM still counts as smart, as it always has for colour.
struct TerminalFacts {
    bool terminal = false;  // isatty
    bool smart = false;     // a terminal, TERM not "dumb", ACCESSIBLE not set
    bool color = false;     // smart, and neither --no-color nor NO_COLOR
    bool redraw = false;    // smart, and NO_PROGRESS not set: a line may be redrawn in place
};
TerminalFacts terminal_facts(int fd, bool no_color_flag = false);
// Whether `fd` is a terminal at all (a PDF is not written to one; the batch
// summary is shown on one).
bool is_terminal(int fd);

// The same decisions, one at a time, for callers that need just one.
inline bool use_color(int fd, bool no_color_flag) { return terminal_facts(fd, no_color_flag).color; }
inline bool redraw_ok(int fd) { return terminal_facts(fd).redraw; }
// A non-empty environment variable.
bool env_set(const char* name);
// Columns of the terminal on `fd` (at most 120); 80 when it is not a terminal.
int terminal_width(int fd);
// Rows of the terminal on `fd`; 0 when it is not a terminal.
int terminal_height(int fd);
// Line editing (libedit) helps: stdin and stderr are terminals, stderr is
// smart, and TERM names the terminal (libedit needs to know which).
bool line_editing_wanted();

// Escape codes: a style is the bytes before and after the text it marks.
struct Style {
    std::string_view on, off;
};
namespace ansi {
inline constexpr std::string_view reset = "\x1b[0m";
inline constexpr Style bold{"\x1b[1m", reset};
inline constexpr Style dim{"\x1b[2m", reset};
inline constexpr Style red{"\x1b[1;31m", reset};       // bold red: refusals, an urgent flag
inline constexpr Style green{"\x1b[1;32m", reset};     // bold green: no warning signs
inline constexpr Style yellow{"\x1b[1;33m", reset};    // bold yellow: see a doctor soon
inline constexpr Style alarm{"\x1b[1;41;97m", reset};  // bold white on red: an emergency
// Back to the start of the line and clear it (a progress line redrawn).
inline constexpr std::string_view clear_line = "\r\x1b[K";
// Bracketed paste on and off: a paste arrives between paste_start and paste_end.
inline constexpr std::string_view paste_mode_on = "\x1b[?2004h", paste_mode_off = "\x1b[?2004l";
}  // namespace ansi

// `s` marked with `style` when `on`, else as it is.
std::string styled(std::string_view s, const Style& style, bool on);

// The text report's palette (myoscreen::TextStyle, render.hpp): these codes
// on a colour terminal, none otherwise. The core renderer writes no escape
// code of its own.
TextStyle text_report_style(bool color);

// What the keys the line editor binds send, in libedit's bind notation (\e is ESC).
namespace keys {
inline constexpr const char* paste_start = "\\e[200~";
inline constexpr const char* paste_end = "\\e[201~";
inline constexpr const char* home[] = {"\\e[H", "\\eOH", "\\e[1~", "\\e[7~"};
inline constexpr const char* end[] = {"\\e[F", "\\eOF", "\\e[4~", "\\e[8~"};
inline constexpr const char* left[] = {"\\e[D", "\\eOD"};
inline constexpr const char* right[] = {"\\e[C", "\\eOC"};
inline constexpr const char* up[] = {"\\e[A", "\\eOA"};
inline constexpr const char* down[] = {"\\e[B", "\\eOB"};
inline constexpr const char* del = "\\e[3~";
}  // namespace keys

// A reply to a yes/no prompt, read one way everywhere: blanks around it and
// letter case do not count; y or yes is true, n or no false; an empty reply
// is `on_empty` (the prompt's default, shown as [Y/n] or [y/N]); anything
// else is nullopt (the caller asks again, or reads it as something else).
std::optional<bool> yes_no_reply(std::string_view reply, std::optional<bool> on_empty = std::nullopt);
// The prompt's hint for that default: "[Y/n]", "[y/N]" or "[y/n]".
std::string_view yes_no_hint(std::optional<bool> on_empty);

}  // namespace myoscreen::cli
