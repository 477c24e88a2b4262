// Stage 1 of loading: JSON text → model, field by field, collecting every
// problem with its location. Expressions are queued for stage 2.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "json_writer.hpp"
#include "load_context.hpp"

namespace myoscreen {

using detail::child;
using detail::json;
using detail::LoadContext;
using detail::PendingExpr;
using detail::Type;

namespace {

constexpr std::string_view schema_id = "myoscreen.definitions/1";

std::optional<QuestionType> question_type(std::string_view s) {
    for (auto t : {QuestionType::integer, QuestionType::number, QuestionType::yes_no, QuestionType::choice, QuestionType::multi_choice})
        if (to_string(t) == s) return t;
    return std::nullopt;
}

std::optional<Unit> unit_of(std::string_view s) {
    for (auto u : {Unit::years, Unit::kg, Unit::cm, Unit::minutes, Unit::hours, Unit::days, Unit::weeks})
        if (to_string(u) == s) return u;
    return std::nullopt;
}

class Loader {
public:
    Loader(Definitions& d, LoadContext& c) : defs_(d), ctx_(c) {}

    void top(const json& j) {
        if (!ctx_.object(j, "", "the definitions")) return;
        ctx_.only_keys(j, "", {"$schema", "schema", "name", "version", "language", "disclaimer", "general_advice", "sections",
                               "questions", "derived", "instruments", "factors", "red_flags", "references"});
        if (auto s = ctx_.str(j, "", "schema"); s && *s != schema_id)
            ctx_.error("/schema", "unsupported schema \"" + *s + "\" (expected \"" + std::string(schema_id) + "\")");
        defs_.name = ctx_.str(j, "", "name").value_or("");
        defs_.version = ctx_.str(j, "", "version").value_or("");
        defs_.language = ctx_.str(j, "", "language", false).value_or("en");
        defs_.disclaimer = ctx_.str(j, "", "disclaimer").value_or("");
        if (auto it = j.find("general_advice"); it != j.end()) defs_.general_advice = advice(*it, "/general_advice");
        list(j, "sections", [&](const json& v, const std::string& p) { section(v, p); });
        list(j, "questions", [&](const json& v, const std::string& p) { question(v, p); });
        list(j, "derived", [&](const json& v, const std::string& p) { derived(v, p); }, false);
        list(j, "instruments", [&](const json& v, const std::string& p) { instrument(v, p); }, false);
        list(j, "factors", [&](const json& v, const std::string& p) { factor(v, p); });
        list(j, "red_flags", [&](const json& v, const std::string& p) { red_flag(v, p); }, false);
        list(j, "references", [&](const json& v, const std::string& p) {
            if (!ctx_.object(v, p, "a reference")) return;
            ctx_.only_keys(v, p, {"id", "citation", "url"});
            defs_.references.push_back({ctx_.str(v, p, "id").value_or(""), ctx_.str(v, p, "citation").value_or("")});
        }, false);
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

    // Ids share one namespace (questions, derived, instruments) so that an
    // identifier in an expression means exactly one thing.
    void claim(const std::string& id, const std::string& ptr, const char* what, bool global = true) {
        bool ok = !id.empty() && !std::isdigit(static_cast<unsigned char>(id[0]));
        for (char c : id) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
        if (!ok) {
            ctx_.error(child(ptr, "id"), std::string("the ") + what + " id \"" + id + "\" must be letters, digits and '_', not starting with a digit");
            return;
        }
        if (id == "and" || id == "or" || id == "not" || id == "in" || id == "true" || id == "false") {
            ctx_.error(child(ptr, "id"), "\"" + id + "\" is a reserved word of the expression language");
            return;
        }
        if (!global) return;
        auto [it, fresh] = ids_.emplace(id, ptr);
        if (!fresh) ctx_.error(child(ptr, "id"), std::string("duplicate id \"") + id + "\" (first defined at " + it->second + ")");
    }

    // Queues an expression for compiling; false when it is missing or no string.
    bool expr(const json& obj, const std::string& ptr, const char* key, PendingExpr::Owner owner, int index, int sub, int sub2,
              Type want, bool required = true) {
        auto s = ctx_.str(obj, ptr, key, required);
        if (!s) return false;
        ctx_.pending.push_back(PendingExpr{owner, index, sub, sub2, *s, child(ptr, key), nullptr, want});
        return true;
    }

    Advice advice(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "advice")) return {};
        ctx_.only_keys(v, p, {"text", "source"});
        return {ctx_.str(v, p, "text").value_or(""), ctx_.str(v, p, "source").value_or("")};
    }

