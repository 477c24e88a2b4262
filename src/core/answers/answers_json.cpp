// A JSON answers object read with nlohmann-json's SAX interface straight into
// Answers: repeated keys are caught (the DOM would keep one silently), and no
// error message ever quotes a value.
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "myoscreen/answers.hpp"
#include "answer_values.hpp"
#include "json_locator.hpp"

namespace myoscreen {
namespace {

using nlohmann::json;

class Handler : public nlohmann::json_sax<json> {
public:
    Handler(const Definitions& d, Answers& out, const JsonAnswersOptions& o, std::vector<AnswerError>& errs)
        : defs_(d), out_(out), opt_(o), errs_(errs) {}

    bool null() override { return scalar([&](const Question&) { return true; }, true); }
    bool boolean(bool v) override {
        return scalar([&](const Question& q) { return apply(q, detail::answer_from_bool(q, v, tmp_)); });
    }
    bool number_integer(number_integer_t v) override {
        if (take_id()) return *opt_.id_out = std::to_string(v), true;
        return number(static_cast<double>(v));
    }
    bool number_unsigned(number_unsigned_t v) override {
        if (take_id()) return *opt_.id_out = std::to_string(v), true;
        return number(static_cast<double>(v));
    }
    bool number_float(number_float_t v, const string_t& raw) override {
        if (take_id()) return *opt_.id_out = raw, true;
        return number(v);
    }
    bool string(string_t& s) override {
        if (take_id()) return *opt_.id_out = s, true;
        if (depth_ == 2 && in_array_) {
            if (q_ >= 0 && !failed_key_)
                if (auto why = detail::add_choice_code(defs_.questions[q_], s, array_set_)) return error(defs_.questions[q_].id, *why);
            return true;
        }
        return scalar([&](const Question& q) { return apply(q, detail::answer_from_string(q, s, tmp_)); });
    }
    bool binary(binary_t&) override { return error(key_, "unexpected binary value"); }

    bool start_object(std::size_t) override {
        ++depth_;
        if (depth_ == 1) return true;
        return nested("expected a value, not an object");
    }
    bool end_object() override { return --depth_, true; }
    bool start_array(std::size_t) override {
        ++depth_;
        if (depth_ == 0 + 1) return top_error();
        if (depth_ == 2 && q_ >= 0 && defs_.questions[q_].type == QuestionType::multi_choice && !in_array_) {
            in_array_ = true;
            array_set_ = 0;
            return true;
        }
        return nested(q_ >= 0 ? detail::expected_json(defs_.questions[q_]) : "unexpected array");
    }
    bool end_array() override {
        --depth_;
        if (depth_ == 1 && in_array_) {
            in_array_ = false;
            if (q_ < 0 || failed_key_) return true;
            const Question& q = defs_.questions[q_];
            return apply(q, detail::answer_from_codes(q, array_set_, tmp_));
        }
        return true;
    }
    bool key(string_t& k) override {
        if (depth_ != 1) return true;
        ++keys_;
        key_.clear();  // the field named in errors: a question id, never the key's own text
        failed_key_ = false;
        id_next_ = opt_.id_out != nullptr && k == opt_.id_key;
        if (id_next_) {
            q_ = -1;
            key_ = opt_.id_key;
            return true;
        }
        q_ = defs_.question_ids.find(k);
        if (q_ < 0) {
            const AnswerError e = detail::unknown_key(defs_, k, keys_);
            return error("", e.reason);
        }
        key_ = defs_.questions[q_].id;
        if (seen_.contains(q_)) return error(key_, "the question is answered twice (duplicate key)");
        seen_.add(q_);
        return true;
    }
    // The last token may be the value itself, so it is never used.
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        if (e.id == 406) {  // 1e400: nlohmann's message quotes the number, so it is not used
            if (depth_ == 0) return top_error();
            if (!failed_key_) error(key_, "not a finite number");  // an unknown key was reported already
            return false;
        }
        syntax_at_ = position;
        syntax_what_ = e.what();
        return false;
    }
    std::size_t syntax_at_ = 0;
    std::string syntax_what_;


private:
    const Definitions& defs_;
    Answers& out_;
    const JsonAnswersOptions& opt_;
    std::vector<AnswerError>& errs_;
    DepSet seen_;  // a bit per question
    std::string key_;     // question id of the current key, or empty
    std::size_t keys_ = 0;  // keys of the top-level object so far
    int q_ = -1;
    int depth_ = 0;
    bool in_array_ = false;
    bool id_next_ = false;  // the value after the id key is the record id
    bool failed_key_ = false;
    std::uint64_t array_set_ = 0;

    bool take_id() {
        if (!id_next_ || depth_ != 1) return false;
        id_next_ = false;
        return true;
    }
    bool error(std::string field, std::string reason) {
        failed_key_ = true;
        if (errs_.size() < opt_.max_errors) errs_.push_back({std::move(field), std::move(reason)});
        return errs_.size() < opt_.max_errors;
    }
    bool top_error() {
        errs_.push_back({"", "answers must be a JSON object of {question_id: answer}"});
        return false;
    }
    bool nested(std::string why) {
        if (depth_ > 64) {  // stop reading: nothing that deep is an answer
            if (!failed_key_) error(key_, "nested too deeply");
            return false;
        }
        if (failed_key_ || depth_ != 2 || q_ < 0) return true;  // one error per answer
        return error(key_, std::move(why));
    }
    bool set(const Answer& a) {
        if (!failed_key_) out_.values[q_] = a;
        return true;
    }
    Answer tmp_;
    bool apply(const Question& q, const detail::Reason& why) { return why ? error(q.id, *why) : set(tmp_); }
    template <class F>
    bool scalar(F&& f, bool is_null = false) {
        if (depth_ == 0) return top_error();
        if (depth_ == 2 && in_array_) return is_null ? error(key_, "null inside a list of choices") : error(key_, "expected choice codes as strings");
        if (depth_ != 1 || q_ < 0) return true;
        if (is_null) return true;  // unanswered
        return f(defs_.questions[q_]);
    }
    bool number(double v) {
        return scalar([&](const Question& q) { return apply(q, detail::answer_from_number(q, v, tmp_)); });
    }
};

}  // namespace

std::vector<AnswerError> parse_json_answers(const Definitions& defs, std::string_view text, Answers& out,
                                            const JsonAnswersOptions& opt) {
    std::vector<AnswerError> errs;
    // Reuse the caller's storage: batch workers parse millions of records.
    out.values.assign(defs.questions.size(), Answer{});
    if (const auto nul = detail::find_nul_byte(text); nul != std::string_view::npos) {
        errs.push_back({"", "invalid JSON at " + detail::describe_offset(text, nul) + ": " + std::string(detail::nul_byte_reason)});
        return errs;
    }
    Handler h(defs, out, opt, errs);
    const bool ok = json::sax_parse(text.begin(), text.end(), &h, nlohmann::detail::input_format_t::json, true, false);
    if (!ok && !h.syntax_what_.empty()) {
        // nlohmann counts from 1 and keeps no lines: place the last byte read.
        const std::size_t at = h.syntax_at_ > 0 ? h.syntax_at_ - 1 : 0;
        errs.push_back({"", "invalid JSON at " + detail::describe_offset(text, at) + ": " + detail::json_parse_reason(h.syntax_what_)});
    }
    return errs;
}

}  // namespace myoscreen
