// One JSON Lines record → Answers with simdjson's DOM parser (its buffers
// reused, no allocation per record), keys looked up without copying.
#include <cmath>

#include <simdjson.h>

#include <fmt/format.h>

#include "answer_values.hpp"
#include "myoscreen/records.hpp"

namespace myoscreen {

// The DOM API dispatches at run time to the best SIMD kernels of the machine.
// On-Demand would skip building the tape, but simdjson 3.0 instantiates it
// only for the compile-time target: it would need this file built with
// -mavx2, and inline library code compiled here could then be chosen by the
// linker for the whole program (bench/RESULTS.md, "What bought what").
struct JsonlReader::Impl {
    const Definitions& defs;
    simdjson::dom::parser parser;
    explicit Impl(const Definitions& d) : defs(d) {}
};

JsonlReader::JsonlReader(const Definitions& defs) : impl_(std::make_unique<Impl>(defs)) {}
JsonlReader::~JsonlReader() = default;

namespace {

// simdjson's messages describe the problem, never the text.
AnswerError syntax(simdjson::error_code e) { return {"", fmt::format("invalid JSON: {}", simdjson::error_message(e))}; }

using simdjson::dom::element_type;

// A string or number id; false for null, booleans, arrays and objects.
bool read_id(const simdjson::dom::element v, std::string& id) {
    switch (v.type()) {
    case element_type::STRING: id.assign(v.get_string().value_unsafe()); return true;
    case element_type::INT64: id = std::to_string(v.get_int64().value_unsafe()); return true;
    case element_type::UINT64: id = std::to_string(v.get_uint64().value_unsafe()); return true;
    case element_type::DOUBLE: id = fmt::format("{}", v.get_double().value_unsafe()); return true;
    default: return false;
    }
}

// One answer of a record into `out`; `seen` catches a repeated question.
std::optional<AnswerError> answer(const Definitions& d, std::string_view key, int qi, simdjson::dom::element v,
                                  std::size_t position, DepSet& seen, Answers& out) {
    const element_type t = v.type();
    if (qi < 0) return detail::unknown_key(d, key, position);
    const Question& q = d.questions[qi];
    if (seen.contains(qi)) return AnswerError{q.id, "the question is answered twice (duplicate key)"};
    seen.add(qi);
    Answer& a = out.values[qi];
    // Made in place, case by case: assigning an optional string per field
    // costs a library call even when it is empty.
    const detail::Reason why = [&]() -> detail::Reason {
        switch (t) {
        // The usual answers are taken here, inline; anything else (and every
        // error reason) is left to the shared answer_from_* functions.
        case element_type::NULL_VALUE: return std::nullopt;  // unanswered
        case element_type::BOOL: {
            const bool b = v.get_bool().value_unsafe();
            if (q.type != QuestionType::yes_no) return detail::answer_from_bool(q, b, a);
            a = Answer{true, b ? 1.0 : 0.0, 0};
            return std::nullopt;
        }
        case element_type::INT64:
        case element_type::UINT64:
        case element_type::DOUBLE: {
            const double x = v.get_double().value_unsafe();
            const bool whole_enough = q.type == QuestionType::number || (q.type == QuestionType::integer && x == std::floor(x));
            if (!(whole_enough && x >= q.min && x <= q.max)) return detail::answer_from_number(q, x, a);
            a = Answer{true, x, 0};
            return std::nullopt;
        }
        case element_type::STRING: {
            const std::string_view text = v.get_string().value_unsafe();
            const int i = q.type == QuestionType::choice ? q.choice_index(text) : -1;
            if (i < 0) return detail::answer_from_string(q, text, a);
            a = Answer{true, static_cast<double>(i), 0};
            return std::nullopt;
        }
        case element_type::ARRAY: {
            if (q.type != QuestionType::multi_choice) return detail::expected_json(q);
            std::uint64_t set = 0;
            simdjson::dom::array arr;
            if (v.get_array().get(arr)) return detail::expected_json(q);
            for (const auto el : arr) {
                if (el.type() != element_type::STRING) return "expected choice codes as strings";
                if (auto bad = detail::add_choice_code(q, el.get_string().value_unsafe(), set)) return bad;
            }
            return detail::answer_from_codes(q, set, a);
        }
        case element_type::OBJECT: return "expected a value, not an object";
        }
        return std::nullopt;
    }();
    if (why) {
        a = Answer{};
        return AnswerError{q.id, *why};
    }
    return std::nullopt;
}

}  // namespace

std::optional<AnswerError> JsonlReader::read(std::string_view record, Answers& out, std::string_view id_key, std::string& id,
                                             bool& has_id) {
    const Definitions& d = impl_->defs;
    out.values.assign(d.questions.size(), Answer{});
    has_id = false;
    simdjson::dom::element doc;
    // The record is followed by `padding` readable bytes, so no copy is made.
    // simdjson checks UTF-8 as it parses: only a record it refuses is scanned
    // again, to say where the bad byte is.
    if (auto e = impl_->parser.parse(record.data(), record.size(), false).get(doc)) {
        if (const auto bad = find_invalid_utf8(record); bad != std::string_view::npos)
            return AnswerError{"", fmt::format("invalid UTF-8 at byte {} of the record", bad + 1)};
        return syntax(e);
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) return AnswerError{"", "a record must be a JSON object of {question_id: answer}"};
    // One pass. The first problem is kept and the rest of the record only
    // searched for the id, so an error record still names the record when a
    // bad answer comes before the id.
    bool id_seen = false;
    std::optional<AnswerError> err;
    DepSet seen;
    std::size_t position = 0;
    for (const auto field : obj) {
        const std::string_view key = field.key;
        ++position;
        if (key == id_key) {
            if (id_seen) return AnswerError{std::string(id_key), "the record id is given twice (duplicate key)"};
            id_seen = true;
            has_id = read_id(field.value, id);
            continue;
        }
        if (!err)
            if (auto e = answer(d, key, d.question_ids.find(key), field.value, position, seen, out)) err = std::move(e);
    }
    return err;
}

}  // namespace myoscreen
