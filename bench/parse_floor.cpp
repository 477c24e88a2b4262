// The parse-only floor for bench/run: reads JSON Lines with simdjson (the
// fastest JSON parser we have) or CSV with a plain RFC 4180 field splitter,
// touches every field, and prints the record count. What reading the input
// costs at minimum, before any screening.
#include <cstdio>
#include <cstring>
#include <string>

#include <simdjson.h>

namespace {

// Line by line, as myoscreen reads JSON Lines, so one broken line costs that
// line only (parse_many would drop the rest of its batch).
std::size_t jsonl(const char* path) {
    simdjson::dom::parser parser;
    simdjson::padded_string data;
    if (simdjson::padded_string::load(path).get(data)) return 0;
    const std::string_view all(data.data(), data.size());
    std::size_t n = 0, fields = 0, pos = 0;
    while (pos < all.size()) {
        std::size_t end = all.find('\n', pos);
        if (end == std::string_view::npos) end = all.size();
        simdjson::dom::element doc;
        // Bytes after the line are readable (padded string): no copy needed.
        if (!parser.parse(all.data() + pos, end - pos, false).get(doc)) {
            simdjson::dom::object obj;
            if (!doc.get_object().get(obj))
                for (auto kv : obj) fields += kv.key.size() > 0;
        }
        ++n;
        pos = end + 1;
    }
    std::fprintf(stderr, "fields: %zu\n", fields);
    return n;
}

std::size_t csv(const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return 0;
    static char buf[1 << 20];
    std::size_t n = 0, fields = 0, len;
    bool quoted = false;
    while ((len = std::fread(buf, 1, sizeof buf, f)) > 0) {
        for (std::size_t i = 0; i < len; ++i) {
            const char c = buf[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') ++fields;
            else if (!quoted && c == '\n') ++n;
        }
    }
    std::fclose(f);
    std::fprintf(stderr, "fields: %zu\n", fields);
    return n > 0 ? n - 1 : 0;  // minus the header
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::strcmp(argv[1], "--jsonl") != 0 && std::strcmp(argv[1], "--csv") != 0)) {
        std::fprintf(stderr, "usage: parse_floor --jsonl FILE | --csv FILE\n");
        return 2;
    }
    const std::size_t n = std::strcmp(argv[1], "--jsonl") == 0 ? jsonl(argv[2]) : csv(argv[2]);
    std::printf("%zu\n", n);
    return 0;
}
