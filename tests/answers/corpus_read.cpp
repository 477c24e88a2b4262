// Reading the corpus files, and each row's typed text through the dialogue's
// own reader (corpus.hpp). Values in the files (context and expectations)
// are read with the JSON answers reader, so a code or number the
// definitions would refuse is a problem of the corpus, said as such.
#include "corpus.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "myoscreen/screen.hpp"
#include "myoscreen/session.hpp"

namespace corpus {
namespace fs = std::filesystem;
using namespace myoscreen;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) out.push_back(part);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

// One VALUE of the corpus (157, female, true, [a,b]) as a JSON value.
std::string json_value(const std::string& v) {
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
        std::string out = "[";
        for (const auto& code : split(v.substr(1, v.size() - 2), ','))
            if (!code.empty()) out += (out.size() > 1 ? ",\"" : "\"") + code + "\"";
        return out + "]";
    }
    if (v == "true" || v == "false") return v;
    char* end = nullptr;
    (void)std::strtod(v.c_str(), &end);
    if (!v.empty() && end == v.c_str() + v.size()) return v;
    return "\"" + v + "\"";
}

// KEY=VALUE pairs (or "-") as answers; false with the reason when they are not valid answers.
bool answers_of(const Definitions& defs, const std::string& pairs, int skip_q, Answers& out, std::string& why) {
    out = Answers(defs.questions.size());
    if (pairs == "-" || pairs.empty()) return true;
    std::string json = "{";
    for (const auto& kv : split(pairs, ' ')) {
        if (kv.empty()) continue;
        const auto eq = kv.find('=');
        if (eq == std::string::npos) return why = "context item '" + kv + "' is not KEY=VALUE", false;
        const std::string key = kv.substr(0, eq);
        // The row's own question is what is being answered: its earlier value does not count.
        if (defs.question_index(key) == skip_q) continue;
        json += (json.size() > 1 ? ",\"" : "\"") + key + "\":" + json_value(kv.substr(eq + 1));
    }
    json += "}";
    const auto errors = parse_json_answers(defs, json, out);
    if (errors.empty()) return true;
    why = "'" + errors.front().field + "': " + errors.front().reason;
    return false;
}

void read_file(const Definitions& defs, const fs::path& path, Corpus& c) {
    std::ifstream in(path);
    if (!in) return c.problems.push_back(path.string() + ": cannot be read"), void();
    std::string line;
    int n = 0;
    bool header = false;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        if (!header) {  // the first line that is no comment names the columns
            header = true;
            continue;
        }
        Row r;
        r.where = path.filename().string() + ":" + std::to_string(n);
        const auto cols = split(line, '\t');
        if (cols.size() != 6) {
            c.problems.push_back(r.where + ": " + std::to_string(cols.size()) + " columns, not 6");
            continue;
        }
        r.persona = cols[0], r.context = cols[1], r.respondent = cols[2], r.question = cols[3], r.typed = cols[4], r.expect_text = cols[5];
        r.q = defs.question_index(r.question);
        std::string why;
        if (r.q < 0) why = "no question '" + r.question + "'";
        else if (!answers_of(defs, r.context, r.q, r.earlier, why)) why = "context: " + why;
        else if (r.respondent != "self" && r.respondent != "proxy") why = "respondent must be self or proxy";
        else {
            const std::string& e = r.expect_text;
            const auto value_after = [&](std::size_t at) {
                Answers one(defs.questions.size());
                if (!answers_of(defs, r.question + "=" + e.substr(at), -1, one, why)) return false;
                r.value = one.values[static_cast<std::size_t>(r.q)];
                return true;
            };
            if (e == "unknown") r.expect = Expect::unknown;
            else if (e == "ask") r.expect = Expect::ask;
            else if (e == "refuse") r.expect = Expect::refuse;
            else if (e.starts_with("= ") || e.starts_with("confirm ")) {
                const bool stored = e.front() == '=';
                r.expect = stored ? Expect::value : Expect::confirm;
                if (!value_after(stored ? 2 : 8)) why = "expect: " + why;
            } else why = "expect must be '= VALUE', 'unknown', 'confirm VALUE', 'ask' or 'refuse'";
        }
        if (why.empty()) {
            // The question must be one the dialogue asks after these earlier answers.
            Session s(defs);
            s.restore(r.earlier, r.q > 0 ? std::vector<int>{r.q - 1} : std::vector<int>{});
            if (s.current() != r.q) why = "the context makes question '" + r.question + "' not asked";
        }
        if (!why.empty()) c.problems.push_back(r.where + ": " + why);
        else c.rows.push_back(std::move(r));
    }
}

