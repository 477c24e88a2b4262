// The definitions model: questionnaire, derived values, instruments, factors
// and red flags, immutable after loading, with every expression compiled.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "myoscreen/detail/program.hpp"
#include "myoscreen/detail/id_index.hpp"

namespace myoscreen {

enum class QuestionType : std::uint8_t { integer, number, yes_no, choice, multi_choice };
enum class Unit : std::uint8_t { none, years, kg, cm, minutes, hours, days, weeks };
enum class Level : std::uint8_t { likely, possible, unlikely, unknown };
enum class Urgency : std::uint8_t { none, soon, urgent, emergency };  // ordered

std::string_view to_string(QuestionType t);
std::string_view to_string(Unit u);
std::string_view to_string(Level l);
std::string_view to_string(Urgency u);

struct Choice {
    std::string code;
    std::string label;
    // On an amount question (Question::amounts): the amounts this choice
    // stands for, from `low` to `high` (+inf: no upper bound), each bound
    // included unless open. has_amount false: no amount ("does not know").
    bool has_amount = false;
    double low = 0, high = 0;
    bool low_open = false, high_open = false;
    // Other words people type for this choice ("never" for "None of the
    // time"), lower case; never one another choice of the question answers to.
    std::vector<std::string> words;
};

struct Section {
    std::string id;
    std::string title;
};

struct Question {
    std::string id;
    int section = 0;
    QuestionType type = QuestionType::yes_no;
    Unit unit = Unit::none;
    double min = 0, max = 0;
    std::string text, help;
    std::string label;  // a short name for lists in reports ("calf measurement"); empty: the id
    std::vector<Choice> choices;
    int exclusive = -1;       // multi_choice: index of the code that excludes others
    detail::Program ask_if;           // empty: always asked
    std::string ask_if_text;  // for `questions --format json`
    // Built at load: the last earlier question with an ask_if has this very
    // program (ten ADAM items share one), so its result is reused. Safe: an
    // ask_if reads only questions before its own.
    bool same_ask_if_as_previous = false;
    IdIndex codes;  // choice code → index, built at load (batch reads every code)
    // A choice question that stands for an amount (falls, kg lost): a number
    // given is the amount, mapped to the choice whose range holds it, never a
    // position. amount_unit: the amount's base unit (none: a count);
    // amount_whole: only whole amounts; amount_words: nouns a count may carry
    // ("2 falls"), the first naming the amount in messages.
    bool amounts = false;
    Unit amount_unit = Unit::none;
    bool amount_whole = false;
    std::vector<std::string> amount_words;

    int choice_index(std::string_view code) const;
    const std::string& name() const { return label.empty() ? id : label; }
};

struct Derived {
    std::string id, text, unit;
    bool is_bool = false;
    detail::Program expr;
    std::string expr_text;  // as written, for other formats (a REDCap calc field)
    int slot = 0;
};

struct Item {
    enum class Kind : std::uint8_t { question, criterion, cases };
    std::string id;
    Kind kind = Kind::question;
    int question = -1;                 // Kind::question
    std::vector<int> points;           // per choice; yes_no: [yes, no]
    detail::Program when;                      // Kind::criterion
    int criterion_points = 0;
    std::vector<detail::Program> case_when;    // Kind::cases; empty program = default
    std::vector<int> case_points;
    int min_points = 0, max_points = 0;
    int slot = 0;
};

struct Band {
    std::string name;
    int min = 0, max = 0;  // score-range bands
    detail::Program when;          // rule bands; empty = default
};

// A code from a standard terminology for an instrument's score (LOINC),
// for FHIR output; empty: the project's own code system is used.
struct Coding {
    std::string system, code, display;
};

struct Instrument {
    std::string id, name, source, description;
    Coding code;  // optional standard code of the total score
    std::vector<Item> items;
    std::vector<Band> bands;
    bool rule_bands = false;
    int max_score = 0;
    int score_slot = 0, band_slot = 0;
};

struct Advice {
    std::string text, source;
};

struct Rule {
    std::string id, text, source;
    detail::Program when;
    int slot = 0;
};

struct Factor {
    std::string id, title, source;
    std::vector<Rule> rules;
    detail::Program likely, possible;
    Advice advice;
};

struct RedFlag {
    std::string id, text, action, source;
    Urgency urgency = Urgency::soon;
    detail::Program when;
};

// A plausibility check (warnings, never errors): when `when` is true the
// answers in `confirm` are likely a slip (a unit typed wrongly) and the person
// is asked to confirm or correct them. `message` may name derived numbers as
// {id}; no answer is ever quoted.
struct CheckAlternative {
    int question = -1;   // the answer to read again (-1: no alternative)
    std::string unit;    // the unit to read its bare number in ("lb")
    detail::Program when;        // true with the number read that way: offer it
};

struct Check {
    std::string id, message, source;
    detail::Program when;
    std::vector<int> confirm;  // question indices
    CheckAlternative alternative;
};

struct Reference {
    std::string id, citation;
};

// A way the cohort report (batch --report) breaks a batch down: by the
// answer to one question ("cohort" in the definitions). A number question's
// groups are bands of its answer, each holding the answers below its cut-off
// (the last band: the rest); a choice question's groups are its choices.
// Every grouping ends with a group for the records that left it unanswered.
struct CohortGrouping {
    std::string id;            // the report section's anchor: by-ID
    std::string title;         // the section's heading: "By age"
    std::string group_word;    // what a bar is: "Each bar is one WORD group"
    int question = -1;         // a number, integer or choice question
    bool by_choice = false;    // a choice question: a group per choice
    std::vector<double> below; // number question: band k holds answers < below[k]; the last band, the rest
    std::vector<std::string> labels;  // each group's label but the last (a choice grouping: the choices' labels)
    std::string not_answered;  // the label of the last group: no answer

