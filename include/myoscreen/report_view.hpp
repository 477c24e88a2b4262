// A report for people (HTML, PDF): its content as plain words and numbers,
// in reading order, built once from a Report and the answers. The HTML
// renderer writes it out and the PDF module draws it, so both say the same;
// nothing here needs the core's code to read (the PDF module links none).
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
};

struct ReportView {
    std::string lang;  // the definitions' language ("en")
    std::string title;
    std::string definitions_name, definitions_version;
    std::string generated;

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
    } headings;

    // What to do now: the flag, its urgency and the most urgent action.
    struct Reason {
        std::string urgency;  // "Emergency", "Urgent", "Soon"
        std::string text, action;
    };
    struct Headline {
        int urgency = 0;      // 0 none, 1 soon, 2 urgent, 3 emergency (as Urgency)
        bool unchecked = false;  // no flag, but unanswered questions could raise one
        std::string label;    // the urgency in words: "Emergency", ..., "No warning signs"
        std::string title;    // "Seek emergency care now"
        std::string action;   // what to do first
        std::vector<Reason> reasons;
        std::string undecided_note;           // when unanswered questions could raise it
        std::vector<std::string> would_decide;  // those questions
    } headline;

    struct Factor {
        std::string id, title;
        std::string level;  // "Likely", "Possible", "Unlikely", "Could not be decided"
        std::vector<std::string> evidence;
        std::vector<std::string> would_decide;  // question texts
        std::string advice, advice_source;
    };
    struct FactorGroup {
        int level = 0;  // as Level: 0 likely, 1 possible, 2 unlikely, 3 unknown
        bool titles_only = false;  // unlikely factors: listed by title
        std::string heading, note;
        std::vector<Factor> factors;
    };
    std::vector<FactorGroup> factor_groups;  // likely, possible, unknown, unlikely; only non-empty ones
    std::string general_advice, general_advice_source;

    // An instrument's score against its cut-offs.
    struct Band {
        std::string name;  // "at risk"
        int min = 0, max = 0;
    };
    struct Score {
        std::string id, name, description;
        bool applies = true, complete = true;
        bool answered = true;              // false: no item answered, no score shown (–)
        int score = 0, high = 0, max = 0;  // incomplete: the score may still reach `high`
        std::string band;                  // in words; "undecided" when not yet known
        bool band_decided = false;
        std::vector<Band> bands;           // score ranges, lowest first; empty for rule bands
        std::string result;                // the score and band in words: "Score 4 out of 10: positive."
        std::string bands_text;            // the bands in words: "Bands: negative 0 to 3, positive 4 to 10."
        std::string summary;               // both
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

    std::vector<std::string> sources;     // cited in this report, first use first, no repeats
    std::vector<std::string> references;  // the definitions' references
    std::string disclaimer;
};

// The content of a person's report. `r` must come from screen() on `answers`.
ReportView report_view(const Report& r, const Answers& answers, const ViewOptions& opt = {});

}  // namespace myoscreen
