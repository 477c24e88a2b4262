// JSON answers objects ({question_id: value}) into Answers: --answers files,
// saved sessions and JSON Lines batch records (the hot path) all come here.
// simdjson's DOM parser reads the text, its buffers reused, no allocation per
// record; a text it refuses is read again by walk_refused_text(). Either way
// every member goes to one AnswersWalk, which gives the verdicts.
#include <fmt/format.h>
#include <simdjson.h>

#include "answers/answers_walk.hpp"
#include "text/ascii.hpp"
#include "json/json_locator.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/text.hpp"

namespace myoscreen {

static_assert(JsonAnswersReader::padding >= simdjson::SIMDJSON_PADDING);

// The DOM API dispatches at run time to the best SIMD kernels of the machine.
// On-Demand would skip building the tape, but simdjson 3.0 instantiates it
// only for the compile-time target: it would need this file built with
// -mavx2, and inline library code compiled here could then be chosen by the
// linker for the whole program (bench/RESULTS.md, "What bought what").
struct JsonAnswersReader::Impl {
    const Definitions& defs;
    simdjson::dom::parser parser;
    std::vector<AnswerError> errors;
    std::string no_id;
    bool no_has_id = false;
    explicit Impl(const Definitions& d) : defs(d) {}
};

JsonAnswersReader::JsonAnswersReader(const Definitions& defs) : impl_(std::make_unique<Impl>(defs)) {}
JsonAnswersReader::~JsonAnswersReader() = default;

namespace detail {

void AnswersWalk::id_double(double v) {
    id_ = fmt::format("{}", v);
    has_id_ = true;
}

int AnswersWalk::id_key() {
    if (id_seen_) return error(std::string(id_key_), "the record id is given twice (duplicate key)", Refusal::duplicate_key), skip;
    id_seen_ = true;
    return id;
}

int AnswersWalk::bad_key(std::string_view k, int qi) {
    if (qi < 0) {
        // Keys as people export them: "Age", "weight-kg", "Weight KG".
        const std::string name = id_form(k);
        if (!id_key_.empty() && name == id_form(id_key_)) return id_key();
        qi = defs_.question_ids.find(name);
        if (qi >= 0 && !seen_.contains(qi)) {
            seen_.add(qi);
            return qi;
        }
        if (qi < 0) {
            if (errs_.size() >= max_object_errors) return ++dropped_, skip;  // no suggestion for an error not listed
            return add(unknown_key(defs_, name, position_)), skip;
        }
    }
    error(question(qi).id, "the question is answered twice (duplicate key)", Refusal::duplicate_key);
    return skip;
}

void AnswersWalk::number_by_rules(int qi, double x) { verdict(qi, answer_from_number(question(qi), x, out_.values[qi])); }
void AnswersWalk::string_by_rules(int qi, std::string_view s) { verdict(qi, answer_from_json_string(question(qi), s, out_.values[qi], &defs_.words)); }

bool AnswersWalk::code_by_rules(int qi, std::string_view s, std::uint64_t& set) {
    const Reason why = add_choice_code(question(qi), s, set, &defs_.words);
    verdict(qi, why);
    return !why;
}

void AnswersWalk::invalid(int qi, const Refused& why) {
    out_.values[qi] = Answer{};
    error(question(qi).id, why.words, why.code);
}

void AnswersWalk::add(AnswerError e) {
    if (errs_.size() < max_object_errors) {
        errs_.push_back(std::move(e));
        if (offsets_) offsets_->push_back(member_at_);
    } else {
        ++dropped_;
    }
}

void AnswersWalk::finish() {
    if (dropped_ > 0) errs_.push_back({"", fmt::format("{} more error{} not listed", dropped_, dropped_ == 1 ? "" : "s"), Refusal::more_errors});
}

}  // namespace detail

namespace {

using simdjson::dom::element_type;
using detail::AnswersWalk;

void walk_id(const simdjson::dom::element v, AnswersWalk& walk) {
    switch (v.type()) {
    case element_type::STRING: return walk.id_string(v.get_string().value_unsafe());
    case element_type::INT64: return walk.id_int(v.get_int64().value_unsafe());
    case element_type::UINT64: return walk.id_uint(v.get_uint64().value_unsafe());
    case element_type::DOUBLE: return walk.id_double(v.get_double().value_unsafe());
    default: return;  // null, booleans, arrays and objects are no id
    }
}

void walk_value(int qi, const simdjson::dom::element v, AnswersWalk& walk) {
    switch (v.type()) {
    case element_type::NULL_VALUE: return;  // unanswered
    case element_type::BOOL: return walk.boolean(qi, v.get_bool().value_unsafe());
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: {
        // One call site, so that walk.number() is inlined.
        const element_type t = v.type();
        const double x = t == element_type::DOUBLE ? v.get_double().value_unsafe()
                         : t == element_type::INT64 ? static_cast<double>(v.get_int64().value_unsafe())
                                                    : static_cast<double>(v.get_uint64().value_unsafe());
        return walk.number(qi, x);
    }
    case element_type::STRING: return walk.string(qi, v.get_string().value_unsafe());
    case element_type::OBJECT: return walk.object(qi);
    case element_type::ARRAY: {
        if (!walk.is_list(qi)) return walk.not_list(qi);
        std::uint64_t set = 0;
        const simdjson::dom::array list = v.get_array().value_unsafe();
        for (const auto el : list) {
            if (el.type() != element_type::STRING) return walk.not_a_code(qi);
            if (!walk.code(qi, el.get_string().value_unsafe(), set)) return;
        }
        return walk.codes_end(qi, set);
    }
    }
}

}  // namespace

const std::vector<AnswerError>& JsonAnswersReader::read(std::string_view text, Answers& out, std::string_view id_key,
                                                        std::string& id, bool& has_id) {
    AnswersWalk walk(impl_->defs, out, impl_->errors, id_key, id, has_id);
    simdjson::dom::element doc;
    // The text is followed by `padding` readable bytes, so no copy is made.
    if (impl_->parser.parse(text.data(), text.size(), false).get(doc)) {
        detail::walk_refused_text(text, walk);
    } else if (doc.type() != element_type::OBJECT) {
        walk.object_error(std::string(detail::not_an_object), Refusal::not_an_object);
    } else {
        const simdjson::dom::object obj = doc.get_object().value_unsafe();
        for (const auto field : obj) {
            const int t = walk.key(field.key);
            if (t >= 0) walk_value(t, field.value, walk);
            else if (t == AnswersWalk::id) walk_id(field.value, walk);
        }
    }
    walk.finish();
    return impl_->errors;
}

const std::vector<AnswerError>& JsonAnswersReader::read(std::string_view text, Answers& out) {
    return read(text, out, {}, impl_->no_id, impl_->no_has_id);
}

void locate_answer_errors(const Definitions& defs, std::string_view text, std::vector<AnswerError>& errors) {
    if (errors.empty()) return;
    text = strip_bom(text);  // as parse_json_answers reads it
    // The member-by-member reader gives the same verdicts as simdjson's (the
    // answers_object test holds it to that) and knows where each key starts.
    Answers scratch;
    std::vector<AnswerError> again;
    std::string id;
    bool has_id = false;
    std::vector<std::size_t> offsets;
    detail::AnswersWalk walk(defs, scratch, again, {}, id, has_id);
    walk.locate(&offsets);
    detail::walk_refused_text(text, walk);
    if (again.size() != offsets.size() || again.size() > errors.size()) return;
    for (std::size_t k = 0; k < again.size(); ++k)
        if (again[k].field != errors[k].field || again[k].reason != errors[k].reason || again[k].code != errors[k].code) return;  // not the same text
    const auto where = detail::line_cols(text, offsets);
    for (std::size_t k = 0; k < where.size(); ++k) errors[k].line = where[k].line, errors[k].col = where[k].col;
}

std::vector<AnswerError> parse_json_answers(const Definitions& defs, std::string_view text, Answers& out) {
    text = strip_bom(text);
    std::string padded;
    padded.reserve(text.size() + JsonAnswersReader::padding);
    padded.append(text).append(JsonAnswersReader::padding, ' ');
    JsonAnswersReader reader(defs);
    return reader.read(std::string_view(padded).substr(0, text.size()), out);
}

}  // namespace myoscreen
