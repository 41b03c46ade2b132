// A goal: a target for a user, a team or the whole workspace, repeated every period.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class GoalAssignee { kUser, kTeam, kWorkspace };
enum class GoalMetric { kWonValue, kDealsWon, kActivitiesDone };
enum class GoalPeriod { kMonth, kQuarter, kYear };

std::string_view GoalAssigneeName(GoalAssignee assignee);
std::optional<GoalAssignee> ParseGoalAssignee(std::string_view text);
std::string_view GoalMetricName(GoalMetric metric);
std::optional<GoalMetric> ParseGoalMetric(std::string_view text);
std::string_view GoalPeriodName(GoalPeriod period);
std::optional<GoalPeriod> ParseGoalPeriod(std::string_view text);

struct Goal {
    Id id = 0;
    Id workspace_id = 0;
    GoalAssignee assignee = GoalAssignee::kWorkspace;
    OptionalId assignee_id;  ///< the user or team; empty for the workspace
    GoalMetric metric = GoalMetric::kWonValue;
    std::int64_t target = 0;  ///< minor units of the base currency for kWonValue, else a count
    GoalPeriod period = GoalPeriod::kMonth;
    Date start_date;  ///< the first period's first day
    OptionalId pipeline_id;
    Instant add_time;
    bool is_deleted = false;
};

}  // namespace pipecrm::domain
