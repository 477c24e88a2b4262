// The definitions reader: JSON → model, field by field, collecting every
// problem with its location; expressions are queued for compiling. Split from
// definitions_loader.cpp (the entry point), definitions_scoring.cpp
// (instruments, factors, red flags) and definitions_checks.cpp (plausibility
// checks) to keep each file small.
#pragma once

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "json/json_writer.hpp"
#include "text/ascii.hpp"
#include "definitions/definitions_amounts.hpp"
#include "definitions/load_context.hpp"

namespace myoscreen::detail {

inline constexpr std::string_view schema_id = "myoscreen.definitions/1";

// The patterns data/definitions.schema.json gives ids and codes. The loader
// checks every id and code against them: the schema binds only the editors
// that use it, and ids become report keys and CSV column names.
// "id": ^[A-Za-z_][A-Za-z0-9_]*$ (ASCII, whatever the locale).
inline bool is_schema_id(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}
// "global_id" and rule ids: an "id" that is not a word of the expression language.
inline bool is_reserved_word(std::string_view s) {
    return s == "and" || s == "or" || s == "not" || s == "in" || s == "true" || s == "false";
}
// "code" (choice codes, band names): ^[^']+$ (expressions quote codes with ')
// and not ^[0-9]+$ (a typed number picks a choice by its position).
inline bool is_plain_number(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}
inline bool is_schema_code(std::string_view s) {
    return !s.empty() && s.find('\'') == std::string_view::npos && !is_plain_number(s);
}

inline std::optional<QuestionType> question_type(std::string_view s) {
    for (auto t : {QuestionType::integer, QuestionType::number, QuestionType::yes_no, QuestionType::choice, QuestionType::multi_choice})
        if (to_string(t) == s) return t;
    return std::nullopt;
}

inline std::optional<Unit> unit_of(std::string_view s) {
    for (auto u : {Unit::years, Unit::kg, Unit::cm, Unit::minutes, Unit::hours, Unit::days, Unit::weeks})
        if (to_string(u) == s) return u;
    return std::nullopt;
}

// A FHIR canonical URL (Questionnaire.url): a scheme, ':', then no blanks,
// no '#' (a fragment) and no '|' (canonical|version is how a response names it).
inline bool canonical_url(std::string_view u) {
    const std::size_t colon = u.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == u.size()) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = u[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok) return false;
    }
    for (const char c : u)
        if (static_cast<unsigned char>(c) <= ' ' || c == '#' || c == '|' || c == 0x7F) return false;
    return true;
}

class Loader {
public:
    Loader(Definitions& d, LoadContext& c) : defs_(d), ctx_(c) {}

    void top(const json& j) {
        if (!ctx_.object(j, "", "the definitions")) return;
        ctx_.only_keys(j, "", {"$schema", "schema", "name", "version", "url", "language", "disclaimer", "general_advice", "levels",
                               "sections", "questions", "derived", "instruments", "factors", "red_flags", "checks", "references",
                               "answer_words", "cohort"});
        if (auto s = ctx_.str(j, "", "schema"); s && *s != schema_id)
            ctx_.error("/schema", "unsupported schema \"" + *s + "\" (expected \"" + std::string(schema_id) + "\")");
        defs_.name = ctx_.str(j, "", "name").value_or("");
        defs_.version = ctx_.str(j, "", "version").value_or("");
        defs_.url = ctx_.str(j, "", "url", false).value_or("");
        if (!defs_.url.empty() && !canonical_url(defs_.url))
            ctx_.error("/url", "\"url\" must be an absolute URL without spaces or a fragment (e.g. \"https://example.org/fhir/Questionnaire/mine\")");
        defs_.language = ctx_.str(j, "", "language", false).value_or("en");
        defs_.disclaimer = ctx_.str(j, "", "disclaimer").value_or("");
        read_answer_words(ctx_, j, defs_.words);
        if (auto it = j.find("general_advice"); it != j.end()) defs_.general_advice = advice(*it, "/general_advice");
        levels(j);
        list(j, "sections", [&](const json& v, const std::string& p) { section(v, p); });
        list(j, "questions", [&](const json& v, const std::string& p) { question(v, p); });
        list(j, "derived", [&](const json& v, const std::string& p) { derived(v, p); }, false);
        list(j, "instruments", [&](const json& v, const std::string& p) { instrument(v, p); }, false);
        list(j, "factors", [&](const json& v, const std::string& p) { factor(v, p); });
        list(j, "red_flags", [&](const json& v, const std::string& p) { red_flag(v, p); }, false);
        list(j, "checks", [&](const json& v, const std::string& p) { check(v, p); }, false);
        list(j, "references", [&](const json& v, const std::string& p) {
            if (!ctx_.object(v, p, "a reference")) return;
            ctx_.only_keys(v, p, {"id", "citation", "url"});
            auto id = ctx_.str(v, p, "id");
            if (id) check_id(*id, child(p, "id"), "reference");
            defs_.references.push_back({id.value_or(""), ctx_.str(v, p, "citation").value_or("")});
        }, false);
        cohort(j);
        if (defs_.questions.size() > static_cast<std::size_t>(max_questions))
            ctx_.error("/questions", "too many questions: at most " + std::to_string(max_questions));
    }

private:
    Definitions& defs_;
    LoadContext& ctx_;
    std::unordered_map<std::string, std::string> ids_;  // every global id → pointer

