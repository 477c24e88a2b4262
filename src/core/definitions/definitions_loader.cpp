// Loading definitions: parse, read (definitions_reader.hpp), compile
// (definitions_compile.cpp), and report every problem found, sorted by place.
#include "definitions/definitions_reader.hpp"

namespace myoscreen {

using detail::json;
using detail::LoadContext;
using detail::Loader;

namespace {

Diagnostic located(std::string_view text, std::string_view file, std::size_t at, std::string message) {
    at = std::min(at, text.size());
    detail::JsonLocator lines(text, false);
    const auto lc = lines.line_col(at);
    Diagnostic d{SourceLoc{std::string(file), lc.line, lc.col, ""}, std::move(message), {}, 0};
    const std::string_view line = lines.line_text(at);
    set_excerpt(d, line, at - static_cast<std::size_t>(line.data() - text.data()));
    return d;
}

}  // namespace

Definitions load_definitions(std::string_view text, std::string_view file, bool trusted) {
    Definitions defs;
    json j;
    if (const auto nul = detail::find_nul_byte(text); nul != std::string_view::npos)
        throw DefinitionsError({located(text, file, nul, std::string(detail::nul_byte_reason))});
    try {
        j = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // Point at the last byte read; nlohmann counts from 1.
        throw DefinitionsError({located(text, file, e.byte > 0 ? e.byte - 1 : 0, "JSON " + detail::json_parse_reason(e.what()))});
    } catch (const json::exception& e) {
        // A number too large for a double (1e400): nlohmann names the token,
        // which is the one place we can learn where it is.
        std::string what = e.what();
        std::size_t at = 0;
        if (auto q = what.find('\''); q != std::string::npos) {
            const std::string token = what.substr(q + 1, what.find('\'', q + 1) - q - 1);
            if (auto f = text.find(token); !token.empty() && f != std::string_view::npos) at = f;
        }
        throw DefinitionsError({located(text, file, at, "a number is too large or too small to use")});
    }
    LoadContext ctx(text, file);  // its locator needs valid JSON: only after parsing
    if (!trusted) {
        if (ctx.locator().too_deep()) {
            ctx.error_at(ctx.locator().too_deep_offset(), "", "JSON nested more than 64 levels deep");
            throw DefinitionsError(std::move(ctx.diagnostics()));
        }
        for (const auto& d : ctx.locator().duplicates())
            ctx.error_at(d.offset, d.pointer, "duplicate key: this member is defined twice in the same object");
    }
    Loader(defs, ctx).top(j);
    detail::compile_definitions(defs, ctx);  // also on errors, to report them all
    if (!ctx.ok()) {
        auto& diags = ctx.diagnostics();
        std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return a.loc.line != b.loc.line ? a.loc.line < b.loc.line : a.loc.col < b.loc.col;
        });
        throw DefinitionsError(std::move(diags));
    }
    detail::finish_definitions(defs);
    return defs;
}

}  // namespace myoscreen