    void section(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a section")) return;
        ctx_.only_keys(v, p, {"id", "title"});
        Section s{ctx_.str(v, p, "id").value_or(""), ctx_.str(v, p, "title").value_or("")};
        for (const auto& o : defs_.sections)
            if (o.id == s.id) ctx_.error(child(p, "id"), "duplicate section id \"" + s.id + "\"");
        defs_.sections.push_back(std::move(s));
    }

    void question(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a question")) return;
        ctx_.only_keys(v, p, {"id", "section", "type", "unit", "min", "max", "text", "help", "choices", "exclusive", "ask_if"});
        Question q;
        q.id = ctx_.str(v, p, "id").value_or("");
        if (v.contains("id")) claim(q.id, p, "question");
        q.text = ctx_.str(v, p, "text").value_or("");
        q.help = ctx_.str(v, p, "help", false).value_or("");
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
            ctx_.only_keys((*a)[i], cp, {"code", "label"});
            Choice c{ctx_.str((*a)[i], cp, "code").value_or(""), ctx_.str((*a)[i], cp, "label").value_or("")};
            if (q.choice_index(c.code) >= 0) ctx_.error(child(cp, "code"), "duplicate choice code \"" + c.code + "\"");
            if (!c.code.empty() && std::isdigit(static_cast<unsigned char>(c.code[0])) &&
                c.code.find_first_not_of("0123456789") == std::string::npos)
                ctx_.error(child(cp, "code"), "a choice code cannot be a plain number (numbers pick choices by position)");
            q.choices.push_back(std::move(c));
        }
    }

    void derived(const json& v, const std::string& p) {
        if (!ctx_.object(v, p, "a derived value")) return;
        ctx_.only_keys(v, p, {"id", "type", "expr", "text", "unit"});
        Derived d;
        d.id = ctx_.str(v, p, "id").value_or("");
        if (v.contains("id")) claim(d.id, p, "derived");
        d.text = ctx_.str(v, p, "text", false).value_or("");
        d.unit = ctx_.str(v, p, "unit", false).value_or("");
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

void Loader::instrument(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "an instrument")) return;
    ctx_.only_keys(v, p, {"id", "name", "source", "description", "items", "bands"});
    Instrument ins;
    ins.id = ctx_.str(v, p, "id").value_or("");
    if (v.contains("id")) claim(ins.id, p, "instrument");
    ins.name = ctx_.str(v, p, "name").value_or(ins.id);
    ins.source = ctx_.str(v, p, "source").value_or("");
    ins.description = ctx_.str(v, p, "description", false).value_or("");
    const int ii = static_cast<int>(defs_.instruments.size());
    if (const json* items = ctx_.array(v, p, "items")) {
        if (items->empty()) ctx_.error(child(p, "items"), "an instrument needs at least one item");
        for (std::size_t k = 0; k < items->size(); ++k)
            item((*items)[k], child(child(p, "items"), k), ins, ii, static_cast<int>(k));
    }
    if (const json* bands = ctx_.array(v, p, "bands")) {
        if (bands->empty()) ctx_.error(child(p, "bands"), "an instrument needs at least one band");
        for (std::size_t k = 0; k < bands->size(); ++k) {
            const json& b = (*bands)[k];
            const std::string bp = child(child(p, "bands"), k);
            if (!ctx_.object(b, bp, "a band")) { ins.bands.emplace_back(); continue; }
            ctx_.only_keys(b, bp, {"band", "min", "max", "when"});
            Band band;
            band.name = ctx_.str(b, bp, "band").value_or("");
            for (const auto& o : ins.bands)
                if (o.name == band.name) ctx_.error(child(bp, "band"), "duplicate band \"" + band.name + "\"");
            const bool ranged = b.contains("min") || b.contains("max");
            if (k == 0) ins.rule_bands = !ranged;
            if (ranged == ins.rule_bands) {
                ctx_.error(bp, "bands are either all score ranges (min, max) or all rules (when); not mixed");
            } else if (ranged) {
                if (b.contains("when")) ctx_.error(child(bp, "when"), "a score-range band (min, max) cannot also have \"when\"");
                band.min = whole(b, bp, "min").value_or(0);
                band.max = whole(b, bp, "max").value_or(0);
            } else if (b.contains("when")) {
                expr(b, bp, "when", PendingExpr::Owner::band, ii, static_cast<int>(k), 0, Type::boolean);
            } else if (k + 1 != bands->size()) {
                ctx_.error(bp, "only the last rule band may omit \"when\" (it is the default)");
            }
            ins.bands.push_back(std::move(band));
        }
        if (ins.rule_bands && !bands->empty() && bands->back().is_object() && bands->back().contains("when"))
            ctx_.error(child(child(p, "bands"), bands->size() - 1), "the last rule band must have no \"when\": it is the default");
    }
    defs_.instruments.push_back(std::move(ins));
}

