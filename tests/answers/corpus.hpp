// The answers corpus (tests/answers/*.tsv, README.md): its rows, what each
// must give, and what the dialogue's reader made of it. Shared by the
// reading of the files and the figures (answers_corpus.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "myoscreen/answers.hpp"
#include "myoscreen/definitions.hpp"

namespace corpus {

// What a row says the typed text must give.
enum class Expect { value, unknown, confirm, ask, refuse };

struct Row {
    std::string where;  // FILE:LINE
    std::string persona, context, respondent, question, typed, expect_text;
    int q = -1;                        // question index
    Expect expect = Expect::refuse;
    myoscreen::Answer value;           // for value and confirm
    myoscreen::Answers earlier;        // the context as answers
};

// What the reader made of the text, as the dialogue would act on it.
struct Reading {
    enum class Kind { stored, unknown, confirm, ask, refused } kind = Kind::refused;
    myoscreen::Answer value;  // stored, confirm
    std::string why;          // refused and ask: the reason's kind (digits as N, labels as "…")
};

// Every row of the files given (directories: their *.tsv files, sorted),
// with the question's "don't know" choices from dont_know.tsv beside them.
// Problems in the corpus itself (an unknown question, a context that is no
// valid answer, a question its context does not ask) go to `problems`.
struct Corpus {
    std::vector<Row> rows;
    std::map<int, int> dont_know;  // question index -> its own "don't know" choice
    std::vector<std::string> problems;
};
Corpus read_corpus(const myoscreen::Definitions& defs, const std::vector<std::string>& paths);

// The typed text through the dialogue's own reader (Session::input, as the
// terminal dialogue and piped line mode use it) with the row's earlier
// answers in place, then the dialogue's plausibility checks. This is the one
// place to change when the reader learns to say an answer back (confirm) or
// to ask (today: a refusal "that could be A or B" and a plausibility check
// are the only questions back; nothing is ever confirmed).
Reading read_typed(const myoscreen::Definitions& defs, const Row& row);

// The reason's kind: ", or type skip" and the advice after ';' dropped,
// numbers as N and quoted labels as "…", so that one kind counts once.
std::string reason_kind(std::string reason);

// An answer as the JSON answers form writes it ("female", 157, ["none"]).
std::string shown(const myoscreen::Definitions& defs, int q, const myoscreen::Answer& a);

}  // namespace corpus
