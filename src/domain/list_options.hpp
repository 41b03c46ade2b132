// Sorting and keyset ("cursor") paging shared by every list query.
#pragma once

#include <cstdint>
#include <optional>

#include "base/ids.hpp"

namespace pipecrm::domain {

enum class SortField { kId, kAddTime, kUpdateTime, kOrderNr };

/// The position after which the next page starts: the sort key of the last row, and its id.
struct Cursor {
    std::int64_t key = 0;
    Id id = 0;
};

struct ListOptions {
    SortField sort = SortField::kId;
    bool descending = false;
    std::optional<Cursor> after;
    int limit = 100;  ///< repositories return up to limit + 1 rows so callers can see "more"
    int offset = 0;   ///< rows to skip (v1's offset paging; v2 uses `after`)
};

}  // namespace pipecrm::domain
