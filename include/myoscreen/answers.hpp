// Answers to a questionnaire, and how typed text and JSON become answers.
// Errors name the question and the reason; they never hold the value given.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/definitions.hpp"

namespace myoscreen {

struct Answer {
    bool given = false;      // false: unanswered (unknown)
    double num = 0;          // number in the base unit, yes_no 0/1, or choice index
    std::uint64_t set = 0;   // multi_choice selections
};

// One slot per question, in catalogue order.
struct Answers {
    std::vector<Answer> values;
    explicit Answers(std::size_t n = 0) : values(n) {}
};

// Why an answer, a record or an answers text was refused, by kind: tests and
// tallies count refusals by this, never by their words. One per distinct
// refusal; to_string() gives its snake_case name, as JSON spells it.
enum class Refusal : std::uint8_t {
    unspecified,           // no kind given (a producer outside the core)
    empty_answer,          // typed text with nothing in it
    not_a_number,          // no number where one is needed, or a malformed one
    not_finite,            // a number beyond a double, or infinite
    trailing_text,         // text after the number that is no unit
    unknown_unit,          // a unit the question does not take
    missing_unit,          // "5 ft 8 9": a second number with no unit
    units_out_of_order,    // "8 in 5 ft": the smaller unit first
    ambiguous_comma,       // "1,500": a decimal comma or a thousands separator
    not_an_integer,        // a fraction where a whole number is needed
    out_of_range,          // outside the question's min and max
    not_yes_no,            // no yes/no word
    unknown_choice,        // no choice matches
    ambiguous_choice,      // several choices match
    no_choice,             // a choice or a list expected, none given
    duplicate_choice,      // a choice listed twice
    none_with_others,      // the exclusive choice ('none') with others
    negative_amount,       // an amount below zero
    no_choice_for_amount,  // an amount no choice stands for
    wrong_json_type,       // a JSON value of a type the question does not take
    unsupported_question,  // a question type the rules do not know
    unknown_key,           // a JSON key, linkId or column that is no question id
    duplicate_key,         // a question (or the record id) answered twice
    not_an_object,         // the answers are not a JSON object
    invalid_json,          // the text is not JSON
    invalid_utf8,          // bytes that are not UTF-8
    bad_header,            // a CSV or REDCap header that cannot be read as answers
    bad_row,               // a CSV row that does not fit its header
    bad_checkbox,          // a REDCap checkbox column holding other than 1 or 0
    bad_fhir,              // a QuestionnaireResponse not of the shape FHIR R4 gives it
    more_errors,           // "N more errors not listed"
};
std::string_view to_string(Refusal r);

struct AnswerError {
    std::string field;   // question id, JSON key or CSV column
    std::string reason;  // built from the definitions only, never from the value
    Refusal code = Refusal::unspecified;
    int line = 0;        // where in a JSON text the member starts (1-based), once
    int col = 0;         // located (locate_answer_errors); 0: not located
};

// Parses what a person types (dialogue, piped line) or a CSV cell holds for
// question `q`, by the one set of rules every source shares (docs/answers.md):
// numbers with units ("70 kg", "154 lb", "8 st 3 lb", "5 ft 8 in", "5'8\""),
// choices by code, label, a word of the label or an unambiguous prefix,
// amounts on amount questions, yes/no and number words, lists for
// multi_choice. Empty text is an error here; callers decide what empty
// means. Reasons never hold the text.
struct TypedDetail {
    // The number as typed when a number question was answered without a
    // unit (and no default unit applied): "180" but not "180 kg".
    std::optional<double> bare_number;
};
struct TypedOptions {
    std::string_view default_unit = {};   // the unit of a bare number (a CSV column named weight_lb)
    bool strict = false;                  // cells: a number is never a choice's position
    const AnswerWords* words = nullptr;   // yes/no and number words (Definitions::words)
    TypedDetail* info = nullptr;          // if set, receives what the text said beyond the answer
};
std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out, const TypedOptions& opt = {});

// "between 18 and 120 years": the accepted range of a numeric question.
std::string describe_range(const Question& q);

// The answer as a person would read it back: "69.9 kg", "some", "yes".
std::string describe_answer(const Question& q, const Answer& a);

// Reads JSON answers objects ({question_id: value}). --answers files, saved
// sessions and JSON Lines batch records all go through it, so a text gets
// the same verdicts whichever way it came. One reader per thread: it keeps
// simdjson's parser and buffers.
class JsonAnswersReader {
public:
    static constexpr std::size_t padding = 64;  // readable bytes needed after the text

    explicit JsonAnswersReader(const Definitions& defs);
    ~JsonAnswersReader();
    JsonAnswersReader(const JsonAnswersReader&) = delete;
    JsonAnswersReader& operator=(const JsonAnswersReader&) = delete;

    // `text` must be followed in memory by `padding` readable bytes. Returns
    // every problem, in key order, each naming its question when it has one
    // (empty: `out` holds the answers; the list is valid until the next
    // call). A key that is no question id is an error named by its position,
    // never by its text. With `id_key` given, that key (wherever it is) holds
    // the record id, a string or a number: it fills `id` and `has_id`, also
    // when answers are invalid, and is no answer.
    const std::vector<AnswerError>& read(std::string_view text, Answers& out, std::string_view id_key, std::string& id,
                                         bool& has_id);
    const std::vector<AnswerError>& read(std::string_view text, Answers& out);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One JSON answers object (a file's text, a byte order mark allowed), read
// with a JsonAnswersReader of its own. Returns every problem found (empty on
// success); `out` holds the valid answers.
std::vector<AnswerError> parse_json_answers(const Definitions& defs, std::string_view json, Answers& out);
// Sets `line` and `col` of the `errors` parse_json_answers() returned for
// `json` to where each member in error starts (its key), for a person to find
// it in the file. Problems of the whole text (not JSON, not an object) stay
// unlocated: their reason says where. Off the batch path: it reads the text
// again, member by member.
void locate_answer_errors(const Definitions& defs, std::string_view json, std::vector<AnswerError>& errors);

// The answers as a JSON object in the form parse_json_answers() reads,
// numbers in base units at full precision; unanswered questions left out.
std::string answers_to_json(const Definitions& defs, const Answers& answers);

}  // namespace myoscreen
