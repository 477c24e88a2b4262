// IdIndex (id → index at load) and same_bytes, its comparison, against plain lookups.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "myoscreen/detail/id_index.hpp"

using myoscreen::IdIndex;
using myoscreen::same_bytes;

TEST_CASE("same_bytes agrees with memcmp at every length and difference position") {
    // Word-wise with an overlapping last word: every length from 0 to 40,
    // a difference at every position, must still be found.
    for (std::size_t n = 0; n <= 40; ++n) {
        const std::string a(n, 'x');
        CHECK(same_bytes(a.data(), a.data(), n));
        for (std::size_t at = 0; at < n; ++at) {
            std::string b = a;
            b[at] = 'y';
            INFO("length " << n << ", difference at " << at);
            CHECK_FALSE(same_bytes(a.data(), b.data(), n));
            CHECK(same_bytes(a.data(), b.data(), at));  // the equal prefix
        }
    }
}

TEST_CASE("IdIndex finds every id and nothing else") {
    IdIndex index;
    const char* ids[] = {"age", "sex", "sarcf_lift", "mnasf_weight_loss_3mo", "adam_1", "adam_10", "a"};
    int v = 0;
    for (const char* id : ids) index.add(id, v++);
    v = 0;
    for (const char* id : ids) CHECK(index.find(id) == v++);
    CHECK(index.find("adam_2") == -1);
    CHECK(index.find("") == -1);
    CHECK(index.find("ag") == -1);
    CHECK(index.find("mnasf_weight_loss_3mx") == -1);
}

TEST_CASE("IdIndex tells apart ids that differ in one byte anywhere, at every length") {
    // Packed keys hold the first and last 8 bytes; longer ids compare their
    // middle too, and short ones are read without going past their end.
    IdIndex index;
    std::vector<std::string> ids;
    for (std::size_t n = 1; n <= 40; ++n) ids.emplace_back(n, 'a');
    for (std::size_t n = 1; n <= 40; ++n) {
        std::string v(n, 'a');
        v[n / 2] = 'b';  // the middle byte differs from the all-'a' id of the same length
        ids.push_back(v);
    }
    for (std::size_t i = 0; i < ids.size(); ++i) index.add(ids[i], static_cast<int>(i));
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(index.find(ids[i]) == static_cast<int>(i));
    for (std::size_t n = 1; n <= 40; ++n) {
        std::string v(n, 'a');
        v[n - 1] = 'c';
        if (n > 1) CHECK(index.find(v) == -1);
        v = std::string(n, 'a');
        v[0] = 'z';
        CHECK(index.find(v) == -1);
    }
}
