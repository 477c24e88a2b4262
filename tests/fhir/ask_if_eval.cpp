// Our side of the FHIRPath test: reads QuestionnaireResponses (NDJSON, one a
// line) with the core's reader and prints, a line each, every question's
// ask_if as our three-valued evaluator decides it: {"id": true|false|null}.
// Usage: ask_if_eval DEFINITIONS.json < responses.ndjson
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "expr/evaluator.hpp"
#include "myoscreen/fhir_questionnaire.hpp"

using namespace myoscreen;

namespace {
Value value_of(const Question& q, const Answer& a) {
    switch (q.type) {
    case QuestionType::yes_no: return Value::boolean(a.num != 0);
    case QuestionType::choice: return Value::code(static_cast<int>(a.num));
    case QuestionType::multi_choice: return Value::selection(a.set);
    default: return Value::number(a.num);
    }
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return std::cerr << "usage: ask_if_eval DEFINITIONS.json < responses.ndjson\n", 2;
    std::ifstream f(argv[1]);
    std::stringstream ss;
    ss << f.rdbuf();
    const Definitions d = load_definitions(ss.str(), argv[1]);
    FhirResponseReader reader(d);
    std::vector<Value> slots(d.questions.size()), stack(static_cast<std::size_t>(std::max(d.stack_size, 1)) + 8);
    std::string line;
    while (std::getline(std::cin, line)) {
        const std::size_t n = line.size();
        line.append(FhirResponseReader::padding, ' ');
        Answers answers;
        std::string id;
        bool has_id = false;
        const auto& errs = reader.read(std::string_view(line).substr(0, n), answers, id, has_id);
        if (!errs.empty()) return std::cerr << "response not read: " << errs.front().field << ": " << errs.front().reason << "\n", 1;
        // The slots as the engine loads them (engine.cpp, load_questions).
        std::string out = "{";
        for (std::size_t i = 0; i < d.questions.size(); ++i) {
            const Question& q = d.questions[i];
            const Answer& a = answers.values[i];
            Value ask = Value::boolean(true);
            if (!q.ask_if.empty()) ask = evaluate(q.ask_if, slots.data(), stack.data());
            if (ask.is_false()) slots[i] = Value::absent();
            else if (a.given) slots[i] = value_of(q, a);
            else slots[i] = Value::unknown({});
            if (q.ask_if.empty()) continue;
            out += (out.size() > 1 ? ",\"" : "\"") + q.id + "\":" +
                   (ask.state == State::unknown ? "null" : ask.is_true() ? "true" : "false");
        }
        std::cout << out << "}\n";
    }
    return 0;
}