    template <class F>
    void list(const json& j, const char* key, F&& each, bool required = true) {
        const json* a = ctx_.array(j, "", key, required);
        if (!a) return;
        for (std::size_t i = 0; i < a->size(); ++i) each((*a)[i], child(std::string("/") + key, i));
    }

    // An id as the message quotes it: JSON-escaped, so a control byte in a
    // malformed id cannot reach the terminal.
    static std::string quoted(std::string_view id) {
        std::string q;
        append_json_string(q, id);
        return q;
    }

    // Reports an id (at `ptr`, the pointer of the id itself) that does not
    // match the schema's "id" pattern or, for names usable in expressions,
    // is a reserved word. True when it is well formed.
    bool check_id(const std::string& id, const std::string& ptr, const char* what, bool expression_name = false) {
        if (!is_schema_id(id)) {
            ctx_.error(ptr, std::string("the ") + what + " id " + quoted(id) + " must be letters, digits and '_', not starting with a digit");
            return false;
        }
        if (expression_name && is_reserved_word(id)) {
            ctx_.error(ptr, "\"" + id + "\" is a reserved word of the expression language");
            return false;
        }
        return true;
    }

    // The "id" of an entry of `list` (a check, factor, red flag, item, rule):
    // well formed and not taken by an earlier entry. True when it is both.
    template <class List>
    bool unique_id(const std::string& id, const std::string& ptr, const char* what, const List& list, bool expression_name = false) {
        if (!check_id(id, ptr, what, expression_name)) return false;
        for (const auto& o : list)
            if (o.id == id) {
                ctx_.error(ptr, std::string("duplicate ") + what + " id \"" + id + "\"");
                return false;
            }
        return true;
    }

    // Reports a code (a choice code or band name, at `ptr`) that does not
    // match the schema's "code" pattern. True when it is well formed.
    bool check_code(const std::string& code, const std::string& ptr, const char* what, const char* why_not_a_number) {
        if (code.empty()) ctx_.error(ptr, std::string("a ") + what + " cannot be empty");
        else if (code.find('\'') != std::string::npos)
            ctx_.error(ptr, std::string("the ") + what + " " + quoted(code) + " cannot contain ' (expressions quote codes with it)");
        else if (is_plain_number(code)) ctx_.error(ptr, std::string("a ") + what + " cannot be a plain number (" + why_not_a_number + ")");
        return is_schema_code(code);
    }

    // Ids share one namespace (questions, derived, instruments) so that an
    // identifier in an expression means exactly one thing.
    void claim(const std::string& id, const std::string& ptr, const char* what) {
        if (!check_id(id, child(ptr, "id"), what, true)) return;
        auto [it, fresh] = ids_.emplace(id, ptr);
        if (!fresh) ctx_.error(child(ptr, "id"), std::string("duplicate id \"") + id + "\" (first defined at " + it->second + ")");
    }

    // Queues an expression for compiling; false when it is missing or no string.
    bool expr(const json& obj, const std::string& ptr, const char* key, PendingExpr::Owner owner, int index, int sub, int sub2,
              Type want, bool required = true) {
        auto s = ctx_.str(obj, ptr, key, required);
        if (!s) return false;
        ctx_.pending.push_back(PendingExpr{owner, index, sub, sub2, *s, child(ptr, key), want});
        return true;
    }

