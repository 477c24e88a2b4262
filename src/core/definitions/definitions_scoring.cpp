// The scoring parts of the definitions reader: instruments (items and
// bands), factors (rules and levels) and red flags.
#include "definitions/definitions_reader.hpp"

namespace myoscreen::detail {

void Loader::instrument(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "an instrument")) return;
    ctx_.only_keys(v, p, {"id", "name", "source", "description", "code", "items", "bands"});
    Instrument ins;
    if (auto id = ctx_.str(v, p, "id")) {
        ins.id = *id;
        claim(ins.id, p, "instrument");
    }
    ins.name = ctx_.str(v, p, "name").value_or(ins.id);
    ins.source = ctx_.str(v, p, "source").value_or("");
    ins.description = ctx_.str(v, p, "description", false).value_or("");
    if (auto it = v.find("code"); it != v.end()) {
        // A standard code of the score (LOINC for the MNA-SF total): FHIR output only.
        const std::string cp = child(p, "code");
        if (ctx_.object(*it, cp, "a code")) {
            ctx_.only_keys(*it, cp, {"system", "code", "display"});
            ins.code.system = ctx_.str(*it, cp, "system").value_or("");
            ins.code.code = ctx_.str(*it, cp, "code").value_or("");
            ins.code.display = ctx_.str(*it, cp, "display", false).value_or("");
            if (ins.code.system.empty() || ins.code.code.empty())
                ctx_.error(cp, "a code needs a non-empty \"system\" and \"code\"");
        }
    }
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
            if (auto name = ctx_.str(b, bp, "band")) {
                band.name = *name;
                if (check_code(band.name, child(bp, "band"), "band name", "band names are codes, like choice codes"))
                    for (const auto& o : ins.bands)
                        if (o.name == band.name) ctx_.error(child(bp, "band"), "duplicate band \"" + band.name + "\"");
            }
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
    if (auto id = ctx_.str(v, p, "id")) {
        it.id = *id;
        if (unique_id(it.id, child(p, "id"), "item", ins.items) && (it.id == "score" || it.id == "band"))
            ctx_.error(child(p, "id"), "\"score\" and \"band\" are reserved item ids");
    }
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
    if (auto id = ctx_.str(v, p, "id")) unique_id(f.id = *id, child(p, "id"), "factor", defs_.factors);
    f.title = ctx_.str(v, p, "title").value_or(f.id);
    f.source = ctx_.str(v, p, "source").value_or("");
    const int fi = static_cast<int>(defs_.factors.size());
    if (const json* rules = ctx_.array(v, p, "rules")) {
        for (std::size_t k = 0; k < rules->size(); ++k) {
            const json& r = (*rules)[k];
            const std::string rp = child(child(p, "rules"), k);
            if (!ctx_.object(r, rp, "a rule")) { f.rules.emplace_back(); continue; }
            ctx_.only_keys(r, rp, {"id", "when", "text", "source"});
            const auto id = ctx_.str(r, rp, "id");
            Rule rule{id.value_or(""), ctx_.str(r, rp, "text").value_or(""), ctx_.str(r, rp, "source").value_or(""), {}, 0};
            if (id && unique_id(rule.id, child(rp, "id"), "rule", f.rules, true)) {
                if (ids_.count(rule.id))
                    ctx_.error(child(rp, "id"), "rule id \"" + rule.id + "\" hides the question, derived value or instrument of that name");
            }
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
    if (auto id = ctx_.str(v, p, "id")) unique_id(f.id = *id, child(p, "id"), "red flag", defs_.red_flags);
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

}  // namespace myoscreen::detail
