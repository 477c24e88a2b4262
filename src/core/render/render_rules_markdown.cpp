// The clinical rules as Markdown for people (`rules show --format markdown`,
// docs/rules.md): every question, derived value, instrument, factor, red
// flag and plausibility check with its condition and source, in the
// definitions' order. It is made from the definitions, never written by
// hand, so the readable rules cannot drift from the ones the screener runs.
// The compiled model keeps conditions as programs; the conditions are printed
// as written, read from the definitions' JSON text beside the model.
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "myoscreen/answers.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen {
namespace {

using Json = nlohmann::json;

// Prose in a table cell or a line: no line breaks, and no character that
// Markdown would take for table syntax, emphasis or HTML.
std::string prose(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '|': out += "\\|"; break;
        case '*': out += "\\*"; break;
        case '\\': out += "\\\\"; break;
        case '<': out += "&lt;"; break;
        case '\n': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

// Code as written (an id, an expression), as a code span. Inside a table a
// '|' still ends the cell unless escaped, even in a code span.
std::string code(std::string_view s) {
    std::string body;
    for (char c : s) body += c == '|' ? std::string("\\|") : std::string(1, c == '\n' ? ' ' : c);
    const bool tick = body.find('`') != std::string::npos;
    return tick ? fmt::format("`` {} ``", body) : fmt::format("`{}`", body);
}

std::string num(double x) { return fmt::format("{:g}", x); }

// The expression text at `key` of a JSON object; the definitions loaded from
// this text, so it is there whenever the model has a condition.
std::string expr_at(const Json& j, std::string_view key) {
    const auto it = j.find(std::string(key));
    if (it == j.end() || !it->is_string()) throw std::invalid_argument(fmt::format("definitions text has no \"{}\" where the model has one", key));
    return it->get<std::string>();
}

// The element of array `key` of `j` at `i`, checked to carry `id`: the text
// must be the one the definitions were loaded from.
const Json& element(const Json& j, std::string_view key, std::size_t i, std::string_view id) {
    const auto it = j.find(std::string(key));
    if (it == j.end() || !it->is_array() || i >= it->size())
        throw std::invalid_argument(fmt::format("definitions text has no \"{}\" [{}]", key, i));
    const Json& e = (*it)[i];
    if (!id.empty() && e.value("id", std::string()) != id)
        throw std::invalid_argument(fmt::format("definitions text does not match the model at \"{}\" [{}]", key, i));
    return e;
}

// The amounts a choice stands for ("1 to 3 falls", "more than 3 kg").
std::string amount_text(const Question& q, const Choice& c) {
    std::string what = std::isinf(c.high) ? (c.low_open ? "more than " + num(c.low) : num(c.low) + " or more")
                       : c.low == c.high  ? num(c.low)
                                          : fmt::format("{}{} to {}{}", c.low_open ? "over " : "", num(c.low), c.high_open ? "under " : "", num(c.high));
    if (q.amount_unit != Unit::none) what += fmt::format(" {}", to_string(q.amount_unit));
    else if (!q.amount_words.empty()) what += " " + q.amount_words.front();
    return what;
}

std::string answers_text(const Question& q) {
    switch (q.type) {
    case QuestionType::integer: return "whole number " + describe_range(q);
    case QuestionType::number: return "number " + describe_range(q);
    case QuestionType::yes_no: return "`yes` or `no`";
    case QuestionType::choice:
    case QuestionType::multi_choice: break;
    }
    std::string out = q.type == QuestionType::choice ? "one of:" : "any of:";
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const Choice& c = q.choices[i];
        out += fmt::format("<br>{} {}", code(c.code), prose(c.label));
        if (q.amounts && c.has_amount) out += fmt::format(" (amount: {})", amount_text(q, c));
        if (static_cast<int>(i) == q.exclusive) out += " (only on its own)";
    }
    return out;
}

void intro(const Definitions& d, std::string& out) {
    out += fmt::format("# The clinical rules of {} {}\n\n", d.name, d.version);
    out += "Every question, derived value, instrument, factor rule, red flag and plausibility check the "
           "screener uses, with its condition and its source, in the order of the definitions "
           "(`data/definitions.json`). This file is generated: `myoscreen rules show --format markdown` "
           "writes it, and a test fails when it differs from what the definitions say. Do not edit it by hand: "
           "change `data/definitions.json` and run the command again.\n\n";
    out += "Conditions and formulas are printed as written in the definitions. Their language, and how an "
           "unanswered (unknown) or not-asked (absent) answer counts in them, is described in "
           "[definitions-format.md](definitions-format.md) (\"Expressions\", \"Unknown and absent\"). "
           "In short: every condition is true, false or unknown; a question whose *asked if* condition is false "
           "is absent, and every test of an absent answer is false; derived numbers are rounded to 1 decimal "
           "before anything uses them.\n\n";
    out += fmt::format("> {}\n\n", prose(d.disclaimer));
    out += "Contents: [Questions](#questions), [Derived values](#derived-values), [Instruments](#instruments), "
           "[Factors](#factors), [Red flags](#red-flags), [Plausibility checks](#plausibility-checks), "
           "[References](#references).\n";
}

void questions(const Definitions& d, std::string& out) {
    out += fmt::format("\n## Questions\n\n{} questions in {} sections. Any question may be left unanswered. "
                       "A question with an *asked if* condition is asked only when it is true (or unknown).\n",
                       d.questions.size(), d.sections.size());
    int section = -1;
    for (const Question& q : d.questions) {
        if (q.section != section) {
            section = q.section;
            out += fmt::format("\n### {} ({})\n\n| id | label | question | answers | asked if |\n|---|---|---|---|---|\n",
                               prose(d.sections[section].title), code(d.sections[section].id));
        }
        out += fmt::format("| {} | {} | {} | {} | {} |\n", code(q.id), prose(q.name()), prose(q.text), answers_text(q),
                           q.ask_if_text.empty() ? "always" : code(q.ask_if_text));
    }
}

void derived(const Definitions& d, std::string& out) {
    out += "\n## Derived values\n\nComputed from the answers; numbers are rounded to 1 decimal.\n\n"
           "| id | meaning | kind | formula |\n|---|---|---|---|\n";
    for (const Derived& v : d.derived) {
        const std::string kind = v.is_bool ? "yes/no" : v.unit.empty() ? "number" : "number (" + prose(v.unit) + ")";
        out += fmt::format("| {} | {} | {} | {} |\n", code(v.id), prose(v.text), kind, code(v.expr_text));
    }
}

std::string item_points(const Definitions& d, const Item& it, const Json& item) {
    switch (it.kind) {
    case Item::Kind::question: {
        const Question& q = d.questions[static_cast<std::size_t>(it.question)];
        std::string out = "answer to " + code(q.id) + ":";
        if (q.type == QuestionType::yes_no) return out + fmt::format(" `yes` {}, `no` {}", it.points[0], it.points[1]);
        for (std::size_t c = 0; c < it.points.size() && c < q.choices.size(); ++c)
            out += fmt::format("{} {} {}", c ? "," : "", code(q.choices[c].code), it.points[c]);
        return out;
    }
    case Item::Kind::criterion: return fmt::format("{} when {}", it.criterion_points, code(expr_at(item, "when")));
    case Item::Kind::cases: {
        std::string out = "the first that holds:";
        const Json& cases = item.at("cases");
        for (std::size_t c = 0; c < it.case_points.size(); ++c) {
            const bool deflt = it.case_when[c].empty();
            out += fmt::format("<br>{} when {}", it.case_points[c], deflt ? "none of the above" : code(expr_at(cases.at(c), "when")));
        }
        return out;
    }
    }
    return "";
}

void instruments(const Definitions& d, const Json& j, std::string& out) {
    out += "\n## Instruments\n\nEach instrument adds up its items' points; a band names the result. A missing answer "
           "leaves the band undecided unless the answers given already decide it.\n";
    for (std::size_t i = 0; i < d.instruments.size(); ++i) {
        const Instrument& in = d.instruments[i];
        const Json& ji = element(j, "instruments", i, in.id);
        out += fmt::format("\n### {} ({})\n\n", prose(in.name), code(in.id));
        if (!in.description.empty()) out += prose(in.description) + "\n\n";
        out += fmt::format("Source: {}\n\n", prose(in.source));
        if (!in.code.code.empty()) {
            out += fmt::format("Code of the total score: {}", code(in.code.code));
            if (!in.code.display.empty()) out += fmt::format(" {}", prose(in.code.display));
            out += fmt::format(" ({})\n\n", prose(in.code.system));
        }
        out += "| item | points |\n|---|---|\n";
        for (std::size_t k = 0; k < in.items.size(); ++k)
            out += fmt::format("| {} | {} |\n", code(in.items[k].id), item_points(d, in.items[k], element(ji, "items", k, in.items[k].id)));
        out += fmt::format("\nScore: 0 to {}.\n\n", in.max_score);
        if (in.rule_bands) {
            out += "| band | when (the first that holds) |\n|---|---|\n";
            for (std::size_t b = 0; b < in.bands.size(); ++b) {
                const Band& band = in.bands[b];
                out += fmt::format("| {} | {} |\n", code(band.name),
                                   band.when.empty() ? "otherwise" : code(expr_at(element(ji, "bands", b, ""), "when")));
            }
        } else {
            out += "| band | score |\n|---|---|\n";
            for (const Band& band : in.bands)
                out += fmt::format("| {} | {} |\n", code(band.name), band.min == band.max ? fmt::format("{}", band.min) : fmt::format("{} to {}", band.min, band.max));
        }
    }
}

void factors(const Definitions& d, const Json& j, std::string& out) {
    out += "\n## Factors\n\nA factor is *likely* when its likely condition holds, else *possible* when its possible "
           "condition holds, else *unlikely* when both are false, else *unknown*. The conditions name the factor's "
           "rules; a rule's text is what the person reads when the rule holds.\n";
    for (std::size_t i = 0; i < d.factors.size(); ++i) {
        const Factor& f = d.factors[i];
        const Json& jf = element(j, "factors", i, f.id);
        out += fmt::format("\n### {} ({})\n\n", prose(f.title), code(f.id));
        out += fmt::format("- **Likely** when {}\n", code(expr_at(jf, "likely")));
        out += fmt::format("- **Possible** when {}\n", code(expr_at(jf, "possible")));
        out += fmt::format("- Source: {}\n\n", prose(f.source));
        out += "| rule | when | the person reads | source |\n|---|---|---|---|\n";
        for (std::size_t k = 0; k < f.rules.size(); ++k) {
            const Rule& r = f.rules[k];
            out += fmt::format("| {} | {} | {} | {} |\n", code(r.id), code(expr_at(element(jf, "rules", k, r.id), "when")), prose(r.text),
                               prose(r.source));
        }
        if (!f.advice.text.empty()) out += fmt::format("\nAdvice: {} (source: {})\n", prose(f.advice.text), prose(f.advice.source));
    }
}

void red_flags(const Definitions& d, const Json& j, std::string& out) {
    out += "\n## Red flags\n\nAny red flag that holds raises the medical-attention flag; the most urgent one sets its "
           "urgency. The message and what to do are shown to the person as written.\n\n"
           "| id | urgency | when | message | what to do | source |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < d.red_flags.size(); ++i) {
        const RedFlag& f = d.red_flags[i];
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", code(f.id), to_string(f.urgency),
                           code(expr_at(element(j, "red_flags", i, f.id), "when")), prose(f.text), prose(f.action), prose(f.source));
    }
}

