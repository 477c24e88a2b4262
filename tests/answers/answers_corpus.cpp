// answers_corpus: every typed answer of the corpus (tests/answers/*.tsv)
// through the dialogue's own reader, judged against what it must give, and
// the figures issue 24 asks for: misread (must be 0), reasonable answers
// refused (target <= 5%), sentences understood, and the refusals counted by
// reason. Exit 0 when both targets are met, 1 when not, 2 when the corpus
// itself is wrong. Usage:
//   answers_corpus [--definitions FILE] [--list misread|refused|other|all]
//                  [--top N] [-v] [FILE.tsv|DIR ...]      (default: tests/answers)
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.hpp"

using namespace myoscreen;
using corpus::Expect;
using corpus::Reading;
using corpus::Row;

namespace {

enum class Verdict { understood, misread, refused_reasonable, other };
constexpr const char* verdict_names[] = {"understood", "misread", "refused (reasonable)", "other"};

struct Judged {
    Verdict verdict;
    std::string note;  // why, for misread and other
};

// Numbers within 0.01 of the base unit: the corpus writes converted values to 2 decimals.
bool same(const Question& q, const Answer& a, const Answer& b) {
    if (a.given != b.given) return false;
    if (q.type == QuestionType::multi_choice) return a.set == b.set;
    return std::fabs(a.num - b.num) <= (q.type == QuestionType::number || q.type == QuestionType::integer ? 0.01 : 0);
}

Judged judge(const Definitions& defs, const corpus::Corpus& c, const Row& row, const Reading& got) {
    const Question& q = defs.questions[static_cast<std::size_t>(row.q)];
    using K = Reading::Kind;
    const bool right = (got.kind == K::stored || got.kind == K::confirm) && same(q, got.value, row.value);
    switch (row.expect) {
    case Expect::value:
        if (got.kind == K::refused) return {Verdict::refused_reasonable, {}};
        if (right) return {Verdict::understood, {}};
        if (got.kind == K::ask) return {Verdict::other, "asked back where the answer was clear"};
        if (got.kind == K::confirm) return {Verdict::other, "said back a different value"};
        return {Verdict::misread, got.kind == K::unknown ? "taken as unanswered" : "stored a different value"};
    case Expect::unknown: {
        const auto dk = c.dont_know.find(row.q);
        const bool own = dk != c.dont_know.end() && got.kind == K::stored && static_cast<int>(got.value.num) == dk->second;
        if (got.kind == K::unknown || own) return {Verdict::understood, {}};
        if (got.kind == K::refused) return {Verdict::refused_reasonable, {}};
        if (got.kind == K::stored) return {Verdict::misread, "stored a value for \"I don't know\""};
        return {Verdict::other, "asked back for \"I don't know\""};
    }
    case Expect::confirm:
        if (got.kind == K::refused) return {Verdict::refused_reasonable, {}};
        if (got.kind == K::ask || (got.kind == K::confirm && right)) return {Verdict::understood, {}};
        if (got.kind == K::stored) return {Verdict::misread, same(q, got.value, row.value) ? "stored without saying it back" : "stored a different value"};
        if (got.kind == K::unknown) return {Verdict::misread, "taken as unanswered"};
        return {Verdict::other, "said back a different value"};
    case Expect::ask:
        if (got.kind == K::ask || got.kind == K::confirm) return {Verdict::understood, {}};
        if (got.kind == K::refused) return {Verdict::other, "refused where it should ask"};
        return {Verdict::misread, got.kind == K::unknown ? "taken as unanswered where it should ask" : "stored where it should ask"};
    case Expect::refuse:
        if (got.kind == K::refused || got.kind == K::ask) return {Verdict::understood, {}};
        if (got.kind == K::confirm) return {Verdict::other, "offered a value for nonsense"};
        return {Verdict::misread, got.kind == K::unknown ? "taken as unanswered where it should refuse" : "stored where it should refuse"};
    }
    return {Verdict::other, {}};
}

std::string type_name(const Question& q) {
    switch (q.type) {
    case QuestionType::integer: return "integer";
    case QuestionType::number: return "number";
    case QuestionType::yes_no: return "yes_no";
    case QuestionType::choice: return q.amounts ? "choice (amounts)" : "choice";
    case QuestionType::multi_choice: return "multi_choice";
    }
    return "?";
}

std::string got_text(const Definitions& defs, const Row& row, const Reading& r) {
    switch (r.kind) {
    case Reading::Kind::stored: return "= " + corpus::shown(defs, row.q, r.value);
    case Reading::Kind::confirm: return "confirm " + corpus::shown(defs, row.q, r.value);
    case Reading::Kind::unknown: return "unknown";
    case Reading::Kind::ask: return "ask (" + r.why + ")";
    case Reading::Kind::refused: return "refuse (" + r.why + ")";
    }
    return "?";
}

std::string pct(int n, int of) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f%%", of == 0 ? 0.0 : 100.0 * n / of);
    return b;
}

