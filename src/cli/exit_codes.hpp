// Exit codes (README, "Exit codes") and the one failure type the commands throw;
// main() alone turns a Failure into a message and a status.
#pragma once

#include <stdexcept>
#include <string>

namespace myoscreen::cli {

enum ExitCode : int {
    exit_ok = 0,
    exit_flag_raised = 1,  // only with --fail-on-flag
    exit_usage = 2,
    exit_data = 65,        // bad answers, records or definitions (EX_DATAERR)
    exit_no_input = 66,    // input file missing (EX_NOINPUT)
    exit_software = 70,    // internal error: a bug, please report it (EX_SOFTWARE)
    exit_io = 74,          // read or write failed (EX_IOERR)
    exit_interrupted = 130,
};

// A failure with its exit code. `message` may be empty when the details were
// already printed (e.g. diagnostics); it never holds an answer value.
struct Failure : std::runtime_error {
    int code;
    Failure(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

}  // namespace myoscreen::cli
