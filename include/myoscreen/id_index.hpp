// A small, fast map from ids to indices (open addressing, a hash of a few
// words of the key): looked up for every key of every batch record.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace myoscreen {

// Equal bytes, compared inline a word at a time (the last word overlapping
// the one before): ids and codes are short, and a call to memcmp per key,
// or a byte loop for the tail, is most of what comparing them costs.
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    const auto word = [](const char* p) {
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        return x;
    };
    const auto half = [](const char* p) {
        std::uint32_t x;
        std::memcpy(&x, p, 4);
        return x;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (word(a + i) != word(b + i)) return false;
        return word(a + n - 8) == word(b + n - 8);
    }
    if (n >= 4) return half(a) == half(b) && half(a + n - 4) == half(b + n - 4);
    for (; n > 0; --n)
        if (*a++ != *b++) return false;
    return true;
}

class IdIndex {
public:
    void add(std::string_view id, int value) {
        keys_.emplace_back(id);
        values_.push_back(value);
        rebuild();
    }
    // The value for `id`, or -1.
    int find(std::string_view id) const noexcept {
        if (table_.empty()) return -1;
        for (std::uint64_t h = hash(id);; ++h) {
            const std::uint32_t k = table_[h & mask_];
            if (k == 0) return -1;
            const std::string& key = keys_[k - 1];
            if (key.size() == id.size() && same_bytes(key.data(), id.data(), id.size())) return values_[k - 1];
        }
    }
    bool empty() const noexcept { return keys_.empty(); }

private:
    std::vector<std::string> keys_;
    std::vector<int> values_;
    std::vector<std::uint32_t> table_;  // 1 + key index; 0 = empty
    std::uint64_t mask_ = 0;

    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t a = 0, b = 0;
        if (s.size() >= 8) {
            std::memcpy(&a, s.data(), 8);
            std::memcpy(&b, s.data() + s.size() - 8, 8);
        } else {
            std::memcpy(&a, s.data(), s.size());
        }
        std::uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ ((b + s.size()) * 0xC2B2AE3D27D4EB4FULL);
        return h ^ (h >> 29);
    }
    void rebuild() {
        std::size_t size = 16;
        while (size < keys_.size() * 4) size *= 2;  // load ≤ 1/4: short probes
        table_.assign(size, 0);
        mask_ = size - 1;
        for (std::size_t k = 0; k < keys_.size(); ++k) {
            std::uint64_t h = hash(keys_[k]);
            while (table_[h & mask_] != 0) ++h;
            table_[h & mask_] = static_cast<std::uint32_t>(k + 1);
        }
    }
};

}  // namespace myoscreen
