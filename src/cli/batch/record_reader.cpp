// Reading a batch input's bytes from a file descriptor (record_reader.hpp).
#include "batch/record_reader.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_codes.hpp"

namespace myoscreen::cli {

std::size_t FdSource::read(char* buf, std::size_t n) {
    for (;;) {
        const ssize_t got = ::read(fd_, buf, n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw Failure(exit_io, fmt::format("error reading '{}': {}", name_, std::strerror(errno)));
        return static_cast<std::size_t>(got);
    }
}

}  // namespace myoscreen::cli
