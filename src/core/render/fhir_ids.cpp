// Name-based UUIDs (version 5) over libmd's SHA-1.
#include "fhir_ids.hpp"

#include <sha1.h>

namespace myoscreen::detail {

std::array<std::uint8_t, 20> sha1(std::string_view data) {
    SHA1_CTX ctx;
    SHA1Init(&ctx);
    SHA1Update(&ctx, reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    std::array<std::uint8_t, 20> out{};
    SHA1Final(out.data(), &ctx);
    return out;
}

Uuid uuid_v5(const Uuid& ns, std::string_view name) {
    SHA1_CTX ctx;
    SHA1Init(&ctx);
    SHA1Update(&ctx, ns.data(), ns.size());
    SHA1Update(&ctx, reinterpret_cast<const std::uint8_t*>(name.data()), name.size());
    std::array<std::uint8_t, 20> h{};
    SHA1Final(h.data(), &ctx);
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
