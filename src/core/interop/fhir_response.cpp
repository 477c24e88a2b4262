// FHIR R4 QuestionnaireResponses into Answers (screen/next --answers, batch
// --input fhir): items found wherever they nest (item.item, answer.item),
// linkId = question id, each value[x] handed to the answers stage's value
// rules (answer_values.hpp), so a verdict and its reason are the JSON
// reader's. Errors name the linkId or the item's place, never a value.
#include <fmt/format.h>
#include <simdjson.h>

#include "answers/answer_values.hpp"
#include "text/ascii.hpp"
#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/records.hpp"
#include "myoscreen/text.hpp"
#include "interop/ucum_units.hpp"

namespace myoscreen {

static_assert(FhirResponseReader::padding >= simdjson::SIMDJSON_PADDING);

namespace {
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using detail::Reason;

constexpr std::size_t max_errors = 100;  // as for a JSON answers object
constexpr int max_depth = 64;            // items nested deeper are refused

std::optional<std::string_view> string_at(const object& o, std::string_view key) {
    element v;
    if (o.at_key(key).get(v) || v.type() != element_type::STRING) return std::nullopt;
    return v.get_string().value_unsafe();
}

std::string expected_fhir(const Question& q) {
    switch (q.type) {
    case QuestionType::yes_no: return "expected valueBoolean";
    case QuestionType::choice: return "expected valueCoding with one of the choice codes";
    case QuestionType::multi_choice: return "expected valueCoding answers, one per choice";
    default: return "expected valueInteger, valueDecimal or valueQuantity";
    }
}

bool is_number(element_type t) { return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE; }
double number_of(const element& v) {
    switch (v.type()) {
    case element_type::INT64: return static_cast<double>(v.get_int64().value_unsafe());
    case element_type::UINT64: return static_cast<double>(v.get_uint64().value_unsafe());
    default: return v.get_double().value_unsafe();
    }
}

}  // namespace

struct FhirResponseReader::Impl {
    const Definitions& defs;
    simdjson::dom::parser parser;
    std::vector<AnswerError> errors;
    std::vector<char> seen;  // per question: an item with its linkId was read
    std::size_t dropped = 0;
    std::string url;
    std::vector<std::string> systems;  // per question: its CodeSystem (choices)
    bool wrong = false;
    Answers* out = nullptr;

    explicit Impl(const Definitions& d) : defs(d), url(d.canonical_url()) {
        for (const Question& q : d.questions) systems.push_back(q.choices.empty() ? std::string() : choice_system(d, q));
    }

    void add(AnswerError e) {
        if (errors.size() < max_errors) errors.push_back(std::move(e));
        else ++dropped;
    }
    void whole(std::string reason, Refusal code) { add({"", std::move(reason), code}); }
    void error(int qi, std::string reason, Refusal code = Refusal::bad_fhir) {
        add({defs.questions[static_cast<std::size_t>(qi)].id, std::move(reason), code});
    }
    bool verdict(int qi, const Reason& why, std::string_view what) {
        if (!why) return true;
        out->values[static_cast<std::size_t>(qi)] = Answer{};
        error(qi, std::string(what) + ": " + why->words, why->code);
        return false;
    }
    bool verdict(int qi, Refusal code, std::string why, std::string_view what) { return verdict(qi, detail::refuse(code, std::move(why)), what); }

    void items(const element& list, const std::string& path, int depth) {
        simdjson::dom::array arr;
        if (list.get_array().get(arr)) return whole(path + " is not an array", Refusal::bad_fhir);
        if (depth > max_depth) return whole(path + ": items nested too deeply", Refusal::bad_fhir);
        std::size_t k = 0;
        for (const element it : arr) item(it, fmt::format("{}[{}]", path, k++), depth);
    }

    void item(const element& it, const std::string& path, int depth) {
        object o;
        if (it.get_object().get(o)) return whole(path + " is not an object", Refusal::bad_fhir);
        const auto link = string_at(o, "linkId");
        element answers, children;
        const bool has_answers = !o.at_key("answer").get(answers);
        const bool has_children = !o.at_key("item").get(children);
        if (!link) {
            whole(path + " has no linkId", Refusal::bad_fhir);
        } else if (const int qi = defs.question_index(*link); qi >= 0) {
            if (seen[static_cast<std::size_t>(qi)]) error(qi, fmt::format("the question is answered twice (a second item with its linkId, at {})", path), Refusal::duplicate_key);
            else if (has_answers) read_answers(qi, answers, path, depth);
            seen[static_cast<std::size_t>(qi)] = 1;
        } else if (has_answers || !(has_children || is_section(*link))) {
            // Named by its place: a linkId that is no question id may be data.
            if (errors.size() >= max_errors) {
                ++dropped;  // no suggestion for an error not listed
            } else {
                AnswerError e{suggest_question(defs, *link), fmt::format("{}: its linkId is not a question id", path), Refusal::unknown_key};
                if (!e.field.empty()) e.reason += fmt::format("; did you mean '{}'?", e.field);
                add(std::move(e));
            }
        }
        if (has_children) items(children, path + ".item", depth + 1);
    }

