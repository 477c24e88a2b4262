// Build step: checks data/definitions.json in full and writes a C++ source
// holding its text (for `rules show` and `rules check`) and a snapshot of the
// compiled model (what every other command loads: no JSON parsing at start).
// usage: embed_definitions INPUT.json OUTPUT.cpp
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "myoscreen/definitions.hpp"
#include "myoscreen/diagnostic.hpp"
#include "snapshot/snapshot.hpp"

namespace {

void array(std::string& out, const char* name, std::string_view bytes) {
    out += "constexpr unsigned char ";
    out += name;
    out += "[] = {";
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i % 16 == 0) out += '\n';
        const auto b = static_cast<unsigned char>(bytes[i]);
        out += "0x";
        out += hex[b >> 4];
        out += hex[b & 15];
        out += ',';
    }
    out += "0x00};\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: embed_definitions INPUT.json OUTPUT.cpp\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        std::fprintf(stderr, "embed_definitions: cannot read %s\n", argv[1]);
        return 1;
    }
    std::string snapshot;
    try {
        snapshot = myoscreen::detail::write_snapshot(myoscreen::load_definitions(text, argv[1], /*trusted=*/false));
    } catch (const myoscreen::DefinitionsError& e) {
        for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s", myoscreen::format_diagnostic(d).c_str());
        return 1;
    }
    std::string out = "// Generated from data/definitions.json by src/tools/embed_definitions.cpp; do not edit.\n"
                      "#include <string_view>\nnamespace myoscreen {\nnamespace {\n";
    array(out, "json_bytes", text);
    array(out, "snapshot_bytes", snapshot);
    out += "}  // namespace\n"
           "std::string_view embedded_definitions() { return {reinterpret_cast<const char*>(json_bytes), " +
           std::to_string(text.size()) +
           "}; }\n"
           "namespace detail {\n"
           "std::string_view embedded_snapshot() { return {reinterpret_cast<const char*>(snapshot_bytes), " +
           std::to_string(snapshot.size()) + "}; }\n}  // namespace detail\n}  // namespace myoscreen\n";
    std::ofstream f(argv[2], std::ios::binary | std::ios::trunc);
    f << out;
    f.close();
    if (!f) {
        std::fprintf(stderr, "embed_definitions: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
