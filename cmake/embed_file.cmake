# Turns a file into a C++ source defining a std::string_view accessor, so the
# default definitions travel inside the binary. Usage:
#   cmake -DINPUT=in.json -DOUTPUT=out.cpp -DFUNCTION=ns::name -P embed_file.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Break the array into lines of 16 bytes to keep compilers and diffs happy.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n" bytes "${bytes}")
string(REGEX MATCH "^(.*)::([^:]+)$" _ "${FUNCTION}")
set(ns "${CMAKE_MATCH_1}")
set(fn "${CMAKE_MATCH_2}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_file.cmake; do not edit.
#include <string_view>
namespace ${ns} {
namespace {
constexpr unsigned char bytes[] = {
${bytes}0x00};
}  // namespace
std::string_view ${fn}() { return {reinterpret_cast<const char*>(bytes), ${size}}; }
}  // namespace ${ns}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
