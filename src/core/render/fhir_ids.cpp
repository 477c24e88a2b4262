// Name-based UUIDs (version 5) over SHA-1 (FIPS 180-4), written out here:
// linking libmd for it put one more library before libstdc++ in every
// symbol lookup at start-up (+85,000 instructions, 1.4%, for every command).
#include "render/fhir_ids.hpp"

#include <algorithm>
#include <cstring>

namespace myoscreen::detail {
namespace {

class Sha1 {
public:
    void update(const std::uint8_t* p, std::size_t n) {
        total_ += n;
        while (n > 0) {
            const std::size_t take = std::min(n, sizeof block_ - used_);
            std::memcpy(block_ + used_, p, take);
            used_ += take;
            p += take;
            n -= take;
            if (used_ == sizeof block_) {
                compress();
                used_ = 0;
            }
        }
    }
    std::array<std::uint8_t, 20> finish() {
        const std::uint64_t bits = total_ * 8;
        const std::uint8_t one = 0x80, zero = 0;
        update(&one, 1);
        while (used_ != 56) update(&zero, 1);
        std::uint8_t len[8];
        for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
        update(len, 8);
        std::array<std::uint8_t, 20> out{};
        for (std::size_t i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h_[i / 4] >> (24 - 8 * (i % 4)));
        return out;
    }

private:
    std::uint32_t h_[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::uint8_t block_[64]{};
    std::size_t used_ = 0;
    std::uint64_t total_ = 0;

    static std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
    void compress() {
        std::uint32_t w[80];
        for (int t = 0; t < 16; ++t)
            w[t] = std::uint32_t{block_[4 * t]} << 24 | std::uint32_t{block_[4 * t + 1]} << 16 | std::uint32_t{block_[4 * t + 2]} << 8 |
                   std::uint32_t{block_[4 * t + 3]};
        for (int t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
        for (int t = 0; t < 80; ++t) {
            std::uint32_t f, k;
            if (t < 20) f = (b & c) | (~b & d), k = 0x5A827999;
            else if (t < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
            else if (t < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
            else f = b ^ c ^ d, k = 0xCA62C1D6;
            const std::uint32_t tmp = rotl(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = rotl(b, 30);
            b = a;
            a = tmp;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
    }
};

}  // namespace

std::array<std::uint8_t, 20> sha1(std::string_view data) {
    Sha1 s;
    s.update(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    return s.finish();
}

Uuid uuid_v5(const Uuid& ns, std::string_view name) {
    Sha1 s;
    s.update(ns.data(), ns.size());
    s.update(reinterpret_cast<const std::uint8_t*>(name.data()), name.size());
    const std::array<std::uint8_t, 20> h = s.finish();
    Uuid u{};
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = h[i];
    u[6] = static_cast<std::uint8_t>((u[6] & 0x0F) | 0x50);  // version 5
    u[8] = static_cast<std::uint8_t>((u[8] & 0x3F) | 0x80);  // the RFC 4122 variant
    return u;
}

std::string to_string(const Uuid& u) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += hex[u[i] >> 4];
        s += hex[u[i] & 0x0F];
    }
    return s;
}

}  // namespace myoscreen::detail
