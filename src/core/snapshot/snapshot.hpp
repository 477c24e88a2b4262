// A compiled Definitions as bytes, read back without parsing JSON or
// compiling expressions. The build snapshots data/definitions.json once
// (src/tools/embed_definitions.cpp), so start-up only copies the model into
// place: loading the JSON was most of the start-up time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "myoscreen/definitions.hpp"

namespace myoscreen::detail {

std::string write_snapshot(const Definitions& defs);

// The definitions, or nullopt when `bytes` are not a complete snapshot of
// this build's format (then the caller parses the JSON instead).
std::optional<Definitions> read_snapshot(std::string_view bytes);

// The snapshot of the embedded definitions (generated at build time).
std::string_view embedded_snapshot();

}  // namespace myoscreen::detail
