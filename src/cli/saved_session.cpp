#include "saved_session.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../core/json_locator.hpp"
#include "../core/json_writer.hpp"
#include "exit_codes.hpp"
#include "io.hpp"

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
    std::string out;
    detail::JsonWriter w(out, true);
    w.begin_object().key("schema").string("myoscreen.session/1");
    w.key("definitions").begin_object().key("name").string(defs.name).key("version").string(defs.version).end_object();
    w.key("answers").raw(answers_to_json(defs, answers));
    w.key("asked").begin_array();
    for (int q : history) w.string(defs.questions[q].id);
    w.end_array().end_object().put("\n").finish();
    write_file_atomic(path, out);
}

void load_session(const std::string& path, const Definitions& defs, Answers& answers, std::vector<int>& history) {
    const std::string text = read_input(path, "saved session");
    const auto bad = [&](const std::string& why) { return Failure(exit_data, fmt::format("{}: {}", path, why)); };
    if (const auto nul = detail::find_nul_byte(text); nul != std::string::npos)
        throw bad(fmt::format("invalid JSON at {}: {}", detail::describe_offset(text, nul), detail::nul_byte_reason));
    // Ordered, so that "key 3" in a message counts keys as they are in the file.
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("schema", "") != "myoscreen.session/1")
        throw bad("not a saved myoscreen session");
    const auto& d = j["definitions"];
    const std::string name = d.is_object() ? d.value("name", "") : "";
    const std::string version = d.is_object() ? d.value("version", "") : "";
    if (name != defs.name || version != defs.version)
        throw bad(fmt::format("saved with definitions \"{}\" {}, but these are \"{}\" {}; start a new session or use --rules with the "
                              "definitions it was saved with",
                              name, version, defs.name, defs.version));
    const auto errs = parse_json_answers(defs, j["answers"].dump(), answers);
    if (!errs.empty())
        throw bad(errs[0].field.empty() ? fmt::format("answers: {}", errs[0].reason)
                                        : fmt::format("answers: question '{}': {}", errs[0].field, errs[0].reason));
    history.clear();
    if (j.contains("asked") && j["asked"].is_array())
        for (const auto& id : j["asked"]) {
            const int q = id.is_string() ? defs.question_index(id.get<std::string>()) : -1;
            if (q < 0) throw bad("unknown question in the list of questions asked");
            history.push_back(q);
        }
}

}  // namespace myoscreen::cli
