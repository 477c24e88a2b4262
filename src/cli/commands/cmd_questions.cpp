// `questions`: the catalogue as text, JSON, a CSV header, Markdown, a FHIR R4 Questionnaire or a REDCap data dictionary.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/render.hpp"

namespace myoscreen::cli {
namespace {

std::string type_text(const Question& q) {
    switch (q.type) {
    case QuestionType::integer:
    case QuestionType::number: return fmt::format("{} ({})", to_string(q.type), describe_range(q));
    case QuestionType::yes_no: return "yes or no";
    case QuestionType::choice: return "one of";
    case QuestionType::multi_choice: return q.exclusive >= 0 ? fmt::format("any of (or {})", q.choices[q.exclusive].code) : "any of";
    }
    return "";
}

std::string as_text(const Definitions& d) {
    std::string out = fmt::format("{} {}: {} questions\n", d.name, d.version, d.questions.size());
    int section = -1;
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        if (q.section != section) {
            section = q.section;
            out += fmt::format("\n{} ({})\n", d.sections[section].title, d.sections[section].id);
        }
        out += fmt::format("  {:<24} {}\n", q.id, q.text);
        out += fmt::format("  {:<24} {}", "", type_text(q));
        if (!q.ask_if_text.empty()) out += fmt::format("; asked if {}", q.ask_if_text);
        out += '\n';
        for (const auto& c : q.choices) out += fmt::format("  {:<24}   {:<28} {}\n", "", c.code, c.label);
    }
    return out;
}

std::string as_markdown(const Definitions& d) {
    std::string out = fmt::format("# {} {}\n", d.name, d.version);
    int section = -1;
    for (const Question& q : d.questions) {
        if (q.section != section) {
            section = q.section;
            out += fmt::format("\n## {}\n\n| id | question | answer | asked if |\n|---|---|---|---|\n", d.sections[section].title);
        }
        std::string answer = type_text(q);
        for (std::size_t c = 0; c < q.choices.size(); ++c) answer += (c ? ", `" : " `") + q.choices[c].code + "`";
        out += fmt::format("| `{}` | {} | {} | {} |\n", q.id, q.text, answer, q.ask_if_text.empty() ? "" : "`" + q.ask_if_text + "`");
    }
    return out;
}

std::string as_json(const Definitions& d) {
    std::string out;
    render_questions_json(d, out);
    return out;
}

}  // namespace

int cmd_questions(const QuestionsArgs& a) {
    const Definitions d = load_rules(a.rules);
    if (a.format == "text") write_out(as_text(d));
    else if (a.format == "json") write_out(as_json(d));
    else if (a.format == "markdown") write_out(as_markdown(d));
    else if (a.format == "fhir") {
        std::string out;
        render_questionnaire_fhir(d, out);
        write_out(out);
    }
    else if (a.format == "redcap") {
        std::string out;
        std::vector<std::string> notes;
        render_redcap_dictionary(d, out, &notes);
        for (const std::string& n : notes) warn(n);
        write_out(out);
    }
    else {
        std::string line;
        for (const Question& q : d.questions) line += (line.empty() ? "" : ",") + q.id;
        write_out(line + "\n");
    }
    return exit_ok;
}

}  // namespace myoscreen::cli
