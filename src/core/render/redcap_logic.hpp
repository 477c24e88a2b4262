// Expressions of the definitions in REDCap's language: branching logic from
// an ask_if, and calc fields from numeric derived values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "myoscreen/definitions.hpp"

namespace myoscreen::detail {

// REDCap field facts the translation needs: which derived values have a calc
// field (so `[bmi]` may be used).
struct RedcapFields {
    std::vector<bool> calc;  // per derived value
};

// The branching logic of question `q`: true exactly when its ask_if is not
// false under myoscreen's three-valued logic, reading a blank field (an
// unticked checkbox: all its options 0) as unknown, so REDCap shows a field
// exactly when myoscreen would ask it. nullopt with the reason in `why`
// when REDCap's logic cannot say it; an empty string when there is no ask_if.
std::optional<std::string> redcap_branching(const Definitions& d, const Question& q, const RedcapFields& f, std::string& why);

// The calc expression of a numeric derived value (arithmetic over numeric
// questions and derived values that have calc fields), or nullopt with why.
std::optional<std::string> redcap_calc(const Definitions& d, const Derived& v, const RedcapFields& f, std::string& why);

// A number as REDCap logic and the dictionary write it: shortest round trip.
std::string redcap_number(double v);

}  // namespace myoscreen::detail
