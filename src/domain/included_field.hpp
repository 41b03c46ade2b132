// One optional field of a v2 record asked for with `include_fields`, and its value.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "base/time.hpp"

namespace pipecrm::domain {

/// null (a field PipeCRM has no feature for, or an id that does not exist), a count or id, or
/// a time.
using IncludedValue = std::variant<std::monostate, std::int64_t, Instant>;

struct IncludedField {
    std::string_view name;  ///< points into the static catalog (IncludeFieldNames)
    IncludedValue value;
};

}  // namespace pipecrm::domain
