// SHA-1 and name-based UUIDs against published test vectors.
#include <catch2/catch.hpp>

#include <string>

#include "render/fhir_ids.hpp"

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

TEST_CASE("SHA-1: every length around the padding boundaries, as Python's hashlib") {
    const auto text = [](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
        return s;
    };
    CHECK(hex(sha1(text(55))) == "a617d006d1ca12671785098a19a87fe58443bde9");
    CHECK(hex(sha1(text(56))) == "4ad5bb7ae3c4024768d364b77c52128ea3cffebe");
    CHECK(hex(sha1(text(57))) == "e1b3b34da0f7b299090824d9aa81fff6711a79ad");
    CHECK(hex(sha1(text(63))) == "fc8a5ab77259625085ead3ec96515b3b8d933fad");
    CHECK(hex(sha1(text(64))) == "93249d4c2f8903ebf41ac358473148ae6ddd7042");
    CHECK(hex(sha1(text(65))) == "cf2a63cc308225cf07b498d2309a01dd0df52f67");
    CHECK(hex(sha1(text(119))) == "edd0f1133d0e4ca5f3e98bb7e0295f31d20d2cdb");
    CHECK(hex(sha1(text(120))) == "23a58eee587aa1f50d19a969ab36a3fe3e88c393");
    CHECK(hex(sha1(text(128))) == "3698f9beb7cdf5b1e1ce786672fb234143d4df89");
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
