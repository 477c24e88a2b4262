// A report for people (text, HTML, PDF): its content as plain words and
// numbers, in reading order, built once from a Report and the answers. It is
// the one place that words the person's report: every sentence, heading and
// label a person reads is made here (report_view.cpp), and the text, HTML and
// PDF renderers only lay it out, so all three say the same. The score scale
// is computed here too (its bands, cut-offs, ticks and label) and drawn by
// the SVG and the PDF. Nothing here needs the core's code to read (the PDF
// module links none).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace myoscreen {

struct Report;
struct Answers;

enum class Paper : std::uint8_t { a4, letter };

// The page size in PostScript points (1/72 inch): A4 595.276 x 841.89,
// Letter 612 x 792.
struct PageSize {
    double width = 0, height = 0;
};
PageSize page_size(Paper p);

struct ViewOptions {
    std::string generated;  // date and time of the report, as the caller formats it
    // Fill ReportView::explain and Factor::checks from the report's per-rule
    // outcomes (a report screened with explain).
    bool explain = false;
};

struct ReportView {
    std::string lang;  // the definitions' language ("en")
    std::string title;
    std::string definitions_name, definitions_version;
    std::string generated;
    std::string meta;  // "name version · generated": under the title, and the PDF's footer

    // The report's section headings, in reading order.
    struct Headings {
        std::string what_to_do = "What to do now";
        std::string factors = "What may be causing muscle loss";
        std::string scores = "Screening scores";
        std::string answers = "Your answers";
        std::string unanswered = "Not answered";
        std::string about = "About this report";
        std::string sources = "Sources";
        std::string disclaimer = "Please note";
        std::string general = "In general";          // the general advice, under the factors
        std::string not_needed = "Not needed";       // questions the adaptive questionnaire left out
        std::string references = "References";
        std::string explain_flag = "How the medical-attention flag was decided";  // --explain
    } headings;

    // Fixed words that stand before, beside or instead of the report's
    // content: labels, lead-ins and what an empty section says.
    struct Words {
        std::string why = "Why", why_each = "Why (each reason)";  // before one reason, before several
        std::string evidence = "What in your answers points to it:";
        std::string would_decide = "Answering these would decide it:";
        std::string advice = "What helps:";
        std::string level = "Level:";
        std::string scores_intro =
            "Each scale shows the scores a questionnaire can give, its bands and the cut-offs between them, and your "
            "score. An incomplete score is drawn as a frame from the points so far to the most the missing answers "
            "could add.";
        std::string does_not_apply = "does not apply";  // a score's short form (text)
        std::string incomplete = "incomplete";
        std::string question = "Question", answer = "Answer";  // the answers table's columns
        std::string no_answers = "No question was answered.";
        std::string ignored = "(not used: the question did not apply)";
        std::string all_answered = "Every question that applied was answered.";
        std::string unanswered = "These questions applied but were not answered.";
        std::string unanswered_why = "Answering them makes the screening more certain.";
        std::string questionnaire = "Questionnaire", version = "Version", made = "Made";
        std::string cited = "Cited in this report:";
    } words;

    // What to do now: the flag, its urgency and the most urgent action.
    struct Reason {
        std::string urgency;  // "Emergency", "Urgent", "Soon"
        std::string text, action;
    };
    struct Headline {
        bool flag = false;    // the person should seek medical attention
        int urgency = 0;      // 0 none, 1 soon, 2 urgent, 3 emergency (as Urgency)
        bool unchecked = false;  // no flag, but unanswered questions could raise one
        std::string label;    // the urgency in words: "Emergency", ..., "No warning signs"
        std::string title;    // "Get emergency care now"
        std::string action;   // what to do first
        // The flag in one line, for the text report: "Seek medical attention:
        // emergency", "Seek medical attention: no warning signs in your answers."
        std::string line;
        std::vector<Reason> reasons;
        std::string undecided_note;           // when unanswered questions could raise it
        std::vector<std::string> would_decide;  // those questions (the first few, then "and N more")
        std::string would_decide_names;       // all of them by label, as a sentence lists them: "a, b and c"
    } headline;

