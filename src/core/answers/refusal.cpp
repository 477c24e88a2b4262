// The kinds of refusal (Refusal, answers.hpp) by name: snake_case, as JSON
// and the tests' tables spell them.
#include "myoscreen/answers.hpp"

namespace myoscreen {

std::string_view to_string(Refusal r) {
    switch (r) {
    case Refusal::unspecified: return "unspecified";
    case Refusal::empty_answer: return "empty_answer";
    case Refusal::not_a_number: return "not_a_number";
    case Refusal::not_finite: return "not_finite";
    case Refusal::trailing_text: return "trailing_text";
    case Refusal::unknown_unit: return "unknown_unit";
    case Refusal::missing_unit: return "missing_unit";
    case Refusal::units_out_of_order: return "units_out_of_order";
    case Refusal::ambiguous_comma: return "ambiguous_comma";
    case Refusal::not_an_integer: return "not_an_integer";
    case Refusal::out_of_range: return "out_of_range";
    case Refusal::not_yes_no: return "not_yes_no";
    case Refusal::unknown_choice: return "unknown_choice";
    case Refusal::ambiguous_choice: return "ambiguous_choice";
    case Refusal::no_choice: return "no_choice";
    case Refusal::duplicate_choice: return "duplicate_choice";
    case Refusal::none_with_others: return "none_with_others";
    case Refusal::negative_amount: return "negative_amount";
    case Refusal::no_choice_for_amount: return "no_choice_for_amount";
    case Refusal::wrong_json_type: return "wrong_json_type";
    case Refusal::unsupported_question: return "unsupported_question";
    case Refusal::unknown_key: return "unknown_key";
    case Refusal::duplicate_key: return "duplicate_key";
    case Refusal::not_an_object: return "not_an_object";
    case Refusal::invalid_json: return "invalid_json";
    case Refusal::invalid_utf8: return "invalid_utf8";
    case Refusal::bad_header: return "bad_header";
    case Refusal::bad_row: return "bad_row";
    case Refusal::bad_checkbox: return "bad_checkbox";
    case Refusal::bad_fhir: return "bad_fhir";
    case Refusal::more_errors: return "more_errors";
    }
    return "unspecified";
}

}  // namespace myoscreen
