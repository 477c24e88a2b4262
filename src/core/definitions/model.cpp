// Names of enumerations as they appear in JSON, and id lookups.
#include "myoscreen/definitions.hpp"

namespace myoscreen {

std::string_view to_string(QuestionType t) {
    static constexpr std::string_view names[] = {"integer", "number", "yes_no", "choice", "multi_choice"};
    return names[static_cast<int>(t)];
}

std::string_view to_string(Unit u) {
    static constexpr std::string_view names[] = {"", "years", "kg", "cm", "minutes", "hours", "days", "weeks"};
    return names[static_cast<int>(u)];
}

std::string_view to_string(Level l) {
    static constexpr std::string_view names[] = {"likely", "possible", "unlikely", "unknown"};
    return names[static_cast<int>(l)];
}

std::string_view to_string(Urgency u) {
    static constexpr std::string_view names[] = {"none", "soon", "urgent", "emergency"};
    return names[static_cast<int>(u)];
}

int Question::choice_index(std::string_view code) const {
    if (!codes.empty()) return codes.find(code);
    // While loading, before the index is built:
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const std::string& c = choices[i].code;
        if (c.size() == code.size() && same_bytes(c.data(), code.data(), code.size())) return static_cast<int>(i);
    }
    return -1;
}

int Definitions::question_index(std::string_view id) const {
    if (!question_ids.empty()) return question_ids.find(id);
    for (std::size_t i = 0; i < questions.size(); ++i)  // while loading
        if (questions[i].id == id) return static_cast<int>(i);
    return -1;
}

const std::vector<LevelWording>& default_level_wording() {
    static const std::vector<LevelWording> plain = {{"Likely contributing factors", ""},
                                                    {"Possible contributing factors", ""},
                                                    {"Unlikely", "Nothing in your answers points to these."},
                                                    {"Could not be decided", "Answers are missing that would decide these."}};
    return plain;
}

std::string Definitions::canonical_url() const {
    if (!url.empty()) return url;
    std::string out = "http://myoscreen.invalid/fhir/Questionnaire/";
    const std::size_t start = out.size();
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (out.size() > start && out.back() != '-') out += '-';
    }
    while (out.size() > start && out.back() == '-') out.pop_back();
    if (out.size() == start) out += "questionnaire";
    return out;
}

const LevelWording& Definitions::wording(Level l) const {
    const auto i = static_cast<std::size_t>(l);
    return i < levels.size() ? levels[i] : default_level_wording()[i];
}

}  // namespace myoscreen
