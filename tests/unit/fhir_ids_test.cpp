// SHA-1 (libmd) and name-based UUIDs against published test vectors.
#include <catch2/catch.hpp>

#include <string>

#include "fhir_ids.hpp"

using namespace myoscreen::detail;

namespace {
std::string hex(const std::array<std::uint8_t, 20>& h) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string s;
    for (auto b : h) {
        s += digits[b >> 4];
        s += digits[b & 0x0F];
    }
    return s;
}
}  // namespace

TEST_CASE("SHA-1: the FIPS 180 test vectors") {
    CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("UUID v5: as RFC 4122 and Python's uuid.uuid5 make them") {
    // uuid.NAMESPACE_DNS
    const Uuid dns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    CHECK(to_string(uuid_v5(dns, "python.org")) == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK(to_string(uuid_v5(uuid_namespace_url, "http://myoscreen.invalid/fhir/Questionnaire/myoscreen-default")) ==
          "cdf48bc0-7157-5663-86ed-faa32383a188");
    CHECK(to_string(uuid_v5(uuid_namespace_url, "")) == "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
}

TEST_CASE("UUID v5: version and variant bits, and different names differ") {
    const Uuid a = uuid_v5(uuid_namespace_url, "a"), b = uuid_v5(uuid_namespace_url, "b");
    CHECK(a != b);
    for (const Uuid& u : {a, b}) {
        CHECK((u[6] >> 4) == 5);
        CHECK((u[8] & 0xC0) == 0x80);
        CHECK(to_string(u).size() == 36);
    }
}
