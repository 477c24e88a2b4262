// The JSON report (schema myoscreen.report/1) section by section: its key names, their order and which appear when.
//
// This is the one description of the report. render_json (render_json.cpp)
// calls these writers in order with the record's values between them;
// CompactJsonRenderer (render_json_compact.cpp) runs the same writers once per
// definitions with a compact JsonWriter started inside the report
// (JsonWriter::inside) and keeps what they write as pieces to copy. A comment
// on each writer says where in the report it starts, as the compact renderer
// needs to know it: "in the report" is inside the top-level object (depth 1),
// "in derived/instruments/factors/attention" one deeper, "in an instrument",
// "in a factor" and "in reasons" deeper again, "in evidence" deeper still.
// --explain's per-rule blocks are written by render_json alone.
#pragma once

#include <cstdint>

#include "answers/answers_write.hpp"
#include "json/json_writer.hpp"
#include "myoscreen/definitions.hpp"
#include "myoscreen/report.hpp"
#include "myoscreen/value.hpp"

namespace myoscreen::detail::report_json {

// Depths of the containers the sections start in (see JsonWriter::inside).
inline constexpr int in_report = 1, in_section = 2, in_entry = 3, in_evidence = 4, in_reasons = 3;

// Starts the report: {"schema":...,"definitions":{"name":...,"version":...}
inline void head(JsonWriter& w, const Definitions& d) {
    w.begin_object();
    w.key("schema").string("myoscreen.report/1");
    w.key("definitions").begin_object().key("name").string(d.name).key("version").string(d.version).end_object();
}

// In the report, followed by its value: the batch record's id (a string),
// written only when there is one.
inline void id_key(JsonWriter& w) { w.key("id"); }

// In the report: whether it is complete, then the key of the unanswered
// questions' list (the list follows: question() for each).
inline void complete(JsonWriter& w, bool complete) {
    w.key("complete").boolean(complete);
    w.key("unanswered");
}

// In the report, after the unanswered list and only when the adaptive
// questionnaire left questions out: the key of their list.
inline void not_needed_key(JsonWriter& w) { w.key("not_needed"); }

// A question id as an element of a list of questions.
inline void question(JsonWriter& w, const Definitions& d, int q) { w.string(d.questions[static_cast<std::size_t>(q)].id); }

// In the report: opens "derived"; derived() for each value follows.
inline void derived_open(JsonWriter& w) { w.key("derived").begin_object(); }

// How a derived value is written: null when unknown, true/false for a
// boolean, else a number to one decimal.
enum class DerivedForm : std::uint8_t { null, no, yes, number };
inline DerivedForm derived_form(const Derived& def, const Value& v) {
    if (!v.known()) return DerivedForm::null;
    if (def.is_bool) return v.num != 0 ? DerivedForm::yes : DerivedForm::no;
    return DerivedForm::number;
}
// In derived: one value's key and, unless it is a number, the value (a
// number is written by the caller after the key: see derived()).
inline void derived_entry(JsonWriter& w, const Derived& def, DerivedForm form) {
    w.string_key(def.id);
    if (form == DerivedForm::null) w.null();
    else if (form != DerivedForm::number) w.boolean(form == DerivedForm::yes);
}
inline void derived(JsonWriter& w, const Derived& def, const Value& v) {
    const DerivedForm form = derived_form(def, v);
    derived_entry(w, def, form);
    if (form == DerivedForm::number) w.decimal1(v.num);
}

// In derived: closes it and opens "instruments"; an instrument's
// instrument_open(), score and instrument_close() follow for each.
inline void instruments_open(JsonWriter& w) { w.end_object().key("instruments").begin_object(); }

// In instruments: opens an instrument, up to its score. One that does not
// apply says so and has no score (null); one that applies has its score
// (an integer) written next by the caller.
inline void instrument_open(JsonWriter& w, const Instrument& ins, bool applies) {
    w.string_key(ins.id).begin_object();
    if (!applies) w.key("applies").boolean(false);
    w.key("score");
    if (!applies) w.null();
}

// In an instrument: the rest of it, from the maximum score on. `band` is an
// index into ins.bands, or -1 (null) when undecided.
inline void instrument_close(JsonWriter& w, const Instrument& ins, int band, bool complete) {
    w.key("max").integer(ins.max_score);
    w.key("band");
    if (band >= 0) w.string(ins.bands[static_cast<std::size_t>(band)].name);
    else w.null();
    w.key("complete").boolean(complete);
    w.end_object();
}

// In instruments: closes it and opens "factors"; each factor follows:
// factor_open(), evidence() for each rule that is true, factor_would_decide()
// and the list of questions, factor_advice(), factor_close().
inline void factors_open(JsonWriter& w) { w.end_object().key("factors").begin_object(); }

// In factors: opens a factor at its level, up to its evidence list.
inline void factor_open(JsonWriter& w, const Factor& f, Level level) {
    w.string_key(f.id).begin_object();
    w.key("level").string(to_string(level));
    w.key("evidence").begin_array();
}

// A rule that is true, as an element of the evidence list.
inline void evidence(JsonWriter& w, const Rule& rule) {
    w.begin_object().key("rule").string(rule.id).key("text").string(rule.text);
    w.key("source").string(rule.source).end_object();
}

// In evidence: closes it; the list of questions that would decide the factor follows.
inline void factor_would_decide(JsonWriter& w) { w.end_array().key("would_decide"); }

// In a factor: the advice, given when the level is likely or possible
// (null when the definitions have none), and its source when there is one.
inline void factor_advice(JsonWriter& w, const Factor& f, Level level) {
    const bool advise = level == Level::likely || level == Level::possible;
    w.key("advice");
    if (advise && !f.advice.text.empty()) w.string(f.advice.text);
    else w.null();
    if (advise && !f.advice.source.empty()) w.key("advice_source").string(f.advice.source);
}

// In a factor (after --explain's rules, if any): closes it.
inline void factor_close(JsonWriter& w) { w.end_object(); }

// In factors: closes it and opens "seek_medical_attention" up to its
// reasons list; reason() for each red flag that is true follows, then
// attention_would_decide() and the list of questions, then attention_close().
inline void attention_open(JsonWriter& w, bool flag, Urgency urgency) {
    w.end_object();
    w.key("seek_medical_attention").begin_object();
    w.key("flag").boolean(flag);
    w.key("urgency").string(to_string(urgency));
    w.key("reasons").begin_array();
}

// A red flag that is true, as an element of the reasons list.
inline void reason(JsonWriter& w, const RedFlag& rf) {
    w.begin_object().key("id").string(rf.id).key("urgency").string(to_string(rf.urgency));
    w.key("text").string(rf.text);
    if (!rf.action.empty()) w.key("action").string(rf.action);
    w.key("source").string(rf.source).end_object();
}

// In reasons: closes it; the list of questions that would decide the flag follows.
inline void attention_would_decide(JsonWriter& w) { w.end_array().key("would_decide"); }

// In attention (after --explain's checks, if any): closes it and writes the
// disclaimer.
inline void attention_close(JsonWriter& w, const Definitions& d) {
    w.end_object();
    w.key("disclaimer").string(d.disclaimer);
}

// In the report, only with --include-answers: every answer as understood,
// in the JSON answers forms, so the report can be fed back as --answers.
inline void answers(JsonWriter& w, const Definitions& d, const Answers& a) {
    w.key("answers");
    write_answers(w, d, a);
}

// In the report: ends it, with its line break.
inline void report_end(JsonWriter& w) {
    w.end_object();
    w.put("\n");
}

}  // namespace myoscreen::detail::report_json
