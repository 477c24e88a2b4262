// One generic scorer for every instrument: items, points, bands, and the
// incomplete rule (score over known items; band only when already decided).
#pragma once

#include "myoscreen/definitions.hpp"
#include "myoscreen/report.hpp"

namespace myoscreen::detail {

// Scores `ins`, writes its item, score and band slots, returns the result.
InstrumentResult score_instrument(const Instrument& ins, const Definitions& defs, Value* slots, Value* stack);

}  // namespace myoscreen::detail
