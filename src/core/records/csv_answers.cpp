// CSV header mapping and row reading for batch screening.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "answers/answer_values.hpp"
#include "records/csv_row.hpp"
#include "myoscreen/records.hpp"
#include "answers/units.hpp"

namespace myoscreen {
namespace {

// Unit suffixes a column may carry instead of the question's own.
constexpr std::string_view kg_units[] = {"kg", "lb", "lbs"};
constexpr std::string_view cm_units[] = {"cm", "in", "m", "ft"};

bool unit_fits(Unit base, std::string_view u) {
    if (base == Unit::kg) return std::find(std::begin(kg_units), std::end(kg_units), u) != std::end(kg_units);
    if (base == Unit::cm) return std::find(std::begin(cm_units), std::end(cm_units), u) != std::end(cm_units);
    return false;
}

// weight_lb → (weight_kg, "lb") when weight_kg is a kg question.
int question_by_unit_suffix(const Definitions& d, std::string_view name, std::string& unit) {
    const auto us = name.rfind('_');
    if (us == std::string_view::npos) return -1;
    const std::string_view stem = name.substr(0, us + 1), u = name.substr(us + 1);
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        if (!q.id.starts_with(stem) || q.id.size() <= stem.size()) continue;
        if (q.id.substr(stem.size()) == to_string(q.unit) && unit_fits(q.unit, u)) {
            unit = std::string(u);
            return static_cast<int>(i);
        }
    }
    return -1;
}

// weight → weight_kg: a question's id without its unit, in the base unit.
int question_by_stem(const Definitions& d, std::string_view name) {
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const Question& q = d.questions[i];
        if (q.unit == Unit::none) continue;
        const std::string_view u = to_string(q.unit);
        if (q.id.size() == name.size() + 1 + u.size() && q.id.starts_with(name) && q.id[name.size()] == '_' && q.id.ends_with(u))
            return static_cast<int>(i);
    }
    return -1;
}

// "; the closest ids are 'age' (for 'Agge'), ..." for up to three columns.
std::string closest_ids(const Definitions& d, const std::vector<std::string>& names) {
    struct Near {
        int dist;
        std::size_t column;
        std::size_t question;
    };
    std::vector<Near> near;
    for (std::size_t c = 0; c < names.size(); ++c) {
        const std::string name = detail::id_form(names[c]);
        if (name.empty() || find_invalid_utf8(name) != std::string::npos) continue;
        Near best{1 << 30, c, 0};
        for (std::size_t q = 0; q < d.questions.size(); ++q)
            if (const int dist = edit_distance(name, d.questions[q].id); dist < best.dist) best = {dist, c, q};
        if (!d.questions.empty()) near.push_back(best);
    }
    std::stable_sort(near.begin(), near.end(), [](const Near& a, const Near& b) { return a.dist < b.dist; });
    std::string s;
    for (std::size_t k = 0; k < near.size() && k < 3; ++k)
        s += fmt::format("{}'{}' (for '{}')", k ? ", " : "; the closest ids are ", d.questions[near[k].question].id,
                         detail::trim(names[near[k].column]));
    return s;
}

std::string_view trim_bom(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    return s;
}

}  // namespace

CsvLayout map_csv_header(const Definitions& d, const std::vector<std::string>& names, std::string_view id_column,
                         std::vector<AnswerError>& errors) {
    CsvLayout layout;
    std::vector<int> seen(d.questions.size(), -1);
    const std::string id_name = detail::id_form(id_column);
    const std::size_t errors_before = errors.size();
    bool any_question = false;
    for (std::size_t c = 0; c < names.size(); ++c) {
        const std::string_view raw = detail::trim(trim_bom(names[c]));
        // Headers as people export them: "Age", "Weight KG", "weight-lb".
        const std::string name = detail::id_form(raw);
        CsvColumn col;
        if (name.empty()) {
            layout.unnamed.push_back(static_cast<int>(c) + 1);
        } else if (const auto bad = find_invalid_utf8(raw); bad != std::string::npos) {
            errors.push_back({fmt::format("column {}", c + 1), fmt::format("invalid UTF-8 at byte {} of the column name", bad + 1), Refusal::invalid_utf8});
        } else if (!id_name.empty() && name == id_name) {
            if (layout.has_id)
                errors.push_back({std::string(raw), fmt::format("columns {} and {} are both the id column", layout.id_index + 1, c + 1), Refusal::duplicate_key});
            col.kind = CsvColumn::Kind::id;
            layout.has_id = true;
            layout.id_index = static_cast<int>(c);
        } else if (int q = d.question_index(name); q >= 0) {
            col.kind = CsvColumn::Kind::question;
            col.question = q;
        } else if (int qu = question_by_unit_suffix(d, name, col.unit); qu >= 0) {
            col.kind = CsvColumn::Kind::question;
            col.question = qu;
        } else if (int qs = question_by_stem(d, name); qs >= 0) {
            col.kind = CsvColumn::Kind::question;
            col.question = qs;
        } else if (const std::string best = suggest_question(d, name); !best.empty()) {
            // A name a letter or two away from a question id is a typo, not
            // an extra column: stop before screening anyone without it.
            errors.push_back({std::string(raw), fmt::format("column {} is not a question id; did you mean '{}'?", c + 1, best), Refusal::unknown_key});
        } else {
            layout.ignored.emplace_back(raw);
        }
        if (col.kind == CsvColumn::Kind::question) {
            any_question = true;
            if (seen[col.question] >= 0)
                errors.push_back({std::string(raw), fmt::format("columns {} and {} both answer question '{}'", seen[col.question] + 1,
                                                                c + 1, d.questions[col.question].id), Refusal::duplicate_key});
            seen[col.question] = static_cast<int>(c);
        }
        layout.columns.push_back(std::move(col));
    }
    if (!id_column.empty() && !layout.has_id && id_name != "id")
        errors.push_back({std::string(id_column), "the id column named by --id-column is not in the header", Refusal::bad_header});
    // Screening such a file would call everyone "no warning signs": refuse it.
    if (!any_question && errors.size() == errors_before)
        errors.push_back({"", "no column of the header is a question id" + closest_ids(d, names) +
                                  " (myoscreen questions --format csv-header prints the header it reads)", Refusal::bad_header});
    return layout;
}

bool parse_csv_row(const Definitions& d, const CsvLayout& layout, const std::vector<std::string_view>& fields, Answers& out,
                   std::string& id, std::vector<AnswerError>& errors) {
    if (layout.redcap) return parse_redcap_row(d, layout, fields, out, id, errors);
    if (!detail::begin_csv_row(layout, fields, out, id, errors)) return false;
    detail::TextWays ways{.words = &d.words};
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const CsvColumn& col = layout.columns[c];
        if (col.kind == CsvColumn::Kind::id) {
            id = fields[c];
            continue;
        }
        if (col.kind != CsvColumn::Kind::question) continue;
        const std::string_view cell = detail::trim(fields[c]);
        if (cell.empty()) continue;  // unanswered
        const Question& q = d.questions[col.question];
        ways.default_unit = col.unit;
        if (auto why = detail::answer_from_text(q, cell, out.values[col.question], ways)) {
            out.values[col.question] = Answer{};
            errors.push_back({q.id, std::move(why->words), why->code});
        }
    }
    return errors.empty();
}

}  // namespace myoscreen
