// The out-of-line half of trim(): text that does have surrounding spaces.
#include "ascii.hpp"

namespace myoscreen::detail {

std::string_view trim_slow(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace myoscreen::detail
