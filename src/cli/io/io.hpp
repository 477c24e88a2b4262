// File and stream handling for the commands: whole-file reads with clear
// errors, and a checked stdout writer (full disk → 74, closed pipe → quiet).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace myoscreen::cli {

// Reads a file ("-" = stdin) completely. Missing → Failure 66, other read
// errors → 74. `what` names the input in messages ("answers", "definitions").
std::string read_input(const std::string& path, std::string_view what);

// Checked writes to stdout. A closed pipe (EPIPE) throws ClosedPipe, which
// main() turns into a quiet exit 0; other errors become Failure 74.
struct ClosedPipe {};

void write_out(std::string_view text);
// Flushes and closes stdout, checking for errors; call once at the end.
void finish_output();

// Messages to stderr, prefixed "myoscreen: ".
void warn(std::string_view message);
// Raw text to stderr (diagnostics that carry their own FILE:LINE:COL prefix).
void write_err(std::string_view text);

}  // namespace myoscreen::cli
