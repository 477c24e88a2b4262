// Shared state while loading definitions: the locator, collected diagnostics
// and typed field readers that report what is wrong and where.
#pragma once

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "expr/expr_ast.hpp"
#include "expr/expr_compiler.hpp"
#include "json/json_locator.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"

namespace myoscreen::detail {

using json = nlohmann::ordered_json;  // objects as vectors: fewer allocations at start-up

// An expression waiting to be compiled once every id is known.
struct PendingExpr {
    enum class Owner { ask_if, derived, item, band, rule, factor_level, red_flag, check, check_alternative };
    Owner owner;
    int index = 0, sub = 0, sub2 = 0;  // which question/derived/instrument/factor, item/band/rule, case
    std::string text;
    std::string pointer;
    Type want = Type::boolean;
};

class LoadContext {
public:
    LoadContext(std::string_view text, std::string_view file) : text_(text), file_(file) {}

    void error(const std::string& pointer, std::string message) { error_at(locator().offset(pointer), pointer, std::move(message)); }
    void error_at(std::size_t offset, const std::string& pointer, std::string message, bool show_pointed = false);
    // Expression errors show the expression: it is the rule being written.
    void expr_error(const PendingExpr& e, const ExprError& err) {
        error_at(locator().string_offset(e.pointer, static_cast<std::size_t>(err.offset)), e.pointer, err.message, true);
    }
    // Built on first use: valid definitions without errors never need it,
    // unless repeated keys are checked.
    const JsonLocator& locator() {
        if (!loc_) loc_.emplace(text_);
        return *loc_;
    }
    std::vector<Diagnostic>& diagnostics() { return diags_; }
    bool ok() const { return diags_.empty(); }

    // Field readers: report a missing or mistyped field and return nullopt.
    std::optional<std::string> str(const json& obj, const std::string& ptr, const char* key, bool required = true);
    std::optional<double> num(const json& obj, const std::string& ptr, const char* key, bool required = true);
    const json* array(const json& obj, const std::string& ptr, const char* key, bool required = true);
    bool object(const json& v, const std::string& ptr, const char* what);
    // Reports keys of `obj` that are not in `allowed` (likely typos).
    void only_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed);

    std::vector<PendingExpr> pending;

private:
    template <class T>
    std::optional<T> field(const json& obj, const std::string& ptr, const char* key, bool required, bool (json::*is)() const noexcept,
                           const char* kind);

    std::string_view text_;
    std::string file_;
    std::optional<JsonLocator> loc_;
    std::vector<Diagnostic> diags_;
};

std::string child(const std::string& ptr, std::string_view key);
std::string child(const std::string& ptr, std::size_t index);

// Stage 2: resolves names, compiles every pending expression, orders derived
// values and instruments, and checks bands. Reports into `ctx`.
void compile_definitions(Definitions& defs, LoadContext& ctx);

// What loading adds after reading or compiling (the snapshot reader calls it
// too): the id indexes and the shared-ask_if marks.
void finish_definitions(Definitions& defs);

}  // namespace myoscreen::detail