void Loader::item(const json& v, const std::string& p, Instrument& ins, int ii, int k) {
    // Placeholders keep indices aligned with pending expressions on errors.
    if (!ctx_.object(v, p, "an item")) { ins.items.emplace_back(); return; }
    ctx_.only_keys(v, p, {"id", "question", "points", "when", "cases", "text"});
    Item it;
    it.id = ctx_.str(v, p, "id").value_or("");
    for (const auto& o : ins.items)
        if (o.id == it.id) ctx_.error(child(p, "id"), "duplicate item id \"" + it.id + "\"");
    if (it.id == "score" || it.id == "band") ctx_.error(child(p, "id"), "\"score\" and \"band\" are reserved item ids");
    const int forms = v.contains("question") + v.contains("when") + v.contains("cases");
    if (forms != 1) {
        ctx_.error(p, "an item has exactly one of \"question\" (scored answer), \"when\" (criterion) or \"cases\"");
    } else if (v.contains("question")) {
        it.kind = Item::Kind::question;
        auto qid = ctx_.str(v, p, "question");
        if (qid) {
            it.question = defs_.question_index(*qid);
            if (it.question < 0) ctx_.error(child(p, "question"), "unknown question \"" + *qid + "\"");
        }
        auto pts = v.find("points");
        if (pts == v.end() || !pts->is_object()) {
            ctx_.error(pts == v.end() ? p : child(p, "points"), "a scored item needs \"points\": an object of points per answer");
        } else if (it.question >= 0) {
            const Question& q = defs_.questions[it.question];
            std::vector<std::string> codes;
            if (q.type == QuestionType::yes_no) codes = {"yes", "no"};
            else if (q.type == QuestionType::choice) for (const auto& c : q.choices) codes.push_back(c.code);
            else ctx_.error(child(p, "question"), "a scored item needs a choice or yes_no question");
            const std::string pp = child(p, "points");
            for (const auto& c : codes) {
                auto n = pts->find(c);
                if (n == pts->end()) ctx_.error(pp, "no points for \"" + c + "\"");
                else if (!n->is_number_integer()) ctx_.error(child(pp, c), "points must be whole numbers");
                it.points.push_back(n != pts->end() && n->is_number_integer() ? n->get<int>() : 0);
            }
            for (auto e = pts->begin(); e != pts->end(); ++e)
                if (std::find(codes.begin(), codes.end(), e.key()) == codes.end())
                    ctx_.error(child(pp, e.key()), "\"" + e.key() + "\" is not an answer of \"" + q.id + "\"");
        }
    } else if (v.contains("when")) {
        it.kind = Item::Kind::criterion;
        expr(v, p, "when", PendingExpr::Owner::item, ii, k, -1, Type::boolean);
        it.criterion_points = whole(v, p, "points").value_or(0);
    } else {
        it.kind = Item::Kind::cases;
        if (v.contains("points")) ctx_.error(child(p, "points"), "a cases item gives points in each case");
        const json* cases = ctx_.array(v, p, "cases");
        for (std::size_t c = 0; cases && c < cases->size(); ++c) {
            const json& cv = (*cases)[c];
            const std::string cp = child(child(p, "cases"), c);
            if (!ctx_.object(cv, cp, "a case")) { it.case_when.emplace_back(); it.case_points.push_back(0); continue; }
            ctx_.only_keys(cv, cp, {"when", "points"});
            if (cv.contains("when")) expr(cv, cp, "when", PendingExpr::Owner::item, ii, k, static_cast<int>(c), Type::boolean);
            else if (c + 1 != cases->size()) ctx_.error(cp, "only the last case may omit \"when\" (it is the default)");
            it.case_when.emplace_back();
            it.case_points.push_back(whole(cv, cp, "points").value_or(0));
        }
        if (cases && cases->empty()) ctx_.error(child(p, "cases"), "a cases item needs at least one case");
    }
    ins.items.push_back(std::move(it));
}

