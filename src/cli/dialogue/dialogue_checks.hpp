// The dialogue's plausibility checks (docs/rules.md: Plausibility checks): when a check turns
// true after an answer, say why and ask the person to confirm or correct the
// answers it names, offering its unit alternative ("Did you mean 180 lb
// (81.6 kg)?") when the answer was typed as a bare number.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "myoscreen/session.hpp"

namespace myoscreen::cli {

// The dialogue's terminal, as the checks use it.
struct CheckTerminal {
    std::function<void(std::string_view)> print;
    std::function<std::optional<std::string>(const std::string& prompt)> read_line;  // nullopt: Ctrl-D
    std::function<std::string(std::string_view lead, std::string_view text, std::string_view indent)> wrap;
    std::function<std::string(std::string_view)> bold, dim;
};

// Asks about every check that has turned true since it was last false
// (`raised` remembers, one flag per check, so a confirmed check is not
// asked again while it stays true). Corrections go into `session`. Returns
// false when the person ended the dialogue (Ctrl-D) meanwhile.
bool confirm_checks(const Definitions& defs, Session& session, std::vector<bool>& raised, const CheckTerminal& term);

}  // namespace myoscreen::cli