void checks(const Definitions& d, const Json& j, std::string& out) {
    out += "\n## Plausibility checks\n\nWarnings, never errors, and they never change the screening: when a check "
           "holds, the answers it names are likely a slip (a wrong unit) and the person is asked to confirm or correct "
           "them. `{id}` in a message is that derived value.\n\n"
           "| id | when | answers to confirm | message | alternative offered | source |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < d.checks.size(); ++i) {
        const Check& c = d.checks[i];
        const Json& jc = element(j, "checks", i, c.id);
        std::string confirm;
        for (int q : c.confirm) confirm += (confirm.empty() ? "" : ", ") + code(d.questions[static_cast<std::size_t>(q)].id);
        std::string alt = "none";
        if (c.alternative.question >= 0)
            alt = fmt::format("{} read in {} when {}", code(d.questions[static_cast<std::size_t>(c.alternative.question)].id),
                              prose(c.alternative.unit), code(expr_at(jc.at("alternative"), "when")));
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", code(c.id), code(expr_at(jc, "when")), confirm, prose(c.message), alt,
                           prose(c.source));
    }
}

void references(const Definitions& d, std::string& out) {
    out += "\n## References\n\n";
    if (d.references.empty()) out += "None listed.\n";
    for (const Reference& r : d.references) out += fmt::format("- {}: {}\n", code(r.id), prose(r.citation));
}

}  // namespace

void render_rules_markdown(const Definitions& defs, std::string_view text, std::string& out) {
    // Rendered aside first: a text that turns out not to be the model's
    // leaves `out` as it was.
    std::string md;
    try {
        const Json j = Json::parse(text.begin(), text.end());
        intro(defs, md);
        questions(defs, md);
        derived(defs, md);
        instruments(defs, j, md);
        factors(defs, j, md);
        red_flags(defs, j, md);
        checks(defs, j, md);
        references(defs, md);
    } catch (const Json::exception& e) {
        throw std::invalid_argument(fmt::format("the definitions text is not the JSON of these definitions ({})", e.what()));
    }
    out += md;
}

}  // namespace myoscreen
