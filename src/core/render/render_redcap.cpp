// The questionnaire as a REDCap data dictionary (docs/interop.md, "REDCap"):
// one form, record_id first, sections as section headers, skip logic as
// branching logic, numeric derived values as calc fields.
#include <iterator>

#include <fmt/format.h>

#include "myoscreen/render.hpp"
#include "render/redcap_logic.hpp"

namespace myoscreen {

namespace {

constexpr std::string_view header =
    "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\","
    "Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,"
    "Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),"
    "Matrix Group Name,Matrix Ranking?,Field Annotation\n";

struct Row {
    std::string name, section, type, label, choices, note, validation, min, max, identifier, branching, annotation;
};

// RFC 4180: quoted when it holds a comma, quote or line break.
void field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void row(std::string& out, std::string_view form, const Row& r) {
    const std::string_view cells[] = {r.name, form,       r.section,   r.type, r.label, r.choices, r.note, r.validation, r.min,
                                      r.max,  r.identifier, r.branching, "",     "",      "",        "",     "",           r.annotation};
    for (std::size_t k = 0; k < std::size(cells); ++k) {
        if (k) out += ',';
        field(out, cells[k]);
    }
    out += '\n';
}

// REDCap splits choices at '|' and a choice at its first ',': a label may
// hold commas but not '|'.
std::string choices(const Question& q) {
    std::string out;
    for (const Choice& c : q.choices) {
        std::string label = c.label;
        for (char& ch : label)
            if (ch == '|') ch = '/';
        out += (out.empty() ? "" : " | ") + c.code + ", " + label;
    }
    return out;
}

// REDCap form names are lower-case letters, digits and '_'.
std::string form_name(const Definitions& d) {
    std::string out;
    for (const char c : d.name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "screening_" + out;
    return out;
}

Row question_row(const Definitions& d, const Question& q, const detail::RedcapFields& f, std::vector<std::string>* notes) {
    Row r;
    r.name = q.id;
    r.label = q.text;
    r.note = q.help;
    switch (q.type) {
    case QuestionType::choice: r.type = "radio"; r.choices = choices(q); break;
    case QuestionType::multi_choice: r.type = "checkbox"; r.choices = choices(q); break;
    case QuestionType::yes_no: r.type = "yesno"; break;
    case QuestionType::integer:
    case QuestionType::number:
        r.type = "text";
        r.validation = q.type == QuestionType::integer ? "integer" : "number";
        r.min = detail::redcap_number(q.min);
        r.max = detail::redcap_number(q.max);
        if (q.unit != Unit::none) r.note = fmt::format("in {}{}{}", to_string(q.unit), q.help.empty() ? "" : ". ", q.help);
        break;
    }
    std::string why;
    if (auto logic = detail::redcap_branching(d, q, f, why)) {
        r.branching = *logic;
    } else {
        // Shown always: an answer myoscreen does not need is ignored, while a
        // hidden field would lose one it needs.
        r.annotation = fmt::format("myoscreen ask_if: {} (not expressible in REDCap logic: {}; the field is always shown)", q.ask_if_text, why);
        if (notes) notes->push_back(fmt::format("question '{}': its ask_if is not expressible in REDCap logic ({}); the field is always shown", q.id, why));
    }
    return r;
}

}  // namespace

void render_redcap_dictionary(const Definitions& d, std::string& out, std::vector<std::string>* notes) {
    const std::string form = form_name(d);
    detail::RedcapFields f;
    f.calc.assign(d.derived.size(), false);
    // Calc fields first decided in definition order (a derived value reads
    // only those before it), each placed after the last question it reads.
    std::vector<std::vector<Row>> after(d.questions.size());
    for (std::size_t k = 0; k < d.derived.size(); ++k) {
        const Derived& v = d.derived[k];
        std::string why;
        auto calc = detail::redcap_calc(d, v, f, why);
        if (!calc) {
            // Yes/no values have no REDCap type: only a number is missed.
            if (notes && !v.is_bool) notes->push_back(fmt::format("derived value '{}': no calc field ({})", v.id, why));
            continue;
        }
        f.calc[k] = true;
        int last = 0;
        for (std::size_t q = 0; q < d.questions.size(); ++q)
            if (calc->find("[" + d.questions[q].id + "]") != std::string::npos) last = static_cast<int>(q);
        Row r;
        r.name = v.id;
        r.type = "calc";
        r.label = v.text.empty() ? v.id : v.text;
        r.choices = *calc;
        r.note = v.unit.empty() ? "" : "in " + v.unit;
        r.annotation = "myoscreen derived value: " + v.expr_text;
        after[static_cast<std::size_t>(last)].push_back(std::move(r));
    }

    out += header;
    Row id;
    id.name = "record_id";
    id.type = "text";
    id.label = "Record ID";
    row(out, form, id);
    int section = -1;
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        Row r = question_row(d, q, f, notes);
        if (q.section != section) {
            section = q.section;
            r.section = d.sections[static_cast<std::size_t>(section)].title;
        }
        row(out, form, r);
        for (const Row& c : after[i]) row(out, form, c);
    }
}

}  // namespace myoscreen
