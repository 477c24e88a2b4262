// Report text already escaped as JSON string literals, keyed by the address
// of the model string's characters: a heap buffer keeps its address when the
// model is moved (a short string's does not, and is escaped as it goes,
// which is cheap). Looked up for every text of every report, so it is a flat
// open-addressing table (a multiply and a mask, no division).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace myoscreen {

class LiteralCache {
public:
    void add(const char* key, std::string literal) {
        entries_.push_back({key, std::move(literal)});
        rebuild();
    }
    // The literal for `key`, or nullptr when it has none.
    const std::string* find(const char* key) const noexcept {
        if (table_.empty()) return nullptr;
        for (std::size_t h = hash(key);; ++h) {
            const std::uint32_t k = table_[h & mask_];
            if (k == 0) return nullptr;
            if (entries_[k - 1].key == key) return &entries_[k - 1].literal;
        }
    }
    void clear() {
        entries_.clear();
        table_.clear();
    }

private:
    struct Entry {
        const char* key;
        std::string literal;
    };
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> table_;  // 1 + entry index; 0 = empty
    std::size_t mask_ = 0;

    static std::size_t hash(const char* p) noexcept {
        return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) >> 3) * 0x9E3779B97F4A7C15ULL >> 40);
    }
    void rebuild() {
        std::size_t size = 16;
        while (size < entries_.size() * 4) size *= 2;  // load ≤ 1/4: short probes
        if (size == table_.size()) {
            insert(entries_.size() - 1);
            return;
        }
        table_.assign(size, 0);
        mask_ = size - 1;
        for (std::size_t k = 0; k < entries_.size(); ++k) insert(k);
    }
    void insert(std::size_t k) {
        std::size_t h = hash(entries_[k].key);
        while (table_[h & mask_] != 0) ++h;
        table_[h & mask_] = static_cast<std::uint32_t>(k + 1);
    }
};

}  // namespace myoscreen
