// Name-based UUIDs (RFC 4122 version 5, SHA-1) for the ids of FHIR
// resources, so the same input always gives the same ids and bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace myoscreen::detail {

using Uuid = std::array<std::uint8_t, 16>;

// RFC 4122 appendix C: the namespace of URLs.
inline constexpr Uuid uuid_namespace_url = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

// SHA-1 of `data` (FIPS 180-4).
std::array<std::uint8_t, 20> sha1(std::string_view data);

// The version 5 UUID of `name` in namespace `ns`.
Uuid uuid_v5(const Uuid& ns, std::string_view name);

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lower-case hex.
std::string to_string(const Uuid& u);

}  // namespace myoscreen::detail