    bool is_section(std::string_view id) const {
        for (const auto& s : defs.sections)
            if (s.id == id) return true;
        return false;
    }

    void read_answers(int qi, const element& v, const std::string& path, int depth) {
        const Question& q = defs.questions[static_cast<std::size_t>(qi)];
        simdjson::dom::array arr;
        if (v.get_array().get(arr)) return error(qi, "answer is not an array");
        const std::size_t n = arr.size();
        if (n > 1 && q.type != QuestionType::multi_choice) error(qi, "several answers to a question that takes one");
        std::uint64_t set = 0;
        bool ok = true;
        std::size_t k = 0;
        for (const element a : arr) {
            const std::string here = fmt::format("{}.answer[{}]", path, k++);
            object ao;
            if (a.get_object().get(ao)) {
                error(qi, "an answer is not an object");
                ok = false;
                continue;
            }
            if (element kids; !ao.at_key("item").get(kids)) items(kids, here + ".item", depth + 1);
            if (!ok || (n > 1 && q.type != QuestionType::multi_choice)) continue;
            ok = value(qi, ao, set);
        }
        if (ok && n > 0 && q.type == QuestionType::multi_choice)
            verdict(qi, detail::answer_from_codes(q, set, out->values[static_cast<std::size_t>(qi)]), "answer");
    }

    // One answer's value[x]; a multi_choice's code joins `set`.
    bool value(int qi, const object& a, std::uint64_t& set) {
        const Question& q = defs.questions[static_cast<std::size_t>(qi)];
        Answer& out_a = out->values[static_cast<std::size_t>(qi)];
        std::string_view key;
        element v;
        int values = 0;
        for (const auto field : a) {
            if (field.key.starts_with("value")) key = field.key, v = field.value, ++values;
        }
        if (values == 0) return error(qi, "an answer has no value[x]"), false;
        if (values > 1) return error(qi, "an answer has more than one value[x]"), false;
        const element_type t = v.type();
        const bool multi = q.type == QuestionType::multi_choice;
        if (key == "valueBoolean") {
            if (t != element_type::BOOL) return verdict(qi, Refusal::wrong_json_type, "not true or false", key);
            return verdict(qi, detail::answer_from_bool(q, v.get_bool().value_unsafe(), out_a), key);
        }
        if (key == "valueInteger" || key == "valueDecimal") {
            if (!is_number(t) || (key == "valueInteger" && t == element_type::DOUBLE)) return verdict(qi, Refusal::wrong_json_type, key == "valueInteger" ? "not a JSON integer" : "not a JSON number", key);
            if (multi || q.type == QuestionType::yes_no || q.type == QuestionType::choice) return verdict(qi, Refusal::wrong_json_type, expected_fhir(q), key);
            return verdict(qi, detail::answer_from_number(q, number_of(v), out_a), key);
        }
        if (key == "valueString") {
            if (t != element_type::STRING) return verdict(qi, Refusal::wrong_json_type, "not a JSON string", key);
            const std::string_view s = v.get_string().value_unsafe();
            if (multi) return verdict(qi, detail::add_choice_code(q, s, set), key);
            // Text as a CSV cell holding it is read: "154 lb", "yes", a code.
            if (detail::trim(s).empty()) return true;  // blank: unanswered
            return verdict(qi, detail::answer_from_text(q, s, out_a, detail::TextWays{.words = &defs.words}), key);
        }
        if (key == "valueCoding") return coding(qi, v, set);
        if (key == "valueQuantity") return quantity(qi, v);
        return verdict(qi, Refusal::wrong_json_type, expected_fhir(q), key);
    }

    bool coding(int qi, const element& v, std::uint64_t& set) {
        const Question& q = defs.questions[static_cast<std::size_t>(qi)];
        object c;
        if (v.get_object().get(c)) return verdict(qi, Refusal::bad_fhir, "not an object", "valueCoding");
        if (q.choices.empty()) return verdict(qi, Refusal::wrong_json_type, expected_fhir(q), "valueCoding");
        if (const auto sys = string_at(c, "system"); sys && *sys != systems[static_cast<std::size_t>(qi)])
            return verdict(qi, Refusal::bad_fhir, "system is not this question's code system (" + systems[static_cast<std::size_t>(qi)] + ")", "valueCoding");
        const auto code = string_at(c, "code");
        if (!code) return verdict(qi, Refusal::bad_fhir, "no code", "valueCoding");
        // A Coding's code is exact: no labels or words of them, as typed text may be.
        const int i = detail::choice_code(q, *code);
        if (i < 0) return verdict(qi, Refusal::unknown_choice, "not one of the choice codes (see: myoscreen questions --format fhir)", "valueCoding");
        if (q.type == QuestionType::multi_choice) return verdict(qi, detail::add_choice_code(q, *code, set), "valueCoding");
        out->values[static_cast<std::size_t>(qi)] = Answer{true, static_cast<double>(i), 0};
        return true;
    }

