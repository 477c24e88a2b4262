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

struct AnswerError {
    std::string field;   // question id, JSON key or CSV column
    std::string reason;  // built from the definitions only, never from the value
    int line = 0;        // where in a JSON text the member starts (1-based), once
    int col = 0;         // located (locate_answer_errors); 0: not located
};

// Parses what a person types (dialogue, piped line) or a CSV cell holds for
// question `q`, by the one set of rules every source shares (docs/answers.md):
// numbers with units ("70 kg", "154 lb", "8 st 3 lb", "5 ft 8 in", "5'8\""),
// choices by code, label, a word of the label or an unambiguous prefix,
// amounts on amount questions, yes/no and number words from `words`
// (Definitions::words), lists for multi_choice. `default_unit` applies to a
// bare number (a CSV column named weight_lb). Empty text is an error here;
// callers decide what empty means. `strict` (cells): a number is never a
// choice's position. Reasons never hold the text. `info`, if given,
// receives what the text said beyond the answer.
struct TypedDetail {
    // The number as typed when a number question was answered without a
    // unit (and no default unit applied): "180" but not "180 kg".
    std::optional<double> bare_number;
};
std::optional<AnswerError> parse_typed_answer(const Question& q, std::string_view text, Answer& out,
                                              std::string_view default_unit = {}, bool strict = false,
                                              const AnswerWords* words = nullptr, TypedDetail* info = nullptr);

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
