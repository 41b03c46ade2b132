// Call lists: a segment (saved filter of deals or persons) turned into call activities for
// chosen reps — round-robin or by least open load, due dates spread over working days — and
// each rep's calls in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class CallStrategy { kRoundRobin, kLeastOpen };

std::string_view CallStrategyName(CallStrategy strategy);
std::optional<CallStrategy> ParseCallStrategy(std::string_view text);

struct CallList {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    Id filter_id = 0;
    CallStrategy strategy = CallStrategy::kRoundRobin;
    Id created_by = 0;
    Instant add_time;
};

/// One call of a list, in a rep's order.
struct CallListItem {
    Id id = 0;
    Id call_list_id = 0;
    Id user_id = 0;
    int position = 0;  ///< 1, 2, ... within the rep's share
    Id activity_id = 0;
    OptionalId deal_id;
    OptionalId person_id;
};

/// A rep and the calls (open activities) already on their plate.
struct RepLoad {
    Id user_id = 0;
    std::int64_t open_activities = 0;
};

/// Where one record's call goes.
struct CallAssignment {
    std::size_t record = 0;  ///< index into the records
    Id user_id = 0;
    Date due_date;
    int position = 0;
};

/// Plans `record_count` calls over `reps` (in the order given): round-robin, or each call to
/// the rep with the fewest open activities counting those planned so far (ties: earlier rep).
/// Each rep gets at most `per_day` calls a day on working days (Monday to Friday) from
/// `start` (or the next working day). Records keep their order within each rep's share.
/// Pure; `reps` must not be empty and `per_day` must be positive.
std::vector<CallAssignment> PlanCalls(std::size_t record_count,
                                      const std::vector<RepLoad>& reps,
                                      CallStrategy strategy,
                                      Date start,
                                      int per_day);

/// The `index`-th working day (0: `start` itself when it is one).
Date NthWorkingDay(Date start, int index);

}  // namespace pipecrm::domain