void Loader::factor(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "a factor")) return;
    ctx_.only_keys(v, p, {"id", "title", "source", "rules", "likely", "possible", "advice"});
    Factor f;
    f.id = ctx_.str(v, p, "id").value_or("");
    for (const auto& o : defs_.factors)
        if (o.id == f.id) ctx_.error(child(p, "id"), "duplicate factor id \"" + f.id + "\"");
    f.title = ctx_.str(v, p, "title").value_or(f.id);
    f.source = ctx_.str(v, p, "source").value_or("");
    const int fi = static_cast<int>(defs_.factors.size());
    if (const json* rules = ctx_.array(v, p, "rules")) {
        for (std::size_t k = 0; k < rules->size(); ++k) {
            const json& r = (*rules)[k];
            const std::string rp = child(child(p, "rules"), k);
            if (!ctx_.object(r, rp, "a rule")) { f.rules.emplace_back(); continue; }
            ctx_.only_keys(r, rp, {"id", "when", "text", "source"});
            Rule rule{ctx_.str(r, rp, "id").value_or(""), ctx_.str(r, rp, "text").value_or(""), ctx_.str(r, rp, "source").value_or(""), {}, 0};
            for (const auto& o : f.rules)
                if (o.id == rule.id) ctx_.error(child(rp, "id"), "duplicate rule id \"" + rule.id + "\"");
            if (r.contains("id")) claim(rule.id, rp, "rule", false);
            if (ids_.count(rule.id)) ctx_.error(child(rp, "id"), "rule id \"" + rule.id + "\" hides the question, derived value or instrument of that name");
            expr(r, rp, "when", PendingExpr::Owner::rule, fi, static_cast<int>(k), 0, Type::boolean);
            f.rules.push_back(std::move(rule));
        }
    }
    expr(v, p, "likely", PendingExpr::Owner::factor_level, fi, 0, 0, Type::boolean);
    expr(v, p, "possible", PendingExpr::Owner::factor_level, fi, 1, 0, Type::boolean);
    if (auto it = v.find("advice"); it != v.end()) f.advice = advice(*it, child(p, "advice"));
    defs_.factors.push_back(std::move(f));
}

void Loader::red_flag(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "a red flag")) return;
    ctx_.only_keys(v, p, {"id", "when", "urgency", "text", "action", "source"});
    RedFlag f;
    f.id = ctx_.str(v, p, "id").value_or("");
    for (const auto& o : defs_.red_flags)
        if (o.id == f.id) ctx_.error(child(p, "id"), "duplicate red flag id \"" + f.id + "\"");
    f.text = ctx_.str(v, p, "text").value_or("");
    f.action = ctx_.str(v, p, "action", false).value_or("");
    f.source = ctx_.str(v, p, "source").value_or("");
    if (auto u = ctx_.str(v, p, "urgency")) {
        if (*u == "emergency") f.urgency = Urgency::emergency;
        else if (*u == "urgent") f.urgency = Urgency::urgent;
        else if (*u == "soon") f.urgency = Urgency::soon;
        else ctx_.error(child(p, "urgency"), "urgency is \"emergency\", \"urgent\" or \"soon\"");
    }
    expr(v, p, "when", PendingExpr::Owner::red_flag, static_cast<int>(defs_.red_flags.size()), 0, 0, Type::boolean);
    defs_.red_flags.push_back(std::move(f));
}

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
    defs.source_text = std::string(text);
    for (std::size_t i = 0; i < defs.questions.size(); ++i) defs.question_ids.add(defs.questions[i].id, static_cast<int>(i));
    detail::build_json_literals(defs);
    return defs;
}

}  // namespace myoscreen
