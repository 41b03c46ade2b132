#include "domain/goal.hpp"

#include <array>
#include <utility>

namespace pipecrm::domain {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& names,
                          std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view Name(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return {};
}

constexpr std::array<std::pair<GoalAssignee, std::string_view>, 3> kAssignees{{
    {GoalAssignee::kUser, "user"},
    {GoalAssignee::kTeam, "team"},
    {GoalAssignee::kWorkspace, "workspace"},
}};
constexpr std::array<std::pair<GoalMetric, std::string_view>, 3> kMetrics{{
    {GoalMetric::kWonValue, "won_value"},
    {GoalMetric::kDealsWon, "deals_won"},
    {GoalMetric::kActivitiesDone, "activities_done"},
}};
constexpr std::array<std::pair<GoalPeriod, std::string_view>, 3> kPeriods{{
    {GoalPeriod::kMonth, "month"},
    {GoalPeriod::kQuarter, "quarter"},
    {GoalPeriod::kYear, "year"},
}};

}  // namespace

std::string_view GoalAssigneeName(GoalAssignee assignee) {
    return Name(kAssignees, assignee);
}
std::optional<GoalAssignee> ParseGoalAssignee(std::string_view text) {
    return Parse(kAssignees, text);
}
std::string_view GoalMetricName(GoalMetric metric) {
    return Name(kMetrics, metric);
}
std::optional<GoalMetric> ParseGoalMetric(std::string_view text) {
    return Parse(kMetrics, text);
}
std::string_view GoalPeriodName(GoalPeriod period) {
    return Name(kPeriods, period);
}
std::optional<GoalPeriod> ParseGoalPeriod(std::string_view text) {
    return Parse(kPeriods, text);
}

}  // namespace pipecrm::domain
