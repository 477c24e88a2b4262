// The loading context: located errors and the typed field readers of the definitions reader.
#include "definitions/load_context.hpp"

#include <algorithm>

namespace myoscreen::detail {

std::string child(const std::string& ptr, std::string_view key) {
    std::string p = ptr;
    append_pointer(p, key);
    return p;
}

std::string child(const std::string& ptr, std::size_t index) { return ptr + "/" + std::to_string(index); }

void LoadContext::error_at(std::size_t offset, const std::string& pointer, std::string message, bool show_pointed) {
    const JsonLocator& loc = locator();
    const auto lc = loc.line_col(offset);
    Diagnostic d{SourceLoc{file_, lc.line, lc.col, pointer}, std::move(message), {}, 0};
    const std::string_view line = loc.line_text(offset);
    set_excerpt(d, line, offset - static_cast<std::size_t>(line.data() - loc.text().data()), show_pointed);
    diags_.push_back(std::move(d));
}

static const char* kind_name(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
    }
}

// A field of the expected JSON kind, or nullopt after reporting why not.
template <class T>
std::optional<T> LoadContext::field(const json& obj, const std::string& ptr, const char* key, bool required, bool (json::*is)() const noexcept,
                                    const char* kind) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) error(ptr, std::string("missing \"") + key + "\"");
        return std::nullopt;
    }
    if (!((*it).*is)()) {
        error(child(ptr, key), std::string("\"") + key + "\" must be " + kind + ", not " + kind_name(*it));
        return std::nullopt;
    }
    return it->get<T>();
}

std::optional<std::string> LoadContext::str(const json& obj, const std::string& ptr, const char* key, bool required) {
    return field<std::string>(obj, ptr, key, required, &json::is_string, "a string");
}

std::optional<double> LoadContext::num(const json& obj, const std::string& ptr, const char* key, bool required) {
    return field<double>(obj, ptr, key, required, &json::is_number, "a number");
}

const json* LoadContext::array(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) error(ptr, std::string("missing \"") + key + "\"");
        return nullptr;
    }
    if (!it->is_array()) {
        error(child(ptr, key), std::string("\"") + key + "\" must be an array, not " + kind_name(*it));
        return nullptr;
    }
    return &*it;
}

bool LoadContext::object(const json& v, const std::string& ptr, const char* what) {
    if (v.is_object()) return true;
    error(ptr, std::string(what) + " must be an object, not " + kind_name(v));
    return false;
}

void LoadContext::only_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return it.key() == a; });
        if (!ok) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            error(child(ptr, it.key()), "unknown key \"" + it.key() + "\" (expected one of: " + list + ")");
        }
    }
}

}  // namespace myoscreen::detail
