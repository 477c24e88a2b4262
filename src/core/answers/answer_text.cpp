// The forgiving reading of answer text (answer_text.hpp): reached only when
// the exact code or plain number of the fast path did not fit.
#include "answers/answer_text.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "answers/units.hpp"

namespace myoscreen::detail {

namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '\'' || (c & 0x80) != 0; }

bool listed(const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Words: runs of letters, digits, apostrophes and non-ASCII bytes.
std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && !is_word_char(s[i])) ++i;
        std::size_t k = i;
        while (k < s.size() && is_word_char(s[k])) ++k;
        if (k > i) out.push_back(s.substr(i, k - i));
        i = k;
    }
    return out;
}

std::string without_underscores(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// `needle` as whole consecutive words of `hay`.
bool has_phrase(const std::vector<std::string_view>& hay, const std::vector<std::string_view>& needle) {
    if (needle.empty() || needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    return false;
}

// Drops a leading "about"/"~" and trailing words that add nothing ("old").
std::string_view strip_approximately(std::string_view t, const AnswerWords* w) {
    if (!t.empty() && t.front() == '~') return trim(t.substr(1));
    if (!w) return t;
    for (const auto& a : w->approximately)
        if (t.size() > a.size() && t.starts_with(a) && t[a.size()] == ' ') return trim(t.substr(a.size() + 1));
    return t;
}
std::string_view strip_ignored_after(std::string_view t, const AnswerWords* w) {
    if (!w) return t;
    for (const auto& a : w->ignored_after)
        if (t.size() > a.size() && t.ends_with(a) && t[t.size() - a.size() - 1] == ' ') return trim(t.substr(0, t.size() - a.size() - 1));
    return t;
}

// A leading number word as its digits ("two days" → "2 days").
std::string number_word_as_digits(std::string_view t, const AnswerWords* w) {
    if (!w) return std::string(t);
    const std::size_t end = std::min(t.find(' '), t.size());
    const std::string_view first = t.substr(0, end);
    for (std::size_t i = 0; i < w->number_words.size(); ++i)
        if (w->number_words[i] == first) return fmt::format("{:g}", w->number_values[i]) + std::string(t.substr(end));
    return std::string(t);
}

// A comma between digits is a decimal point ("1,62 m"), unless three digits
// follow it: then it may as well separate thousands, so it is refused.
Reason comma_decimal(std::string& t) {
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i] != ',' || !is_digit(t[i - 1]) || !is_digit(t[i + 1])) continue;
        std::size_t k = i + 1;
        while (k < t.size() && is_digit(t[k])) ++k;
        if (k - i - 1 == 3) return refuse(Refusal::ambiguous_comma, "a comma there may be a decimal point or separate thousands; type the number without it (1.5 or 1500)");
        t[i] = '.';
    }
    return std::nullopt;
}

// The text's number in the question's (or the amount's) unit, forgiving.
Reason quantity_forgiving(std::string_view text, Unit unit, std::string_view default_unit, const AnswerWords* w,
                          const std::vector<std::string>& count_words, double& value) {
    std::string t = normalise_answer(text);
    std::string_view v = strip_ignored_after(strip_approximately(t, w), w);
    if (!count_words.empty()) {
        const std::size_t sp = v.rfind(' ');
        if (sp != std::string_view::npos && listed(count_words, v.substr(sp + 1))) v = trim(v.substr(0, sp));
    }
    std::string s = number_word_as_digits(v, w);
    if (auto why = comma_decimal(s)) return why;
    if (!default_unit.empty() && parse_number(s)) s += " " + std::string(default_unit);
    Refused why{};
    const auto q = parse_quantity(s, unit, why);
    if (!q) return why;
    value = q->value;
    return std::nullopt;
}

std::string quoted_labels(const Question& q, const std::vector<int>& which) {
    std::string out;
    for (std::size_t k = 0; k < which.size(); ++k)
        out += (k == 0 ? "\"" : k + 1 == which.size() ? " or \"" : ", \"") + q.choices[static_cast<std::size_t>(which[k])].label + "\"";
    return out;
}

// After "that could be A or B": the dialogue asks again; a file's value needs its code.
const char* more_of_it(bool positions) {
    return positions ? "; type more of it" : "; use more of the label, or the choice's code";
}

}  // namespace

