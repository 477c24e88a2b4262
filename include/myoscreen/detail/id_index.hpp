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

// Up to 8 bytes of `p` as a little word, without reading past p + n (n <= 8).
inline std::uint64_t load_short(const char* p, std::size_t n) noexcept {
    const auto b = [p](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    if (n >= 4) {  // two overlapping 4-byte reads; the shared bytes agree
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return std::uint64_t{lo} | std::uint64_t{hi} << (8 * (n - 4));
    }
    if (n == 0) return 0;
    return b(0) | b(n / 2) << (8 * (n / 2)) | b(n - 1) << (8 * (n - 1));
}

// Ids to indices, for every key of every batch record: open addressing with
// each key kept in its slot as its length and its first and last 8 bytes
// (all of an id up to 16 bytes), so a lookup is a hash, one slot read and two
// word compares, with no branch that depends on which key comes next.
class IdIndex {
public:
    void add(std::string_view id, int value) {
        keys_.emplace_back(id);
        values_.push_back(value);
        rebuild();
    }
    // The value for `id`, or -1.
    int find(std::string_view id) const noexcept {
        if (slots_.empty()) return -1;
        const Packed k = pack(id);
        for (std::uint64_t h = hash(k);; ++h) {
            const Slot& s = slots_[h & mask_];
            if (s.value < 0) return -1;
            if (s.key.size == k.size && s.key.head == k.head && s.key.tail == k.tail &&
                (k.size <= 16 || same_bytes(keys_[s.entry].data() + 8, id.data() + 8, k.size - 16)))
                return s.value;
        }
    }
    bool empty() const noexcept { return keys_.empty(); }

private:
    struct Packed {
        std::uint64_t head = 0, tail = 0;
        std::size_t size = 0;
    };
    struct Slot {
        Packed key;
        int value = -1;  // -1: empty
        int entry = 0;   // index into keys_, for ids longer than 16 bytes
    };
    std::vector<std::string> keys_;
    std::vector<int> values_;
    std::vector<Slot> slots_;
    std::uint64_t mask_ = 0;

    static Packed pack(std::string_view s) noexcept {
        Packed k;
        k.size = s.size();
        if (s.size() <= 8) {
            k.head = load_short(s.data(), s.size());
        } else {
            std::memcpy(&k.head, s.data(), 8);
            std::memcpy(&k.tail, s.data() + s.size() - 8, 8);
        }
        return k;
    }
    static std::uint64_t hash(const Packed& k) noexcept {
        const std::uint64_t h = (k.head * 0x9E3779B97F4A7C15ULL) ^ ((k.tail + k.size) * 0xC2B2AE3D27D4EB4FULL);
        return h ^ (h >> 29);
    }
    void rebuild() {
        std::size_t size = 16;
        while (size < keys_.size() * 4) size *= 2;  // load <= 1/4: short probes
        if (size == slots_.size()) return insert(keys_.size() - 1);
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        for (std::size_t e = 0; e < keys_.size(); ++e) insert(e);
    }
    void insert(std::size_t e) {
        const Packed k = pack(keys_[e]);
        std::uint64_t h = hash(k);
        while (slots_[h & mask_].value >= 0) ++h;
        slots_[h & mask_] = Slot{k, values_[e], static_cast<int>(e)};
    }
};

}  // namespace myoscreen
