// The verdicts on a JSON answers object, member by member in key order. Both
// readers of such an object (simdjson's DOM for the text simdjson takes, a
// slower scanner for the rest) hand every member to one AnswersWalk, so a
// text gets one set of verdicts whichever reader read it, and whether it came
// from --answers, a saved session or a JSON Lines record.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "answers/answer_values.hpp"
#include "myoscreen/answers.hpp"
#include "myoscreen/value.hpp"

namespace myoscreen::detail {

// Errors kept per object; past this, they are only counted (a hostile record
// with a million bad keys must not make a million-line error record).
inline constexpr std::size_t max_object_errors = 100;

class AnswersWalk {
public:
    // What the value of the member just named is for: a question index, or:
    static constexpr int skip = -1;  // nothing (the member was an error already)
    static constexpr int id = -2;    // the record id

    AnswersWalk(const Definitions& d, Answers& out, std::vector<AnswerError>& errs, std::string_view id_key,
                std::string& id_text, bool& has_id)
        : defs_(d), out_(out), errs_(errs), id_key_(id_key), id_(id_text), has_id_(has_id) {
        out.values.assign(d.questions.size(), Answer{});
        errs.clear();
        has_id = false;
    }

    // The next member's key. A key that is no question id (other than the id
    // key) is an error named by its position, never by its text.
    // (Small, so that it is inlined: the problems are out of line.)
    int key(std::string_view k) {
        ++position_;
        if (!id_key_.empty() && k == id_key_) return id_key();
        const int qi = defs_.question_ids.find(k);
        if (qi < 0 || seen_.contains(qi)) return bad_key(k, qi);
        seen_.add(qi);
        return qi;
    }

    // The record id: a string or a number; any other value gives none.
    void id_string(std::string_view s) { id_.assign(s), has_id_ = true; }
    void id_int(std::int64_t v) { id_ = std::to_string(v), has_id_ = true; }
    void id_uint(std::uint64_t v) { id_ = std::to_string(v), has_id_ = true; }
    void id_double(double v);

    // The value of question `qi` (null needs no call: it is unanswered). The
    // usual answers are taken here, inline; anything else, and every error
    // reason, is left to the value rules (answer_values.hpp).
    void boolean(int qi, bool b) {
        const Question& q = question(qi);
        if (q.type == QuestionType::yes_no) out_.values[qi] = Answer{true, b ? 1.0 : 0.0, 0};
        else boolean_by_rules(qi, b);
    }
    void number(int qi, double x) {
        const Question& q = question(qi);
        const bool whole_enough = q.type == QuestionType::number || (q.type == QuestionType::integer && x == std::floor(x));
        if (whole_enough && x >= q.min && x <= q.max) out_.values[qi] = Answer{true, x, 0};
        else number_by_rules(qi, x);
    }
    // A number too large for a double (1e400).
    void nonfinite(int qi) { number(qi, HUGE_VAL); }
    void string(int qi, std::string_view s) {
        const Question& q = question(qi);
        const int i = q.type == QuestionType::choice ? q.choice_index(s) : -1;  // the code as written
        if (i >= 0) out_.values[qi] = Answer{true, static_cast<double>(i), 0};
        else string_by_rules(qi, s);
    }
    void object(int qi) { error(question(qi).id, "expected a value, not an object", Refusal::wrong_json_type); }

    // An array. Only a multi_choice takes one: its elements, in turn, while
    // code() returns true, then codes_end(); for other questions, not_list().
    bool is_list(int qi) const { return question(qi).type == QuestionType::multi_choice; }
    void not_list(int qi) { error(question(qi).id, expected_json(question(qi)), Refusal::wrong_json_type); }
    bool code(int qi, std::string_view s, std::uint64_t& set) {
        const int i = question(qi).choice_index(s);  // the code as written, not yet listed
        if (i >= 0 && !(set >> i & 1U)) return set |= std::uint64_t{1} << i, true;
        return code_by_rules(qi, s, set);
    }
    void not_a_code(int qi) { error(question(qi).id, "expected choice codes as strings", Refusal::wrong_json_type); }
    void codes_end(int qi, std::uint64_t set) {
        const Question& q = question(qi);
        const std::uint64_t none = q.exclusive >= 0 ? std::uint64_t{1} << q.exclusive : 0;
        if (set != 0 && (set == none || !(set & none))) out_.values[qi] = Answer{true, 0, set};
        else codes_by_rules(qi, set);
    }

    // A problem with the object itself (not JSON, not an object), no field.
    void object_error(std::string reason, Refusal code) {
        member_at_ = std::string_view::npos;
        add({"", std::move(reason), code});
    }
    // Locating (off the batch path): the reader says where each member's key
    // starts, and the walk keeps that offset for every error it keeps.
    void locate(std::vector<std::size_t>* offsets) { offsets_ = offsets; }
    void member_at(std::size_t offset) { member_at_ = offset; }
    // After the last member: the count of errors not kept, if any.
    void finish();

private:
    const Definitions& defs_;
    Answers& out_;
    std::vector<AnswerError>& errs_;
    std::string_view id_key_;
    std::string& id_;
    bool& has_id_;
    DepSet seen_;  // a bit per question answered so far
    std::size_t position_ = 0;
    std::size_t dropped_ = 0;
    bool id_seen_ = false;
    std::vector<std::size_t>* offsets_ = nullptr;
    std::size_t member_at_ = std::string_view::npos;

    const Question& question(int qi) const { return defs_.questions[static_cast<std::size_t>(qi)]; }
    // Out of line, so that the inline paths stay small: problems, and
    // values other than the usual ones.
    int id_key();
    int bad_key(std::string_view k, int qi);
    void boolean_by_rules(int qi, bool b) { verdict(qi, answer_from_bool(question(qi), b, out_.values[qi])); }
    void number_by_rules(int qi, double x);
    void string_by_rules(int qi, std::string_view s);
    bool code_by_rules(int qi, std::string_view s, std::uint64_t& set);
    void codes_by_rules(int qi, std::uint64_t set) { verdict(qi, answer_from_codes(question(qi), set, out_.values[qi])); }
    void verdict(int qi, const Reason& why) {
        if (why) invalid(qi, *why);
    }
    void invalid(int qi, const Refused& why);
    void error(std::string field, std::string reason, Refusal code) { add({std::move(field), std::move(reason), code}); }
    void add(AnswerError e);
};

// Reads `text`, which simdjson refused, member by member into `walk`: the
// text may still be JSON (numbers beyond a double, nesting deeper than
// simdjson's limit), or it is not, and the first place where it stops being
// JSON is reported (line, column and why, never the text itself).
void walk_refused_text(std::string_view text, AnswersWalk& walk);

}  // namespace myoscreen::detail