std::string normalise_answer(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2018/2019 ’ and U+2032 ′ as ', U+201C/201D ” and U+2033 ″ as ".
        if (c == 0xE2 && i + 2 < text.size()) {
            const auto b = static_cast<unsigned char>(text[i + 1]), d = static_cast<unsigned char>(text[i + 2]);
            if (b == 0x80 && (d == 0x98 || d == 0x99 || d == 0xB2)) { out += '\''; i += 2; continue; }
            if (b == 0x80 && (d == 0x9C || d == 0x9D || d == 0xB3)) { out += '"'; i += 2; continue; }
        }
        if (is_space(static_cast<char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += ascii_lower(static_cast<char>(c));
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string what_works(const Question& q, bool positions) {
    // `positions`: typed in the dialogue or line mode; else a file's value (a JSON value, a CSV cell).
    const std::string_view verb = positions ? "type" : "use";
    switch (q.type) {
    case QuestionType::integer:
    case QuestionType::number: return fmt::format("{} a number {}", verb, describe_range(q));
    case QuestionType::yes_no: return "answer yes or no";
    case QuestionType::choice:
        if (q.amounts) {
            const std::string noun = q.amount_unit != Unit::none ? "in " + std::string(to_string(q.amount_unit))
                                     : q.amount_words.empty()   ? "as a number"
                                                                : "as a number of " + q.amount_words.front();
            return fmt::format("{} the amount {}, or {}", verb, noun, positions ? "a word from a choice" : "a choice code or label");
        }
        return positions ? fmt::format("type a choice's number (1 to {}) or a word from it", q.choices.size())
                         : "use a choice code or label (see: myoscreen questions)";
    case QuestionType::multi_choice:
        return positions ? "type choices' numbers or words, separated by commas"
                         : "use choice codes or labels separated by ';' (see: myoscreen questions)";
    }
    return "";
}

Reason number_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out) {
    double v = 0;
    if (auto why = quantity_forgiving(text, q.unit, ways.default_unit, ways.words, {}, v)) {
        // Text that is no number at all: say what would be (a bad unit's reason lists the units already).
        if (why->code == Refusal::not_a_number || why->code == Refusal::trailing_text) why->words += "; " + what_works(q, ways.positions);
        return why;
    }
    return answer_from_number(q, v, out);
}

std::optional<bool> yes_no_forgiving(std::string_view text, const AnswerWords* words) {
    if (auto b = yes_no_word(text)) return b;
    if (!words) return std::nullopt;
    const std::string t = normalise_answer(text);
    if (listed(words->yes, t)) return true;
    if (listed(words->no, t)) return false;
    return std::nullopt;
}

Reason amount_to_choice(const Question& q, double amount, bool positions, int& index) {
    const std::string noun = q.amount_unit != Unit::none ? std::string(to_string(q.amount_unit))
                             : q.amount_words.empty()   ? std::string()
                                                        : q.amount_words.front();
    if (!std::isfinite(amount)) return refuse(Refusal::not_finite, "not a finite number");
    if (amount < 0) return refuse(Refusal::negative_amount, "an amount cannot be negative; " + what_works(q, positions));
    if (q.amount_whole && amount != std::floor(amount))
        return refuse(Refusal::not_an_integer,
                      (noun.empty() ? "must be a whole number" : "must be a whole number of " + noun) + "; " + what_works(q, positions));
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const Choice& c = q.choices[i];
        if (!c.has_amount) continue;
        const bool above_low = c.low_open ? amount > c.low : amount >= c.low;
        const bool below_high = c.high_open ? amount < c.high : amount <= c.high;
        if (above_low && below_high) {
            index = static_cast<int>(i);
            return std::nullopt;
        }
    }
    return refuse(Refusal::no_choice_for_amount, "no choice stands for that amount; " + what_works(q, positions));
}

Reason choice_item_forgiving(const Question& q, std::string_view text, const TextWays& ways, int& index) {
    const std::string t = normalise_answer(text);
    if (t.empty()) return refuse(Refusal::no_choice, "expected a choice");
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const Choice& c = q.choices[i];
        if (iequals(c.code, t) || normalise_answer(c.label) == t || listed(c.words, t)) return index = static_cast<int>(i), std::nullopt;
    }
    const bool starts_numeric = is_digit(t.front()) || t.front() == '-' || t.front() == '.' || t.front() == '~';
    Reason amount_why;  // why a number-like text is no amount, if no word matches either ("1 to 3" does)
    if (q.amounts) {
        // A number is the amount, never a position.
        double v = 0;
        const Reason why = quantity_forgiving(t, q.amount_unit, {}, ways.words, q.amount_words, v);
        if (!why) return amount_to_choice(q, v, ways.positions, index);
        if (starts_numeric || strip_approximately(t, ways.words) != t) amount_why = refuse(why->code, why->words + "; " + what_works(q, ways.positions));
        // "once or twice", "2 or 3 kg": one choice if every amount named falls in it.
        if (const std::size_t or_at = t.find(" or "); or_at != std::string::npos) {
            std::vector<int> found;
            bool all = true;
            for (const std::string_view part : {std::string_view(t).substr(0, or_at), std::string_view(t).substr(or_at + 4)}) {
                double a = 0;
                int i = -1;
                all = all && !quantity_forgiving(part, q.amount_unit, {}, ways.words, q.amount_words, a) && !amount_to_choice(q, a, ways.positions, i);
                if (all && std::find(found.begin(), found.end(), i) == found.end()) found.push_back(i);
            }
            if (all && found.size() == 1) return index = found.front(), std::nullopt;
            if (all) return refuse(Refusal::ambiguous_choice, "that could be " + quoted_labels(q, found) + more_of_it(ways.positions));
        }
    } else if (auto n = parse_number(t)) {
        if (ways.positions && *n == std::floor(*n) && *n >= 1 && *n <= static_cast<double>(q.choices.size()))
            return index = static_cast<int>(*n) - 1, std::nullopt;
        return refuse(Refusal::unknown_choice, "not one of the choices; " + what_works(q, ways.positions));
    }
    // Prefixes of a code or label, and whole words of a label or code.
    std::vector<std::string_view> typed = words_of(t);
    std::string canonical;
    if (ways.words && typed.size() == 1) {
        if (listed(ways.words->yes, t)) canonical = "yes";
        else if (listed(ways.words->no, t)) canonical = "no";
    }
    std::vector<int> found;
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const std::string label = normalise_answer(q.choices[i].label);
        const std::string code = without_underscores(normalise_answer(q.choices[i].code));
        const auto label_words = words_of(label), code_words = words_of(code);
        bool hit = label.starts_with(t) || normalise_answer(q.choices[i].code).starts_with(t) || has_phrase(label_words, typed) ||
                   has_phrase(code_words, typed);
        if (!hit && !canonical.empty()) hit = has_phrase(label_words, {canonical});
        if (hit) found.push_back(static_cast<int>(i));
    }
    if (found.size() == 1) return index = found.front(), std::nullopt;
    if (found.empty()) return amount_why ? amount_why : refuse(Refusal::unknown_choice, "not one of the choices; " + what_works(q, ways.positions));
    return refuse(Refusal::ambiguous_choice, "that could be " + quoted_labels(q, found) + more_of_it(ways.positions));
}