    // "levels": {"possible": {"heading": ..., "note": ...}, ...}; a level not
    // given keeps the plain wording below.
    void levels(const json& j) {
        defs_.levels = default_level_wording();
        const auto it = j.find("levels");
        if (it == j.end() || !ctx_.object(*it, "/levels", "the level wording")) return;
        ctx_.only_keys(*it, "/levels", {"likely", "possible", "unlikely", "unknown"});
        static constexpr const char* names[] = {"likely", "possible", "unlikely", "unknown"};
        for (std::size_t l = 0; l < 4; ++l) {
            const auto w = it->find(names[l]);
            const std::string p = child("/levels", names[l]);
            if (w == it->end() || !ctx_.object(*w, p, "a level's wording")) continue;
            ctx_.only_keys(*w, p, {"heading", "note"});
            if (auto h = ctx_.str(*w, p, "heading")) defs_.levels[l].heading = *h;
            if (auto n = ctx_.str(*w, p, "note", false)) defs_.levels[l].note = *n;
        }
    }

    Advice advice(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "advice")) return {};
        ctx_.only_keys(v, p, {"text", "source"});
        return {ctx_.str(v, p, "text").value_or(""), ctx_.str(v, p, "source").value_or("")};
    }

    void section(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a section")) return;
        ctx_.only_keys(v, p, {"id", "title"});
        auto id = ctx_.str(v, p, "id");
        if (id) check_id(*id, child(p, "id"), "section");
        Section s{id.value_or(""), ctx_.str(v, p, "title").value_or("")};
        for (const auto& o : defs_.sections)
            if (o.id == s.id) ctx_.error(child(p, "id"), "duplicate section id \"" + s.id + "\"");
        defs_.sections.push_back(std::move(s));
    }

    void question(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a question")) return;
        ctx_.only_keys(v, p, {"id", "section", "type", "unit", "min", "max", "label", "text", "help", "choices", "exclusive", "ask_if", "amount"});
        Question q;
        if (auto id = ctx_.str(v, p, "id")) {
            q.id = *id;
            claim(q.id, p, "question");
        }
        q.text = ctx_.str(v, p, "text").value_or("");
        q.help = ctx_.str(v, p, "help", false).value_or("");
        q.label = ctx_.str(v, p, "label", false).value_or("");
        if (auto s = ctx_.str(v, p, "section")) {
            int found = -1;
            for (std::size_t i = 0; i < defs_.sections.size(); ++i)
                if (defs_.sections[i].id == *s) found = static_cast<int>(i);
            if (found < 0) ctx_.error(child(p, "section"), "unknown section \"" + *s + "\"");
            else if (!defs_.questions.empty() && found < defs_.questions.back().section)
                ctx_.error(child(p, "section"), "questions must be grouped by section in section order; \"" + *s + "\" comes earlier");
            q.section = std::max(found, 0);
        }
        bool type_known = false;
        if (auto t = ctx_.str(v, p, "type")) {
            if (auto qt = question_type(*t)) q.type = *qt, type_known = true;
            else ctx_.error(child(p, "type"), "unknown question type \"" + *t + "\" (expected integer, number, yes_no, choice or multi_choice)");
        }
        const bool numeric = q.type == QuestionType::integer || q.type == QuestionType::number;
        const bool choices = q.type == QuestionType::choice || q.type == QuestionType::multi_choice;
        if (numeric) {
            if (auto u = ctx_.str(v, p, "unit")) {
                if (auto uu = unit_of(*u)) q.unit = *uu;
                else ctx_.error(child(p, "unit"), "unknown unit \"" + *u + "\" (expected years, kg, cm, minutes, hours, days or weeks)");
            }
            auto lo = ctx_.num(v, p, "min"), hi = ctx_.num(v, p, "max");
            q.min = lo.value_or(0);
            q.max = hi.value_or(0);
            if (lo && hi && !(*lo <= *hi)) ctx_.error(child(p, "max"), "\"max\" is below \"min\"");
        } else if (type_known) {
            for (const char* k : {"unit", "min", "max"})
                if (v.contains(k)) ctx_.error(child(p, k), std::string("\"") + k + "\" applies only to integer and number questions");
        }
        if (choices) choice_list(v, p, q);
        if (type_known) read_question_amount(ctx_, v, p, q);
        else if (type_known && v.contains("choices")) ctx_.error(child(p, "choices"), "\"choices\" applies only to choice and multi_choice questions");
        if (auto ex = ctx_.str(v, p, "exclusive", false)) {
            q.exclusive = q.choice_index(*ex);
            if (q.type != QuestionType::multi_choice) ctx_.error(child(p, "exclusive"), "\"exclusive\" applies only to multi_choice questions");
            else if (q.exclusive < 0) ctx_.error(child(p, "exclusive"), "\"" + *ex + "\" is not one of the choices");
        }
        const int index = static_cast<int>(defs_.questions.size());
        if (v.contains("ask_if") && expr(v, p, "ask_if", PendingExpr::Owner::ask_if, index, 0, 0, Type::boolean))
            q.ask_if_text = ctx_.pending.back().text;
        defs_.questions.push_back(std::move(q));
    }

    void choice_list(const json& v, const std::string& p, Question& q) {
        const json* a = ctx_.array(v, p, "choices");
        if (!a) return;
        const std::string ap = child(p, "choices");
        if (a->empty()) ctx_.error(ap, "a question needs at least one choice");
        if (a->size() > 64) ctx_.error(ap, "at most 64 choices");
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string cp = child(ap, i);
            if (!ctx_.object((*a)[i], cp, "a choice")) continue;
            ctx_.only_keys((*a)[i], cp, {"code", "label", "amount", "words"});
            auto code = ctx_.str((*a)[i], cp, "code");
            Choice c;
            c.code = code.value_or("");
            c.label = ctx_.str((*a)[i], cp, "label").value_or("");
            read_choice_amount(ctx_, (*a)[i], cp, c);
            read_choice_words(ctx_, (*a)[i], cp, c);
            // Answers match codes in any letter case (docs/answers.md).
            if (code && check_code(*code, child(cp, "code"), "choice code", "numbers pick choices by position") &&
                std::any_of(q.choices.begin(), q.choices.end(), [&](const Choice& o) { return detail::iequals(o.code, c.code); }))
                ctx_.error(child(cp, "code"), "duplicate choice code \"" + c.code + "\" (codes match answers in any letter case)");
            q.choices.push_back(std::move(c));
        }
        check_choice_words(ctx_, p, q);
    }

    void derived(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a derived value")) return;
        ctx_.only_keys(v, p, {"id", "type", "expr", "text", "unit"});
        Derived d;
        if (auto id = ctx_.str(v, p, "id")) {
            d.id = *id;
            claim(d.id, p, "derived");
        }
        d.text = ctx_.str(v, p, "text", false).value_or("");
        d.unit = ctx_.str(v, p, "unit", false).value_or("");
        d.expr_text = ctx_.str(v, p, "expr", false).value_or("");  // expr() reports its problems
        if (auto t = ctx_.str(v, p, "type")) {
            if (*t == "bool") d.is_bool = true;
            else if (*t != "number") ctx_.error(child(p, "type"), "a derived value's type is \"number\" or \"bool\"");
        }
        expr(v, p, "expr", PendingExpr::Owner::derived, static_cast<int>(defs_.derived.size()), 0, 0,
             d.is_bool ? Type::boolean : Type::number);
        defs_.derived.push_back(std::move(d));
    }

    void instrument(const json& v, const std::string& p);
    void item(const json& v, const std::string& p, Instrument& ins, int ii, int k);
    void factor(const json& v, const std::string& p);
    void red_flag(const json& v, const std::string& p);
    void check(const json& v, const std::string& p);
    void check_alternative(const json& v, const std::string& p, Check& c);
    void check_message(const std::string& message, const std::string& p);
    // definitions_cohort.cpp: the cohort report's groupings.
    void cohort(const json& j);
    void cohort_grouping(const json& v, const std::string& p);
    void cohort_bands(const json& v, const std::string& p, CohortGrouping& g);

    std::optional<int> whole(const json& obj, const std::string& p, const char* key) {
        auto n = ctx_.num(obj, p, key);
        if (!n) return std::nullopt;
        if (*n != std::floor(*n) || std::fabs(*n) > 1e6) {
            ctx_.error(child(p, key), std::string("\"") + key + "\" must be a whole number");
            return std::nullopt;
        }
        return static_cast<int>(*n);
    }

};

}  // namespace myoscreen::detail
