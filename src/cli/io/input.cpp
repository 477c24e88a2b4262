// Reading a whole input (a file or -) with the exit code its failure deserves (66 missing, 74 I/O).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exit_codes.hpp"
#include "io/io.hpp"

namespace myoscreen::cli {

std::string read_input(const std::string& path, std::string_view what) {
    const bool is_stdin = path == "-";
    const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        const int code = (err == ENOENT || err == ENOTDIR) ? exit_no_input : exit_io;
        throw Failure(code, std::string("cannot open ") + std::string(what) + " file '" + path + "': " + std::strerror(err));
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!is_stdin) ::close(fd);
        throw Failure(exit_no_input, std::string("cannot read ") + std::string(what) + " file '" + path + "': it is a directory");
    }
    std::string data;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            if (!is_stdin) ::close(fd);
            throw Failure(exit_io, std::string("error reading ") + std::string(what) + " from '" + path + "': " + std::strerror(err));
        }
        data.append(buf, static_cast<std::size_t>(n));
    }
    if (!is_stdin) ::close(fd);
    return data;
}

}  // namespace myoscreen::cli
