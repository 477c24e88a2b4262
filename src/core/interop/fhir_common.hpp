// What the FHIR writers share: a question's ask_if as a syntax tree again,
// FHIR names of our units, and numbers written as FHIR and FHIRPath want.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "expr/expr_ast.hpp"
#include "myoscreen/definitions.hpp"

namespace myoscreen::interop {

// The ask_if of question `q` parsed again from its text (the definitions
// keep the compiled program, which has lost the tree's shape). It parsed at
// load, so it parses now; an empty tree (root -1) means no ask_if.
detail::Ast ask_if_ast(const Question& q);

// The question an identifier names (ask_if reads questions only), or null.
const Question* question_named(const Definitions& d, std::string_view id);

// UCUM code and display of a unit: years → a, minutes → min, ...
std::string_view ucum_code(Unit u);
std::string_view unit_display(Unit u);

// A number without an exponent (FHIRPath has no exponent notation), the
// shortest text that reads back as the same double.
std::string plain_number(double v);

// A FHIRPath string literal: quoted, with \ and ' escaped.
std::string fhirpath_string(std::string_view s);

// Whether a double is a whole number a FHIR integer holds (32 bits).
bool fhir_integer(double v);

}  // namespace myoscreen::interop
