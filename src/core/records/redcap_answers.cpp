// REDCap raw CSV exports: the header mapped once (checkbox option columns,
// REDCap's own columns), each row read with the CSV value rules.
#include <algorithm>

#include <fmt/format.h>

#include "answers/answer_values.hpp"
#include "records/csv_row.hpp"
#include "text/ascii.hpp"
#include "myoscreen/records.hpp"

namespace myoscreen {
namespace {

// REDCap writes a checkbox option's column with its code lower-cased and
// '-' as '_' (other characters are not allowed in its codes).
std::string redcap_code(std::string_view code) {
    std::string out(code);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == '-') c = '_';
    }
    return out;
}

bool is_derived(const Definitions& d, std::string_view name) {
    return std::any_of(d.derived.begin(), d.derived.end(), [&](const Derived& v) { return v.id == name; });
}

}  // namespace

CsvLayout map_redcap_header(const Definitions& d, const std::vector<std::string>& names, std::vector<AnswerError>& errors) {
    CsvLayout layout;
    layout.redcap = true;
    std::vector<int> seen(d.questions.size(), -1);
    std::vector<std::vector<int>> seen_option(d.questions.size());
    for (std::size_t c = 0; c < names.size(); ++c) {
        std::string_view raw = names[c];
        if (c == 0 && raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
        const std::string name(detail::trim(raw));
        CsvColumn col;
        const auto sep = name.find("___");
        if (c == 0) {
            // REDCap: the first field of the first form is the record id.
            col.kind = CsvColumn::Kind::id;
            layout.has_id = true;
            layout.id_index = 0;
        } else if (name.empty()) {
            layout.unnamed.push_back(static_cast<int>(c) + 1);
        } else if (const auto bad = find_invalid_utf8(name); bad != std::string::npos) {
            errors.push_back({fmt::format("column {}", c + 1), fmt::format("invalid UTF-8 at byte {} of the column name", bad + 1), Refusal::invalid_utf8});
        } else if (int q = d.question_index(name); q >= 0) {
            col.kind = CsvColumn::Kind::question;
            col.question = q;
        } else if (name.starts_with("redcap_") || name.ends_with("_complete") || is_derived(d, name)) {
            // REDCap's events, arms, groups and form status; our calc fields.
        } else if (sep != std::string::npos && sep > 0) {
            const int q = d.question_index(name.substr(0, sep));
            const std::string code = name.substr(sep + 3);
            if (q < 0) {
                errors.push_back({name, fmt::format("column {} is a checkbox option of '{}', which is not a question id", c + 1, name.substr(0, sep)), Refusal::unknown_key});
            } else if (d.questions[static_cast<std::size_t>(q)].type != QuestionType::multi_choice) {
                errors.push_back({name, fmt::format("column {} is a checkbox option, but question '{}' is not multiple choice", c + 1,
                                                    d.questions[static_cast<std::size_t>(q)].id), Refusal::bad_header});
            } else {
                const Question& qq = d.questions[static_cast<std::size_t>(q)];
                int choice = -1;
                for (std::size_t k = 0; k < qq.choices.size(); ++k)
                    if (redcap_code(qq.choices[k].code) == redcap_code(code)) choice = static_cast<int>(k);
                if (choice < 0) {
                    errors.push_back({name, fmt::format("column {}: question '{}' has no choice '{}' (see: myoscreen questions)", c + 1, qq.id, code), Refusal::unknown_choice});
                } else {
                    col.kind = CsvColumn::Kind::checkbox;
                    col.question = q;
                    col.choice = static_cast<std::int16_t>(choice);
                    auto& opts = seen_option[static_cast<std::size_t>(q)];
                    if (std::find(opts.begin(), opts.end(), choice) != opts.end())
                        errors.push_back({name, fmt::format("column {} repeats an option of question '{}'", c + 1, qq.id), Refusal::duplicate_choice});
                    if (opts.empty()) layout.checkbox_questions.push_back(q);
                    opts.push_back(choice);
                }
            }
        } else if (const std::string best = suggest_question(d, name); !best.empty()) {
            errors.push_back({name, fmt::format("column {} is not a question id; did you mean '{}'?", c + 1, best), Refusal::unknown_key});
        } else {
            layout.ignored.push_back(name);
        }
        if (col.kind == CsvColumn::Kind::question) {
            if (seen[col.question] >= 0)
                errors.push_back({name, fmt::format("columns {} and {} both answer question '{}'", seen[col.question] + 1, c + 1,
                                                    d.questions[col.question].id), Refusal::duplicate_key});
            seen[col.question] = static_cast<int>(c);
        }
        layout.columns.push_back(std::move(col));
    }
    for (int q : layout.checkbox_questions)
        if (seen[q] >= 0)
            errors.push_back({d.questions[q].id, fmt::format("question '{}' has both a column and checkbox option columns", d.questions[q].id), Refusal::duplicate_key});
    return layout;
}

bool parse_redcap_row(const Definitions& d, const CsvLayout& layout, const std::vector<std::string_view>& fields, Answers& out,
                      std::string& id, std::vector<AnswerError>& errors) {
    if (!detail::begin_csv_row(layout, fields, out, id, errors)) return false;
    // Ticked options gather in each checkbox question's `set` first.
    std::vector<bool> bad(d.questions.size(), false);
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const CsvColumn& col = layout.columns[c];
        if (col.kind == CsvColumn::Kind::id) {
            id = fields[c];
            continue;
        }
        if (col.kind != CsvColumn::Kind::question && col.kind != CsvColumn::Kind::checkbox) continue;
        const std::string_view cell = detail::trim(fields[c]);
        const Question& q = d.questions[col.question];
        if (col.kind == CsvColumn::Kind::checkbox) {
            if (cell == "1") out.values[col.question].set |= std::uint64_t{1} << col.choice;
            else if (!cell.empty() && cell != "0") {
                if (!bad[col.question])
                    errors.push_back({q.id, fmt::format("a checkbox column (option '{}') holds other than 1 or 0", q.choices[col.choice].code), Refusal::bad_checkbox});
                bad[col.question] = true;
            }
            continue;
        }
        if (cell.empty()) continue;  // unanswered
        if (auto why = detail::answer_from_text(q, cell, out.values[col.question], detail::TextWays{.words = &d.words, .default_unit = col.unit})) {
            out.values[col.question] = Answer{};
            errors.push_back({q.id, std::move(why->words), why->code});
        }
    }
    // REDCap exports a checkbox never saved as all 0: no option ticked is
    // unanswered ('none' ticked is the explicit none).
    for (int q : layout.checkbox_questions) {
        Answer& a = out.values[q];
        const std::uint64_t set = a.set;
        a = Answer{};
        if (set == 0 || bad[q]) continue;
        if (auto why = detail::answer_from_codes(d.questions[q], set, a)) {
            a = Answer{};
            errors.push_back({d.questions[q].id, std::move(why->words), why->code});
        }
    }
    return errors.empty();
}

}  // namespace myoscreen
