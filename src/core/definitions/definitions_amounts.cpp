// Amounts on choice questions and the answer words, read and checked
// (definitions_amounts.hpp; docs/definitions-format.md, "Amounts").
#include "definitions/definitions_amounts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "text/ascii.hpp"

namespace myoscreen::detail {

namespace {

std::string fmt_num(double v) { return fmt::format("{:g}", v); }

std::string lower(std::string s) {
    for (char& c : s) c = ascii_lower(c);
    return s;
}

// A list of lower-case words, each non-empty.
std::vector<std::string> word_list(LoadContext& ctx, const json& obj, const std::string& ptr, const char* key) {
    std::vector<std::string> out;
    const json* a = ctx.array(obj, ptr, key, false);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string wp = child(child(ptr, key), i);
        if (!(*a)[i].is_string() || (*a)[i].get<std::string>().empty()) {
            ctx.error(wp, "expected a non-empty string");
            continue;
        }
        std::string w = (*a)[i].get<std::string>();
        if (lower(w) != w) ctx.error(wp, "answer words are written in lower case");
        out.push_back(std::move(w));
    }
    return out;
}

// Whether two ranges share an amount.
bool overlap(const Choice& a, const Choice& b) {
    const Choice& lo = a.low <= b.low ? a : b;
    const Choice& hi = a.low <= b.low ? b : a;
    if (lo.high < hi.low) return false;
    if (lo.high > hi.low) return true;
    if (lo.low == hi.low && lo.high == hi.low) return !(lo.low_open || hi.low_open || lo.high_open || hi.high_open);
    return !(lo.high_open || hi.low_open);  // they meet at one amount
}

}  // namespace

void read_choice_amount(LoadContext& ctx, const json& v, const std::string& ptr, Choice& c) {
    auto it = v.find("amount");
    if (it == v.end()) return;
    const std::string p = child(ptr, "amount");
    if (!ctx.object(*it, p, "an amount range")) return;
    ctx.only_keys(*it, p, {"min", "above", "max", "below"});
    c.has_amount = true;
    const bool has_min = it->contains("min"), has_above = it->contains("above");
    const bool has_max = it->contains("max"), has_below = it->contains("below");
    if (has_min == has_above) ctx.error(p, "give the lower bound as exactly one of \"min\" (included) or \"above\" (excluded)");
    if (has_max && has_below) ctx.error(p, "give at most one of \"max\" (included) or \"below\" (excluded)");
    c.low = ctx.num(*it, p, has_above ? "above" : "min", false).value_or(0);
    c.low_open = has_above;
    c.high = std::numeric_limits<double>::infinity();
    if (has_max || has_below) c.high = ctx.num(*it, p, has_below ? "below" : "max", false).value_or(c.high);
    c.high_open = has_below;
    if (c.high < c.low || (c.high == c.low && (c.low_open || c.high_open)))
        ctx.error(p, "the range holds no amount: its upper bound is not above its lower bound");
}

void read_choice_words(LoadContext& ctx, const json& v, const std::string& ptr, Choice& c) {
    c.words = word_list(ctx, v, ptr, "words");
}

void check_choice_words(LoadContext& ctx, const std::string& ptr, const Question& q) {
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        for (std::size_t w = 0; w < q.choices[i].words.size(); ++w) {
            const std::string& word = q.choices[i].words[w];
            for (std::size_t k = 0; k < q.choices.size(); ++k) {
                const Choice& o = q.choices[k];
                const bool same_choice = k == i;
                const bool clash = (!same_choice && (lower(o.code) == word || lower(o.label) == word)) ||
                                   std::count(o.words.begin(), o.words.end(), word) > (same_choice ? 1 : 0);
                if (clash) {
                    ctx.error(child(child(child(child(ptr, "choices"), i), "words"), w),
                              "\"" + word + "\" already answers to choice \"" + o.code + "\"");
                    break;
                }
            }
        }
}

void read_question_amount(LoadContext& ctx, const json& v, const std::string& ptr, Question& q) {
    const bool any_range = std::any_of(q.choices.begin(), q.choices.end(), [](const Choice& c) { return c.has_amount; });
    auto it = v.find("amount");
    if (it == v.end()) {
        if (any_range) ctx.error(ptr, "choices carry amounts but the question has no \"amount\"");
        return;
    }
    const std::string p = child(ptr, "amount");
    if (!ctx.object(*it, p, "an amount")) return;
    ctx.only_keys(*it, p, {"unit", "whole", "words", "source"});
    if (q.type != QuestionType::choice) {
        ctx.error(p, "\"amount\" applies only to choice questions");
        return;
    }
    q.amounts = true;
    if (auto u = ctx.str(*it, p, "unit", false)) {
        bool found = false;
        for (auto unit : {Unit::years, Unit::kg, Unit::cm, Unit::minutes, Unit::hours, Unit::days, Unit::weeks})
            if (to_string(unit) == *u) q.amount_unit = unit, found = true;
        if (!found) ctx.error(child(p, "unit"), "unknown unit \"" + *u + "\" (expected years, kg, cm, minutes, hours, days or weeks)");
    }
    if (auto w = it->find("whole"); w != it->end()) {
        if (!w->is_boolean()) ctx.error(child(p, "whole"), "\"whole\" must be true or false");
        else q.amount_whole = w->get<bool>();
    }
    q.amount_words = word_list(ctx, *it, p, "words");
    ctx.str(*it, p, "source");  // clinical data carries its source
    if (!any_range) ctx.error(p, "no choice carries an \"amount\" range");
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (q.choices[i].has_amount && q.choices[k].has_amount && overlap(q.choices[i], q.choices[k]))
                ctx.error(child(child(child(ptr, "choices"), i), "amount"),
                          "the range overlaps that of \"" + q.choices[k].code + "\" (from " + fmt_num(q.choices[k].low) + ")");
}

void read_answer_words(LoadContext& ctx, const json& j, AnswerWords& w) {
    auto it = j.find("answer_words");
    if (it == j.end()) return;
    const std::string p = "/answer_words";
    if (!ctx.object(*it, p, "the answer words")) return;
    ctx.only_keys(*it, p, {"source", "yes", "no", "approximately", "ignored_after", "numbers"});
    w.yes = word_list(ctx, *it, p, "yes");
    w.no = word_list(ctx, *it, p, "no");
    w.approximately = word_list(ctx, *it, p, "approximately");
    w.ignored_after = word_list(ctx, *it, p, "ignored_after");
    for (const auto& y : w.yes)
        if (std::find(w.no.begin(), w.no.end(), y) != w.no.end()) ctx.error(child(p, "no"), "\"" + y + "\" is both a yes and a no word");
    if (auto n = it->find("numbers"); n != it->end()) {
        if (!ctx.object(*n, child(p, "numbers"), "an object of {word: number}")) return;
        for (const auto& [word, value] : n->items()) {
            const std::string np = child(child(p, "numbers"), word);
            if (!value.is_number() || value.get<double>() < 0) ctx.error(np, "expected a number of at least 0");
            else if (word.empty() || lower(word) != word) ctx.error(np, "answer words are written in lower case");
            else w.number_words.push_back(word), w.number_values.push_back(value.get<double>());
        }
    }
}

}  // namespace myoscreen::detail
