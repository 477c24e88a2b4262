// Definitions loader: any bytes must load or give diagnostics, never crash.
#include <cstdint>
#include <string_view>

#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        myoscreen::load_definitions(text, "fuzz.json");
    } catch (const myoscreen::DefinitionsError& e) {
        for (const auto& d : e.diagnostics()) (void)myoscreen::format_diagnostic(d);
    }
    return 0;
}
