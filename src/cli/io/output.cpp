// Checked writes to stdout and stderr: a closed pipe ends quietly, any other failure is exit 74.
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <cstring>
#include <string>
#include <unistd.h>

#include "exit_codes.hpp"
#include "io/io.hpp"

namespace myoscreen::cli {

namespace {
[[noreturn]] void write_failed(int err) {
    if (err == EPIPE) throw ClosedPipe{};
    throw Failure(exit_io, std::string("writing output failed: ") + std::strerror(err));
}
}  // namespace

// Unbuffered in our own code: callers hand over whole reports or chunks, so
// one write(2) loop per call is cheap and every error is seen at once.
void write_out(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            write_failed(errno);
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

void finish_output() {
    // CLI11 prints help and version through std::cout: flush it first.
    std::cout.flush();
    if (std::fflush(stdout) != 0 || !std::cout) write_failed(errno ? errno : EIO);
    if (::close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR) write_failed(errno);
}

void write_err(std::string_view text) {
    // stderr is best effort: nothing sensible remains if it fails.
    while (!text.empty()) {
        const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

void warn(std::string_view message) {
    std::string line = "myoscreen: ";
    line += message;
    line += '\n';
    write_err(line);
}

}  // namespace myoscreen::cli
