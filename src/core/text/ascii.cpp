// ASCII helpers out of line: trimming text that has surrounding spaces, and names in the form of an id.
#include "text/ascii.hpp"

namespace myoscreen::detail {

std::string_view trim_slow(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string id_form(std::string_view name) {
    name = trim(name);
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            if (out.empty() || out.back() != '_') out += '_';
        } else {
            out += ascii_lower(c);
        }
    }
    return out;
}

}  // namespace myoscreen::detail
