// The embedded definitions, from their build-time snapshot. Built into the
// myoscreen_embedded library with the generated source, not into the core:
// the tool that makes the snapshot links the core.
#include "snapshot/snapshot.hpp"

namespace myoscreen {

Definitions load_embedded_definitions() {
    if (auto d = detail::read_snapshot(detail::embedded_snapshot())) return std::move(*d);
    return load_definitions(embedded_definitions(), "<embedded definitions>", /*trusted=*/true);
}

}  // namespace myoscreen
