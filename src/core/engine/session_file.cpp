// The saved-session file (`--save`, `--resume`): which definitions, the
// answers so far and the questions already asked, as myoscreen.session/1.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json/json_locator.hpp"
#include "json/json_writer.hpp"
#include "myoscreen/session.hpp"

namespace myoscreen {

std::string session_to_json(const Definitions& defs, const Answers& answers, const std::vector<int>& history) {
    std::string out;
    detail::JsonWriter w(out, true);
    w.begin_object().key("schema").string("myoscreen.session/1");
    w.key("definitions").begin_object().key("name").string(defs.name).key("version").string(defs.version).end_object();
    w.key("answers").raw(answers_to_json(defs, answers));
    w.key("asked").begin_array();
    for (int q : history) w.string(defs.questions[q].id);
    w.end_array().end_object().put("\n").finish();
    return out;
}

namespace {

// A string member, or "" when it is missing or not a string (nlohmann's
// value() throws on a member of another type).
std::string string_member(const nlohmann::ordered_json& j, const char* key) {
    if (!j.is_object()) return "";
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

SessionRead read_session(std::string_view text, const Definitions& defs, Answers& answers, std::vector<int>& history) {
    using Kind = SessionRead::Kind;
    if (const auto nul = detail::find_nul_byte(text); nul != std::string::npos)
        return {Kind::invalid, fmt::format("invalid JSON at {}: {}", detail::describe_offset(text, nul), detail::nul_byte_reason)};
    // Ordered, so that "key 3" in a message counts keys as they are in the file.
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
    if (j.is_discarded() || string_member(j, "schema") != "myoscreen.session/1")
        return {Kind::not_a_session, "not a saved myoscreen session"};
    const auto& d = j["definitions"];
    const std::string name = string_member(d, "name");
    const std::string version = string_member(d, "version");
    if (name != defs.name || version != defs.version)
        return {Kind::other_definitions,
                fmt::format("saved with definitions \"{}\" {}, but these are \"{}\" {}; start a new session or use --rules "
                            "with the definitions it was saved with",
                            name, version, defs.name, defs.version)};
    const auto errs = parse_json_answers(defs, j["answers"].dump(), answers);
    if (!errs.empty())
        return {Kind::invalid, errs[0].field.empty() ? fmt::format("answers: {}", errs[0].reason)
                                                     : fmt::format("answers: question '{}': {}", errs[0].field, errs[0].reason)};
    history.clear();
    if (j.contains("asked") && j["asked"].is_array())
        for (const auto& id : j["asked"]) {
            const int q = id.is_string() ? defs.question_index(id.get<std::string>()) : -1;
            if (q < 0) return {Kind::invalid, "unknown question in the list of questions asked"};
            history.push_back(q);
        }
    return {};
}

}  // namespace myoscreen
