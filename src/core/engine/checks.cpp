// Plausibility checks beyond screen_into(): a check's message with derived
// numbers filled in, and whether a check's unit alternative would make the
// answers plausible. Pure, like the rest of the engine.
#include <fmt/format.h>

#include "expr/evaluator.hpp"
#include "myoscreen/screen.hpp"

namespace myoscreen {

std::string check_message(const Definitions& defs, const Report& report, int check) {
    const std::string& m = defs.checks[static_cast<std::size_t>(check)].message;
    std::string out;
    std::size_t from = 0;
    // The loader made sure every {id} names a numeric derived value.
    for (std::size_t at = m.find('{'); at != std::string::npos; at = m.find('{', from)) {
        const std::size_t end = m.find('}', at);
        if (end == std::string::npos) break;
        out.append(m, from, at - from);
        const std::string_view id(m.data() + at + 1, end - at - 1);
        std::string value = "unknown";
        for (std::size_t d = 0; d < defs.derived.size() && d < report.derived.size(); ++d)
            if (defs.derived[d].id == id && report.derived[d].known()) value = fmt::format("{:.1f}", report.derived[d].num);
        out += value;
        from = end + 1;
    }
    out.append(m, from, std::string::npos);
    return out;
}

bool check_alternative_holds(const Definitions& defs, const Answers& answers, int check) {
    const Check& c = defs.checks[static_cast<std::size_t>(check)];
    if (c.alternative.question < 0 || c.alternative.when.empty()) return false;
    Report r;
    ScreenScratch scratch;
    screen_into(defs, answers, {}, r, scratch);
    return evaluate(c.alternative.when, scratch.slots.data(), scratch.stack.data()).is_true();
}

}  // namespace myoscreen
