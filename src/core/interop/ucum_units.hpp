// UCUM units of a QuestionnaireResponse's valueQuantity, converted to a
// question's base unit (mass, length and time; docs/interop.md lists them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "myoscreen/definitions.hpp"

namespace myoscreen::interop {

// The factor that turns an amount in UCUM unit `code` into question unit
// `base`, or nullopt when the code is not one we know for that dimension.
std::optional<double> ucum_factor(std::string_view code, Unit base);

// The UCUM codes accepted for `base`, for messages: "kg, g, [lb_av], ...".
std::string ucum_codes_for(Unit base);

}  // namespace myoscreen::interop
