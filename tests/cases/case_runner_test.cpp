// Runs the clinical cases in tests/cases/*.case (answers in, report fields
// out) and the worked examples of clinical-examples.jsonl through the core
// library, as `screen --answers - --format json` would.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path cases_dir = fs::path(MYOSCREEN_SOURCE_DIR) / "tests" / "cases";

const myoscreen::Definitions& defs() {
    static const myoscreen::Definitions d = myoscreen::load_embedded_definitions();  // as the binary loads them
    return d;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Screens `answers`; returns the JSON report, or the answer errors.
bool run(const json& answers, json& report, std::string& errors) {
    myoscreen::Answers a;
    const auto errs = myoscreen::parse_json_answers(defs(), answers.dump(), a);
    for (const auto& e : errs) errors += e.field + ": " + e.reason + "; ";
    if (!errs.empty()) return false;
    std::string out;
    myoscreen::render_json(myoscreen::screen(defs(), a), out);
    report = json::parse(out);
    return true;
}

// Follows a dotted path; reasons lists are compared by flag id.
json lookup(const json& report, const std::string& path) {
    const json* cur = &report;
    std::stringstream ss(path);
    std::string part;
    while (std::getline(ss, part, '.')) {
        if (!cur->is_object() || !cur->contains(part)) return json("<missing " + path + ">");
        cur = &(*cur)[part];
    }
    if (path.ends_with("reasons") || path.ends_with("evidence")) {
        json ids = json::array();
        for (const auto& r : *cur) ids.push_back(r.contains("id") ? r["id"] : r["rule"]);
        return ids;
    }
    return *cur;
}

struct Block {
    std::string where, comment, base;
    json answers = json::object();
    std::vector<std::pair<std::string, std::string>> expects;  // line location, "path = value"
    int error = 0;
};

std::vector<Block> parse_case_file(const fs::path& file) {
    std::vector<Block> blocks;
    std::ifstream in(file);
    std::string line;
    Block cur;
    int n = 0;
    auto flush = [&] {
        if (!cur.expects.empty() || cur.error) blocks.push_back(cur);
        cur = Block{};
    };
    while (std::getline(in, line)) {
        ++n;
        const std::string where = fmt::format("{}:{}", file.filename().string(), n);
        if (line.empty()) { flush(); continue; }
        if (cur.where.empty()) cur.where = where;
        if (line[0] == '#') {
            cur.comment.append(line).append("\n");
            continue;
        }
        const auto colon = line.find(':');
        const std::string key = line.substr(0, colon), value = colon == std::string::npos ? "" : line.substr(colon + 1);
        if (key == "base") cur.base = value.substr(value.find_first_not_of(' '));
        else if (key == "answers") cur.answers = json::parse(value);
        else if (key == "expect") cur.expects.emplace_back(where, value);
        else if (key == "error") cur.error = std::stoi(value);
        else FAIL(where << ": unknown line kind '" << key << "'");
    }
    flush();
    return blocks;
}

}  // namespace

TEST_CASE("clinical cases (tests/cases/*.case)") {
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(cases_dir)) {
        if (entry.path().extension() != ".case") continue;
        for (const Block& b : parse_case_file(entry.path())) {
            json answers = json::object();
            if (!b.base.empty()) answers = json::parse(slurp(cases_dir / "bases" / (b.base + ".json")));
            for (auto it = b.answers.begin(); it != b.answers.end(); ++it) {
                if (it.value().is_null()) answers.erase(it.key());
                else answers[it.key()] = it.value();
            }
            json report;
            std::string errors;
            const bool ok = run(answers, report, errors);
            INFO(b.where << "\n" << b.comment);
            if (b.error) {
                CHECK_FALSE(ok);
                ++checked;
                continue;
            }
            {
                INFO(errors);
                REQUIRE(ok);
            }
            for (const auto& [where, text] : b.expects) {
                const auto eq = text.find(" = ");
                if (eq == std::string::npos) FAIL(where << ": expected 'PATH = VALUE'");
                std::string path = text.substr(0, eq);
                path = path.substr(path.find_first_not_of(' '));
                const json want = json::parse(text.substr(eq + 3));
                const json got = lookup(report, path);
                INFO(where << ": " << path);
                CHECK(got == want);
                ++checked;
            }
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("worked examples (clinical-examples.jsonl)") {
    std::ifstream in(cases_dir / "clinical-examples.jsonl");
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        const json ex = json::parse(line);
        json report;
        std::string errors;
        INFO("example " << n << ": " << ex["shows"].get<std::string>());
        const bool ok = run(ex["answers"], report, errors);
        INFO(errors);
        REQUIRE(ok);
        // Every field of report_subset must match; reasons compare by id.
        const auto& want = ex["report_subset"];
        std::function<void(const json&, const std::string&)> walk = [&](const json& w, const std::string& path) {
            if (w.is_object()) {
                for (auto it = w.begin(); it != w.end(); ++it) walk(it.value(), path.empty() ? it.key() : path + "." + it.key());
                return;
            }
            INFO(path);
            CHECK(lookup(report, path) == w);
        };
        walk(want, "");
    }
    CHECK(n == 10);
}
