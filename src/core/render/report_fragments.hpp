// Pieces of the JSON report that both JSON renderers write: one rule's
// evidence and one red flag's reason (render_json.cpp writes them).
#pragma once

#include <string>

#include "myoscreen/definitions.hpp"

namespace myoscreen::detail {

std::string compact_evidence(const Definitions& defs, const Rule& rule);
std::string compact_reason(const Definitions& defs, const RedFlag& flag);

}  // namespace myoscreen::detail