// Counts by a key, in first-seen order: rows, then each verdict, and the
// answers that should be understood (the denominator of "refused").
struct Tally {
    std::vector<std::string> order;
    std::map<std::string, std::array<int, 6>> counts;  // rows, 4 verdicts, reasonable
    void add(const std::string& key, Verdict v, bool reasonable) {
        if (!counts.count(key)) order.push_back(key), counts[key] = {};
        auto& n = counts[key];
        ++n[0];
        ++n[1 + static_cast<int>(v)];
        n[5] += reasonable;
    }
    void print(const std::string& title) const {
        std::printf("\n%-28s %5s %10s %8s %15s %6s\n", title.c_str(), "rows", "understood", "misread", "refused (of ok)", "other");
        for (const auto& k : order) {
            const auto& n = counts.at(k);
            std::string share = "(";  // appended, not "(" + ...: g++ 12 warns falsely (-Wrestrict) on that
            share += pct(n[3], n[5]);
            share += ')';
            std::printf("%-28s %5d %10d %8d %7d %-7s %6d\n", k.c_str(), n[0], n[1], n[2], n[3], share.c_str(), n[4]);
        }
    }
};

int words(const std::string& s) {
    std::istringstream in(s);
    std::string w;
    int n = 0;
    while (in >> w) ++n;
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    std::string defs_file, list = "misread";
    std::vector<std::string> paths;
    bool verbose = false;
    std::size_t top = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--definitions" && i + 1 < argc) defs_file = argv[++i];
        else if (a == "--list" && i + 1 < argc) list = argv[++i];
        else if (a == "--top" && i + 1 < argc) top = std::stoul(argv[++i]);
        else if (a == "-v") verbose = true;
        else if (a.starts_with("-")) return std::cerr << "usage: answers_corpus [--definitions FILE] [--list misread|refused|other|all] [--top N] [-v] [FILE|DIR ...]\n", 2;
        else paths.push_back(a);
    }
    if (paths.empty()) paths.emplace_back(MYOSCREEN_SOURCE_DIR "/tests/answers");
    Definitions defs = [&] {
        if (defs_file.empty()) return load_embedded_definitions();
        std::ifstream f(defs_file);
        std::stringstream ss;
        ss << f.rdbuf();
        return load_definitions(ss.str(), defs_file);
    }();
    const corpus::Corpus c = corpus::read_corpus(defs, paths);
    for (const auto& p : c.problems) std::cerr << "answers_corpus: " << p << "\n";
    if (!c.problems.empty()) return 2;
    if (c.rows.empty()) return std::cerr << "answers_corpus: no rows\n", 2;

    Tally by_persona, by_respondent, by_type, by_question, by_expect;
    std::map<std::string, int> refusal_kinds;  // every refusal, reasonable or not
    int n_verdict[4] = {}, reasonable = 0, sentences = 0, sentences_ok = 0, refusals = 0;
    std::map<std::string, int> other_notes, misread_notes;
    for (const Row& row : c.rows) {
        const Reading got = corpus::read_typed(defs, row);
        const Judged j = judge(defs, c, row, got);
        const bool should_work = row.expect == Expect::value || row.expect == Expect::unknown || row.expect == Expect::confirm;
        const Question& q = defs.questions[static_cast<std::size_t>(row.q)];
        ++n_verdict[static_cast<int>(j.verdict)];
        reasonable += should_work;
        if (words(row.typed) >= 3) sentences += 1, sentences_ok += j.verdict == Verdict::understood;
        if (got.kind == Reading::Kind::refused) ++refusal_kinds[got.why], ++refusals;
        if (j.verdict == Verdict::other) ++other_notes[j.note];
        if (j.verdict == Verdict::misread) ++misread_notes[j.note];
        by_persona.add(row.persona, j.verdict, should_work);
        by_respondent.add(row.respondent, j.verdict, should_work);
        by_type.add(type_name(q), j.verdict, should_work);
        by_question.add(row.question, j.verdict, should_work);
        by_expect.add(row.expect_text.starts_with("= ") ? "= VALUE" : row.expect_text.starts_with("confirm") ? "confirm VALUE" : row.expect_text,
                      j.verdict, should_work);
        const bool listed = verbose || list == "all" || (list == "misread" && j.verdict == Verdict::misread) ||
                            (list == "refused" && j.verdict == Verdict::refused_reasonable) || (list == "other" && j.verdict == Verdict::other);
        if (listed)
            std::printf("%-22s %-20s %-16s %-24s | %-40s | expect %-28s | got %s%s\n", row.where.c_str(), verdict_names[static_cast<int>(j.verdict)],
                        row.persona.c_str(), row.question.c_str(), row.typed.c_str(), row.expect_text.c_str(), got_text(defs, row, got).c_str(),
                        j.note.empty() ? "" : ("  [" + j.note + "]").c_str());
    }
    const int total = static_cast<int>(c.rows.size());
    const int misread = n_verdict[1], refused = n_verdict[2];
    std::printf("\nanswers corpus: %d rows, %zu personas\n", total, by_persona.order.size());
    std::printf("misread:               %d  (must be 0)\n", misread);
    for (const auto& [note, n] : misread_notes) std::printf("    %4d %s\n", n, note.c_str());
    std::printf("refused, reasonable:   %d of %d answers that should be understood (%s; target <= 5%%)\n", refused, reasonable, pct(refused, reasonable).c_str());
    std::printf("understood:            %d of %d (%s)\n", n_verdict[0], total, pct(n_verdict[0], total).c_str());
    std::printf("sentences understood:  %d of %d answers of 3 or more words (%s)\n", sentences_ok, sentences, pct(sentences_ok, sentences).c_str());
    std::printf("other:                 %d\n", n_verdict[3]);
    for (const auto& [note, n] : other_notes) std::printf("    %4d %s\n", n, note.c_str());
    by_expect.print("by expectation");
    by_persona.print("by persona");
    by_respondent.print("by respondent");
    by_type.print("by question type");
    by_question.print("by question");
    std::vector<std::pair<int, std::string>> kinds;
    for (const auto& [k, n] : refusal_kinds) kinds.emplace_back(n, k);
    std::sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::printf("\nrefusals by reason: %d refusals of %zu kinds (all refusals, whatever was expected)\n", refusals, kinds.size());
    for (std::size_t i = 0; i < kinds.size() && i < top; ++i) std::printf("  %4d  %s\n", kinds[i].first, kinds[i].second.c_str());
    const bool ok = misread == 0 && refused * 20 <= reasonable;
    std::printf("\n%s: misread %d (must be 0), refused %s (target <= 5%%)\n", ok ? "PASS" : "FAIL", misread, pct(refused, reasonable).c_str());
    return ok ? 0 : 1;
}
