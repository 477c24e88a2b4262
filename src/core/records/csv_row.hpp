// The start every CSV row shares, whichever header it has (ours or a
// REDCap export): the id, the field count, the answers cleared.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "myoscreen/records.hpp"

namespace myoscreen::detail {

// False (with the error) when the row does not have the header's fields.
inline bool begin_csv_row(const CsvLayout& layout, const std::vector<std::string_view>& fields, Answers& out, std::string& id,
                          std::vector<AnswerError>& errors) {
    errors.clear();
    if (layout.id_index >= 0 && static_cast<std::size_t>(layout.id_index) < fields.size()) id = fields[layout.id_index];
    if (fields.size() != layout.columns.size()) {
        errors.push_back({"", fmt::format("the row has {} fields but the header has {}", fields.size(), layout.columns.size()), Refusal::bad_row});
        return false;
    }
    std::fill(out.values.begin(), out.values.end(), Answer{});
    return true;
}

}  // namespace myoscreen::detail
