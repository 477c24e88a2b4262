// The subcommands. Each returns an exit code or throws Failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"

namespace myoscreen::cli {

// Loads --rules FILE, or the embedded definitions when `path` is empty.
// Prints every diagnostic and throws Failure(65) when they are invalid.
Definitions load_rules(const std::string& path);

// Reads a JSON answers object from FILE ("-": stdin); prints every problem
// and throws Failure(65) when any answer is invalid.
Answers read_answers_file(const Definitions& defs, const std::string& path);

struct ScreenArgs {
    std::string rules;
    std::string answers;  // file or "-"; empty: dialogue on a TTY, else piped lines
    std::string format;   // text | json | html | pdf | fhir; empty: text
    std::string report;   // also write the report here, in the format of its extension
    std::string paper;    // a4 | letter; empty: from the locale
    bool explain = false;
    bool no_color = false;
    bool fail_on_flag = false;
    bool all_questions = false;  // the dialogue asks every question, not only those still needed
    bool include_answers = false;  // JSON: add "answers", every answer as understood
    std::string save, resume;
};
int cmd_screen(const ScreenArgs& a);

struct QuestionsArgs {
    std::string rules;
    std::string format = "text";
};
int cmd_questions(const QuestionsArgs& a);

struct BatchArgs {
    std::vector<std::string> files;  // empty or "-": stdin
    std::string input;               // csv | jsonl; empty: from the extension or content
    std::string format = "jsonl";    // jsonl | csv | json | fhir
    unsigned jobs = 0;               // 0: all cores
    std::string id_column = "id";
    bool summary = false;
    std::string report;  // the cohort report (.html)
    std::string paper;   // a4 | letter; empty: from the locale
    bool explain = false;
    bool include_answers = false;  // JSON outputs: every answer as understood
    bool no_color = false;
    std::string rules;
    std::uint64_t max_errors = 0;
    std::size_t max_record_bytes = 1 << 20;
};
int cmd_batch(const BatchArgs& a);

struct NextArgs {
    std::string rules;
    std::string answers;  // a JSON answers object (FILE or -)
    std::string session;  // or a session saved with screen --save
};
int cmd_next(const NextArgs& a);

int cmd_rules_show(const std::string& format);
int cmd_rules_check(const std::string& path);

}  // namespace myoscreen::cli
