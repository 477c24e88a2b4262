// Reading plausibility checks (docs/rules.md: Plausibility checks): the condition, the message
// (which may quote derived numbers as {id}, never an answer), the answers to
// confirm, and an optional unit alternative to offer in the dialogue.
#include "definitions/definitions_reader.hpp"

namespace myoscreen::detail {

void Loader::check(const json& v, const std::string& p) {
    if (!ctx_.object(v, p, "a check")) return;
    ctx_.only_keys(v, p, {"id", "when", "message", "confirm", "alternative", "source"});
    Check c;
    if (auto id = ctx_.str(v, p, "id")) unique_id(c.id = *id, child(p, "id"), "check", defs_.checks);
    c.message = ctx_.str(v, p, "message").value_or("");
    check_message(c.message, child(p, "message"));
    c.source = ctx_.str(v, p, "source").value_or("");
    if (const json* a = ctx_.array(v, p, "confirm")) {
        const std::string ap = child(p, "confirm");
        if (a->empty()) ctx_.error(ap, "a check names at least one answer to confirm");
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string ip = child(ap, i);
            if (!(*a)[i].is_string()) {
                ctx_.error(ip, "expected a question id (a string)");
                continue;
            }
            const int q = defs_.question_index((*a)[i].get<std::string>());
            if (q < 0) ctx_.error(ip, "unknown question \"" + (*a)[i].get<std::string>() + "\"");
            else if (std::find(c.confirm.begin(), c.confirm.end(), q) != c.confirm.end()) ctx_.error(ip, "question named twice");
            else c.confirm.push_back(q);
        }
    }
    const int index = static_cast<int>(defs_.checks.size());
    expr(v, p, "when", PendingExpr::Owner::check, index, 0, 0, Type::boolean);
    defs_.checks.push_back(std::move(c));
    if (auto it = v.find("alternative"); it != v.end()) check_alternative(*it, child(p, "alternative"), defs_.checks.back());
}

void Loader::check_alternative(const json& v, const std::string& p, Check& c) {
    if (!ctx_.object(v, p, "a check's alternative")) return;
    ctx_.only_keys(v, p, {"answer", "unit", "when"});
    if (auto id = ctx_.str(v, p, "answer")) {
        c.alternative.question = defs_.question_index(*id);
        if (c.alternative.question < 0) {
            ctx_.error(child(p, "answer"), "unknown question \"" + *id + "\"");
        } else {
            const Question& q = defs_.questions[static_cast<std::size_t>(c.alternative.question)];
            if ((q.type != QuestionType::number && q.type != QuestionType::integer) || q.unit == Unit::none)
                ctx_.error(child(p, "answer"), "an alternative reads a number question with a unit; \"" + *id + "\" is not one");
            if (std::find(c.confirm.begin(), c.confirm.end(), c.alternative.question) == c.confirm.end())
                ctx_.error(child(p, "answer"), "the alternative's answer must be one of the answers to confirm");
        }
    }
    if (auto u = ctx_.str(v, p, "unit")) {
        c.alternative.unit = *u;
        // The unit is a word the answer's parser knows for that question
        // ("lb" for kg); checked by the answers stage when it is offered.
        if (u->empty() || !std::all_of(u->begin(), u->end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }))
            ctx_.error(child(p, "unit"), "a unit is a word of letters, such as \"lb\"");
    }
    expr(v, p, "when", PendingExpr::Owner::check_alternative, static_cast<int>(defs_.checks.size() - 1), 0, 0, Type::boolean);
}

// "{id}" in a message quotes a numeric derived value (1 decimal); nothing
// else may be quoted, so a message can never repeat what was typed. Braces
// are for quoting only (the schema's pattern says the same).
void Loader::check_message(const std::string& message, const std::string& p) {
    for (std::size_t at = 0; at < message.size(); ++at) {
        if (message[at] == '}') {
            ctx_.error(p, "a } without its { in the message (write {ID} to quote a derived number)");
            return;
        }
        if (message[at] != '{') continue;
        const std::size_t end = message.find_first_of("{}", at + 1);
        if (end == std::string::npos || message[end] != '}') {
            ctx_.error(p, "an unclosed { in the message (write {ID} to quote a derived number)");
            return;
        }
        const std::string id = message.substr(at + 1, end - at - 1);
        const auto d = std::find_if(defs_.derived.begin(), defs_.derived.end(), [&](const Derived& x) { return x.id == id; });
        if (d == defs_.derived.end() || d->is_bool)
            ctx_.error(p, "a message may quote only derived numbers, as {ID}; " + quoted(id) + " is not one");
        at = end;
    }
}

}  // namespace myoscreen::detail