Reason choice_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out) {
    int i = -1;
    if (auto why = choice_item_forgiving(q, text, ways, i)) return why;
    out = Answer{true, static_cast<double>(i), 0};
    return std::nullopt;
}

Reason choices_text_forgiving(const Question& q, std::string_view text, const TextWays& ways, Answer& out) {
    const std::string t = normalise_answer(text);
    // Items: split by ',' and ';'; a part that is no choice by ' and ', then
    // by spaces ("1 2 9", "diabetes arthritis").
    std::vector<std::string> items;
    auto try_one = [&](std::string_view s) {
        int i = -1;
        return !choice_item_forgiving(q, s, ways, i);
    };
    auto split = [](std::string_view s, std::string_view sep, auto&& each) {
        for (std::size_t start = 0; start <= s.size();) {
            std::size_t end = s.find(sep, start);
            if (end == std::string_view::npos) end = s.size();
            const std::string_view part = trim(s.substr(start, end - start));
            start = end + sep.size();
            if (!part.empty()) each(part);
        }
    };
    split(t, ",", [&](std::string_view a) {
        split(a, ";", [&](std::string_view b) {
            if (try_one(b)) return items.emplace_back(b), void();
            std::vector<std::string_view> ands;
            split(b, " and ", [&](std::string_view c) { ands.push_back(c); });
            if (ands.size() == 1 && b.starts_with("and ")) ands.front() = b.substr(4);
            for (std::string_view c : ands) {
                if (try_one(c) || c.find(' ') == std::string_view::npos) items.emplace_back(c);
                else split(c, " ", [&](std::string_view d) { items.emplace_back(d); });
            }
        });
    });
    if (items.empty()) return refuse(Refusal::no_choice, "expected one or more choices; " + what_works(q, ways.positions));
    std::uint64_t set = 0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        int i = -1;
        if (auto why = choice_item_forgiving(q, items[k], ways, i)) {
            // Typed lists name the item; a cell's reason is the one a JSON array's item gets.
            if (items.size() == 1 || !ways.positions) return why;
            if (why->code == Refusal::ambiguous_choice) return refuse(why->code, fmt::format("item {} {}", k + 1, why->words.substr(5)));
            return refuse(Refusal::unknown_choice, fmt::format("item {} is not one of the choices; {}", k + 1, what_works(q, ways.positions)));
        }
        if (set >> i & 1U) return refuse(Refusal::duplicate_choice, "a choice is listed twice");
        set |= std::uint64_t{1} << i;
    }
    return answer_from_codes(q, set, out);
}

}  // namespace myoscreen::detail