void read_dont_know(const Definitions& defs, const fs::path& path, Corpus& c) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        const auto cols = split(line, '\t');
        const int q = cols.size() == 2 ? defs.question_index(cols[0]) : -1;
        const int k = q >= 0 ? defs.questions[static_cast<std::size_t>(q)].choice_index(cols[1]) : -1;
        if (k < 0) c.problems.push_back(path.string() + ": not a question and one of its choices: " + line);
        else c.dont_know[q] = k;
    }
}

}  // namespace

Corpus read_corpus(const Definitions& defs, const std::vector<std::string>& paths) {
    Corpus c;
    for (const auto& p : paths) {
        std::vector<fs::path> files;
        if (fs::is_directory(p)) {
            for (const auto& e : fs::directory_iterator(p))
                if (e.path().extension() == ".tsv" && e.path().filename() != "dont_know.tsv") files.push_back(e.path());
            std::sort(files.begin(), files.end());
            if (fs::exists(fs::path(p) / "dont_know.tsv")) read_dont_know(defs, fs::path(p) / "dont_know.tsv", c);
        } else {
            files.emplace_back(p);
        }
        for (const auto& f : files) read_file(defs, f, c);
    }
    return c;
}

Reading read_typed(const Definitions& defs, const Row& row) {
    Session s(defs);
    s.restore(row.earlier, row.q > 0 ? std::vector<int>{row.q - 1} : std::vector<int>{});
    Reading r;
    std::vector<bool> before(defs.checks.size(), false);
    for (int k : screen(defs, s.final_answers()).checks) before[static_cast<std::size_t>(k)] = true;
    AnswerError err;
    switch (s.input(row.typed, err)) {
    case Session::Outcome::invalid:
        r.why = reason_kind(err.reason);
        // The dialogue's "that could be A or B; type more of it" is a question back.
        r.kind = r.why.starts_with("that could be") || r.why.find(" could be ") != std::string::npos ? Reading::Kind::ask
                                                                                                   : Reading::Kind::refused;
        return r;
    case Session::Outcome::help: r.why = "taken as a command: help"; return r;
    case Session::Outcome::back:
    case Session::Outcome::at_start: r.why = "taken as a command: back"; return r;
    case Session::Outcome::empty:
    case Session::Outcome::skipped: r.kind = Reading::Kind::unknown; return r;
    case Session::Outcome::answered: break;
    }
    r.value = s.answers().values[static_cast<std::size_t>(row.q)];
    r.kind = r.value.given ? Reading::Kind::stored : Reading::Kind::unknown;
    if (!r.value.given) return r;
    // A plausibility check the answer turned true, naming this question, is
    // asked about at once (dialogue_checks.cpp): the value is not yet taken.
    for (int k : screen(defs, s.final_answers()).checks) {
        const Check& c = defs.checks[static_cast<std::size_t>(k)];
        const bool names_it = c.alternative.question == row.q || std::find(c.confirm.begin(), c.confirm.end(), row.q) != c.confirm.end();
        if (!before[static_cast<std::size_t>(k)] && names_it) {
            r.kind = Reading::Kind::ask;
            r.why = "plausibility check: " + c.id;
        }
    }
    return r;
}

std::string reason_kind(std::string reason) {
    static constexpr std::string_view skip = ", or type skip";
    if (reason.ends_with(skip)) reason.resize(reason.size() - skip.size());
    if (const auto semi = reason.find(';'); semi != std::string::npos) reason.resize(semi);
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < reason.size(); ++i) {
        const char ch = reason[i];
        if (ch == '"') {
            if (!quoted) out += "\"…\"";
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (std::isdigit(static_cast<unsigned char>(ch)) != 0) {
            while (i + 1 < reason.size() && (std::isdigit(static_cast<unsigned char>(reason[i + 1])) != 0 || reason[i + 1] == '.')) ++i;
            out += 'N';
        } else {
            out += ch;
        }
    }
    return out;
}

std::string shown(const Definitions& defs, int q, const Answer& a) {
    if (!a.given) return "unanswered";
    Answers one(defs.questions.size());
    one.values[static_cast<std::size_t>(q)] = a;
    const std::string json = answers_to_json(defs, one);
    const auto colon = json.find(':');
    return colon == std::string::npos ? json : json.substr(colon + 1, json.size() - colon - 2);
}

}  // namespace corpus