    bool quantity(int qi, const element& v) {
        const Question& q = defs.questions[static_cast<std::size_t>(qi)];
        constexpr std::string_view what = "valueQuantity";
        object o;
        if (v.get_object().get(o)) return verdict(qi, Refusal::bad_fhir, "not an object", what);
        if (q.type != QuestionType::integer && q.type != QuestionType::number) return verdict(qi, Refusal::wrong_json_type, expected_fhir(q), what);
        element num;
        if (o.at_key("value").get(num) || !is_number(num.type())) return verdict(qi, Refusal::bad_fhir, "no numeric value", what);
        if (const auto sys = string_at(o, "system"); sys && *sys != "http://unitsofmeasure.org")
            return verdict(qi, Refusal::bad_fhir, "system is not UCUM (http://unitsofmeasure.org)", what);
        auto code = string_at(o, "code");
        if (!code) code = string_at(o, "unit");
        double factor = 1;
        if (code) {
            const auto f = interop::ucum_factor(*code, q.unit);
            if (!f) return verdict(qi, Refusal::unknown_unit, "not a UCUM unit of this question; use " + interop::ucum_codes_for(q.unit), what);
            factor = *f;
        }
        return verdict(qi, detail::answer_from_number(q, number_of(num) * factor, out->values[static_cast<std::size_t>(qi)]), what);
    }
};

FhirResponseReader::FhirResponseReader(const Definitions& defs) : impl_(std::make_unique<Impl>(defs)) {}
FhirResponseReader::~FhirResponseReader() = default;
bool FhirResponseReader::wrong_questionnaire() const { return impl_->wrong; }

const std::vector<AnswerError>& FhirResponseReader::read(std::string_view text, Answers& out, std::string& id, bool& has_id) {
    Impl& m = *impl_;
    m.errors.clear();
    m.dropped = 0;
    m.wrong = false;
    m.out = &out;
    has_id = false;
    id.clear();
    out.values.assign(m.defs.questions.size(), Answer{});
    m.seen.assign(m.defs.questions.size(), 0);
    element doc;
    if (auto err = m.parser.parse(text.data(), text.size(), false).get(doc)) {
        m.whole(std::string("not valid JSON: ") + simdjson::error_message(err), Refusal::invalid_json);
        return m.errors;
    }
    object o;
    if (doc.get_object().get(o)) {
        m.whole("expected a FHIR QuestionnaireResponse (a JSON object)", Refusal::not_an_object);
        return m.errors;
    }
    if (string_at(o, "resourceType") != std::optional<std::string_view>("QuestionnaireResponse")) {
        m.whole("resourceType is not QuestionnaireResponse", Refusal::bad_fhir);
        return m.errors;
    }
    if (const auto rid = string_at(o, "id")) {
        id = *rid, has_id = true;
    } else if (element subject; !o.at_key("subject").get(subject) && subject.type() == element_type::OBJECT) {
        if (const auto ref = string_at(subject.get_object().value_unsafe(), "reference")) id = *ref, has_id = true;
    }
    if (element qn; !o.at_key("questionnaire").get(qn)) {
        const auto canon = qn.type() == element_type::STRING ? std::optional(qn.get_string().value_unsafe()) : std::nullopt;
        // Any version of our questionnaire: canonical, or canonical|version.
        if (!canon || !(*canon == m.url || (canon->starts_with(m.url) && (*canon)[m.url.size()] == '|'))) {
            m.wrong = true;
            m.whole("the response is to another Questionnaire: its questionnaire is not " + m.url + " (or " + m.url + "|VERSION)", Refusal::bad_fhir);
            return m.errors;
        }
    }
    if (string_at(o, "status") == std::optional<std::string_view>("entered-in-error"))
        m.whole("the response's status is entered-in-error", Refusal::bad_fhir);
    if (element list; !o.at_key("item").get(list)) m.items(list, "item", 1);
    if (m.dropped > 0) m.errors.push_back({"", fmt::format("{} more error{} not listed", m.dropped, m.dropped == 1 ? "" : "s"), Refusal::more_errors});
    return m.errors;
}

bool looks_like_fhir_resource(std::string_view s) {
    // Key by key at the top level of an object, skipping nested values.
    s = strip_bom(s);
    std::size_t i = 0;
    auto blank = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i; };
    blank();
    if (i >= s.size() || s[i] != '{') return false;
    int depth = 0;
    bool expect_key = true;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            const std::size_t start = ++i;
            while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
            if (i >= s.size()) return false;
            if (depth == 1 && expect_key && s.substr(start, i - start) == "resourceType") return true;
            if (depth == 1) expect_key = false;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) return false;
        } else if (c == ',' && depth == 1) {
            expect_key = true;
        }
    }
    return false;
}

}  // namespace myoscreen
