// Segments are saved filters (domain/filter.hpp); this port counts the records one matches.
#pragma once

#include <cstdint>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/filter.hpp"

namespace pipecrm::domain {

class SegmentRepository {
  public:
    virtual ~SegmentRepository() = default;
    /// How many live records of the filter type's table (deals not deleted, persons,
    /// organizations, products, activities) the conditions match, as the current viewer sees
    /// them. kInvalidArgument("filter_id") for conditions storage cannot compile.
    virtual Result<std::int64_t> Count(Id workspace_id,
                                       FilterType type,
                                       const FilterConditions& conditions) = 0;
};

}  // namespace pipecrm::domain
