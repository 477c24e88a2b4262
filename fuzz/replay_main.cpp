// A main() for a fuzz target outside libFuzzer: feeds it every file named
// on the command line (directories: every file in them). ctest runs each
// target over its seed corpus this way, in every build, so the targets keep
// compiling and their seeds keep passing (under ASan and UBSan too).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int run(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", p.c_str());
        return 1;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int failed = 0, inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            for (const auto& e : std::filesystem::directory_iterator(arg))
                if (e.is_regular_file()) failed += run(e.path()), ++inputs;
        } else {
            failed += run(arg), ++inputs;
        }
    }
    std::printf("%d inputs replayed, %d unreadable\n", inputs, failed);
    return failed == 0 && inputs > 0 ? 0 : 1;
}