    // --explain: one rule or red flag, whether it holds, what would decide it
    // or could change it, and its source, in words.
    struct Check {
        char mark = '?';  // '+' true, '-' false, '?' unknown
        std::string text;  // "id true (could change with a and b) [source]"
    };

    struct Factor {
        std::string id, title;
        std::string level;  // "Likely", "Possible", "Unlikely", "Could not be decided"
        std::vector<std::string> evidence;
        std::string listed;  // as a list of titles names it: "Title (Unlikely)"
        std::vector<std::string> would_decide;  // question texts (the first few, then "and N more")
        std::string would_decide_names;  // all of them by label: "a, b and c"
        std::string advice, advice_source;
        std::vector<Check> checks;  // --explain: each of its rules
    };
    struct FactorGroup {
        int level = 0;  // as Level: 0 likely, 1 possible, 2 unlikely, 3 unknown
        bool titles_only = false;  // unlikely factors: listed by title
        std::string heading, note;
        std::string titles;  // the factors' titles in a line: "A, B"
        std::vector<Factor> factors;
    };
    std::vector<FactorGroup> factor_groups;  // likely, possible, unknown, unlikely; only non-empty ones
    std::string general_advice, general_advice_source;
    std::vector<Check> explain;  // --explain: every red flag

    // An instrument's score against its cut-offs.
    struct Band {
        std::string name;  // "at risk"
        int min = 0, max = 0;
    };
    // A score's scale, in score units (a renderer maps 0..max to its own
    // width): the bands' stretches, the numbered ticks and the score's label.
    struct Scale {
        struct Segment {
            double from = 0, to = 0;  // half a point below the band's lowest score, half above its highest
            std::string name;
            bool mine = false;    // the band the score is in
            bool shaded = false;  // every other band is drawn darker
            bool cut = false;     // a cut-off line at `from`: every band but the first
        };
        std::vector<Segment> segments;  // empty for rule bands: one plain bar
        struct Tick {
            int value = 0;
            int align = 0;  // -1 starts at the tick (0), 1 ends there (max), 0 centred
        };
        std::vector<Tick> ticks;  // ascending
        enum class Marker : std::uint8_t { none, point, range } marker = Marker::none;  // none: nothing answered
        std::string label;  // "Your score: 4", "Your score: 2 to 5 (incomplete)"
    };
    struct Score {
        std::string id, name, description;
        std::string short_name;  // a label of at most 20 columns where it can be: "MNA-SF", "GLIM"
        bool applies = true, complete = true;
        bool answered = true;              // false: no item answered, no score shown (–)
        int score = 0, high = 0, max = 0;  // incomplete: the score may still reach `high`
        std::string band;                  // in words; "undecided" when not yet known
        bool band_decided = false;
        std::vector<Band> bands;           // score ranges, lowest first; empty for rule bands
        std::string result;                // the score and band in words: "Score 4 out of 10: positive."
        std::string bands_text;            // the bands in words: "Bands: negative 0 to 3, positive 4 to 10."
        std::string summary;               // both
        Scale scale;                       // when it applies
    };
    std::vector<Score> scores;

    struct AnswerRow {
        std::string question, answer;
        bool ignored = false;  // answered, but the question did not apply
    };
    struct AnswerSection {
        std::string title;
        std::vector<AnswerRow> rows;
    };
    std::vector<AnswerSection> answers;  // sections with at least one answer
    std::string units_note;

    std::vector<std::string> unanswered;  // question texts, questionnaire order
    std::string unanswered_names;         // the same by label: "a, b and c"
    std::string not_needed;               // the adaptive questionnaire's left-out questions in a sentence; empty: none

    std::vector<std::string> sources;     // cited in this report, first use first, no repeats
    std::vector<std::string> references;  // the definitions' references
    std::string disclaimer;
};

// The content of a person's report. `r` must come from screen() on `answers`.
ReportView report_view(const Report& r, const Answers& answers, const ViewOptions& opt = {});
// The same without the answers (the text report shows none): `answers` and
// `units_note` are left empty.
ReportView report_view(const Report& r, const ViewOptions& opt = {});

}  // namespace myoscreen