    std::size_t group_count() const { return labels.size() + 1; }
    // The group of an answer given (a number, or a choice's index).
    std::size_t group_of(double answer) const {
        if (by_choice) return static_cast<std::size_t>(answer);
        std::size_t k = 0;
        while (k < below.size() && !(answer < below[k])) ++k;
        return k;
    }
};

// What needs computing, in dependency order: derived values and instruments.
struct Step {
    enum class Kind : std::uint8_t { derived, instrument };
    Kind kind;
    int index;
};

// Words people type for answers, in the definitions' language (data, not
// code): yes/no synonyms, number words ("once" = 1, "never" = 0), words
// before an approximate number ("about") and words after one that add
// nothing ("old" in "70 years old"). All lower case.
struct AnswerWords {
    std::vector<std::string> yes, no, approximately, ignored_after, number_words;
    std::vector<double> number_values;  // number_words[i] means number_values[i]
};

// How a report for people heads a group of factors at one level, and the
// sentence under the heading (a `possible` factor is something to mention
// to a doctor, not a finding).
struct LevelWording {
    std::string heading, note;
};

// The plain wording of the levels, by Level, for definitions that give none.
const std::vector<LevelWording>& default_level_wording();

struct Definitions {
    std::string name, version, language, disclaimer;
    std::string url;  // canonical URL of the questionnaire (FHIR Questionnaire.url); empty: none given
    // The canonical URL in use: `url`, else
    // http://myoscreen.invalid/fhir/Questionnaire/NAME (NAME made from `name`).
    // The FHIR Questionnaire and the report's code systems sit under it.
    std::string canonical_url() const;
    AnswerWords words;
    Advice general_advice;
    std::vector<LevelWording> levels;  // by Level: likely, possible, unlikely, unknown
    // The wording of a level: from the definitions, else the plain default.
    const LevelWording& wording(Level l) const;
    std::vector<Section> sections;
    std::vector<Question> questions;
    std::vector<Derived> derived;
    std::vector<Instrument> instruments;
    std::vector<Factor> factors;
    std::vector<RedFlag> red_flags;
    std::vector<Check> checks;
    std::vector<Reference> references;
    std::vector<CohortGrouping> cohort;  // the cohort report's breakdowns, in order

    std::vector<Step> order;  // evaluation order of derived and instruments
    int slot_count = 0;       // questions occupy slots [0, questions.size())
    int stack_size = 0;       // the largest max_stack of any program
    IdIndex question_ids;  // id → question index, built at load

    int question_index(std::string_view id) const;
};

// Parses and checks definitions. `file` names the input in diagnostics.
// Throws DefinitionsError carrying every problem found. `trusted` skips the
// scan for repeated JSON keys (the embedded definitions are checked for them
// by the tests), which is most of the start-up time.
Definitions load_definitions(std::string_view text, std::string_view file, bool trusted = false);

// The text of the definitions compiled into the binary (data/definitions.json).
std::string_view embedded_definitions();

// The embedded definitions, ready to use: read from the snapshot the build
// made of them (no JSON parsing, no compiling), or parsed from their text if
// the snapshot is not of this build's format.
Definitions load_embedded_definitions();

}  // namespace myoscreen
