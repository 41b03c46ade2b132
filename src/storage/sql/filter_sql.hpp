// Saved filters compiled to SQL: a condition over one table's columns with every value bound
// as a parameter. Column names come only from the fixed tables in filter_sql.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.hpp"
#include "domain/filter.hpp"

namespace pipecrm::storage::sql {

using SqlValue = std::variant<std::int64_t, double, std::string>;

/// A boolean SQL expression with one positional `?` per value, in order.
struct SqlCondition {
    std::string sql;  ///< empty when the filter has no conditions (matches every row)
    std::vector<SqlValue> values;
};

/// Compiles conditions checked by domain::ValidateFilterConditions into a condition on the
/// table of `type` (deals, persons, organizations, products, activities). kInvalidArgument
/// naming "filter_id" for a field or value this compiler does not know.
Result<SqlCondition> CompileFilter(domain::FilterType type,
                                   const domain::FilterConditions& conditions);

/// The text with LIKE's own characters (%, _ and \) escaped for ESCAPE '\'.
std::string EscapeLike(std::string_view text);

}  // namespace pipecrm::storage::sql
