// Saving and resuming a dialogue: the file written atomically with mode 0600.
#include "dialogue/saved_session.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/answers_document.hpp"
#include "myoscreen/session.hpp"

namespace myoscreen::cli {

void write_file_atomic(const std::string& path, const std::string& data) {
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw Failure(exit_io, fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    std::string_view rest = data;
    int err = 0;
    while (!rest.empty()) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { err = errno; break; }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (!err && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && !err) err = errno;
    if (!err && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
    if (err) {
        ::unlink(tmp.c_str());
        throw Failure(exit_io, fmt::format("cannot write '{}': {}", path, std::strerror(err)));
    }
}

void save_session(const std::string& path, const Definitions& defs, const Answers& answers, const std::vector<int>& history) {
    write_file_atomic(path, session_to_json(defs, answers, history));
}

void load_session(const std::string& path, const Definitions& defs, Answers& answers, std::vector<int>& history) {
    AnswersDocument doc = read_session_document(defs, read_input(path, "saved session"), document_name(path));
    // Named by the path as given, as ever ("-" too).
    if (doc.session.kind != SessionRead::Kind::ok) throw Failure(exit_data, fmt::format("{}: {}", path, doc.session.message));
    answers = std::move(doc.answers);
    history = std::move(doc.asked);
}

// A path as one shell word, for a command to copy.
std::string shell_quote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+=:,") == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace myoscreen::cli
