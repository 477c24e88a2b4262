// The dialogue's terminal: see dialogue_terminal.hpp.
#include "dialogue/dialogue_terminal.hpp"

#include <cerrno>
#include <sys/select.h>
#include <unistd.h>

#include "exit_codes.hpp"
#include "io/io.hpp"

namespace myoscreen::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;
extern "C" void on_sigint(int) { interrupted = 1; }
const SigintGuard* active_guard = nullptr;

}  // namespace

SigintGuard::SigintGuard() {
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    ::sigaction(SIGINT, &sa, &old);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    ::sigprocmask(SIG_BLOCK, &block, &old_mask);
    waiting_mask = old_mask;
    sigdelset(&waiting_mask, SIGINT);
    active_guard = this;
}

SigintGuard::~SigintGuard() {
    active_guard = nullptr;
    ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
    ::sigaction(SIGINT, &old, nullptr);
}

Terminal::Terminal(bool color) : color_(color), width_(terminal_width(STDERR_FILENO)) {
    if (LineEditor::wanted()) editor_ = std::make_unique<LineEditor>([this](char& c) { return read_byte(c); });
}

void Terminal::print(std::string_view s) const { write_err(s); }

std::optional<std::string> Terminal::read_line(const std::string& prompt) {
    if (editor_) {
        auto line = editor_->read(prompt);
        check_interrupt();
        too_long_ = false;
        if (line) editor_->remember(*line);
        return line;
    }
    print(prompt);
    std::string line;
    for (;;) {
        if (auto nl = buf_.find('\n'); nl != std::string::npos) {
            line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            too_long_ = discarding_;  // the tail of an over-long line is not an answer
            discarding_ = false;
            if (too_long_) line.clear();
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return line;
        }
        const int n = fill();
        if (n == 0) {
            if (buf_.empty()) return std::nullopt;
            line.swap(buf_);  // a last line without newline
            return line;
        }
        if (buf_.size() > 4096 && buf_.find('\n') == std::string::npos) {
            buf_.clear();  // no answer is this long: drop it up to its line break
            discarding_ = true;
        }
    }
}

// Reads what the terminal has into buf_ (waiting with SIGINT let through);
// returns the bytes read, 0 at end of input. Ctrl-C throws.
int Terminal::fill() {
    for (;;) {
        if (active_guard != nullptr) {
            fd_set in;
            FD_ZERO(&in);
            FD_SET(STDIN_FILENO, &in);
            const int r = ::pselect(STDIN_FILENO + 1, &in, nullptr, nullptr, nullptr, &active_guard->waiting_mask);
            check_interrupt();
            // Interrupted by a handler that was not ours (libedit's passes
            // SIGINT on, still blocked here): wait again, and let it in.
            if (r < 0 && errno == EINTR) continue;
        }
        check_interrupt();
        char chunk[512];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        check_interrupt();
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Failure(exit_io, "error reading the terminal");
        buf_.append(chunk, static_cast<std::size_t>(n));
        return static_cast<int>(n);
    }
}

// One byte for the line editor: 1, 0 at end of input, -1 on Ctrl-C (thrown
// once libedit has put the terminal back).
int Terminal::read_byte(char& c) {
    if (buf_.empty()) {
        try {
            if (fill() == 0) return 0;
        } catch (const Failure& f) {
            if (f.code == exit_interrupted) return -1;
            throw;
        }
    }
    c = buf_.front();
    buf_.erase(0, 1);
    return 1;
}

void Terminal::check_interrupt() {
    if (!interrupted) return;
    print("\n");
    throw Failure(exit_interrupted, "interrupted; no report was made");
}

}  // namespace myoscreen::cli
