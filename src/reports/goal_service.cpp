#include "reports/goal_service.hpp"

#include <algorithm>

#include "base/money.hpp"

namespace pipecrm::reports {

Result<domain::Goal> AddGoal(domain::Repositories& repos,
                             const domain::Actor& actor,
                             const GoalInput& input,
                             Instant now) {
    domain::Goal goal;
    goal.workspace_id = actor.workspace_id;
    goal.add_time = now;
    const auto assignee = domain::ParseGoalAssignee(input.assignee_type);
    if (!assignee) {
        return InvalidArgument("assignee_type must be user, team or workspace", "assignee_type");
    }
    goal.assignee = *assignee;
    if (goal.assignee == domain::GoalAssignee::kWorkspace) {
        if (input.assignee_id) {
            return InvalidArgument("a workspace goal has no assignee_id", "assignee_id");
        }
    } else if (!input.assignee_id) {
        return InvalidArgument("assignee_id is required for a user or team goal", "assignee_id");
    } else if (goal.assignee == domain::GoalAssignee::kUser) {
        auto user = repos.Users().Get(actor.workspace_id, *input.assignee_id);
        if (!user.ok()) {
            return InvalidArgument("no user " + std::to_string(*input.assignee_id), "assignee_id");
        }
    } else {
        auto teams = repos.Teams().List(actor.workspace_id);
        if (!teams.ok()) {
            return teams.status();
        }
        if (std::none_of(teams->begin(), teams->end(),
                         [&](const domain::Team& t) { return t.id == *input.assignee_id; })) {
            return InvalidArgument("no team " + std::to_string(*input.assignee_id), "assignee_id");
        }
    }
    goal.assignee_id = input.assignee_id;
    const auto metric = domain::ParseGoalMetric(input.metric);
    if (!metric) {
        return InvalidArgument("metric must be won_value, deals_won or activities_done", "metric");
    }
    goal.metric = *metric;
    auto workspace = repos.Workspaces().Get(actor.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    const std::string units =
        goal.metric == domain::GoalMetric::kWonValue ? workspace->default_currency : "JPY";
    auto target = ParseAmount(input.target, units);  // JPY: whole numbers only
    if (!target.ok() || *target <= 0) {
        return InvalidArgument(goal.metric == domain::GoalMetric::kWonValue
                                   ? "target must be a positive amount in " + units
                                   : "target must be a positive whole number",
                               "target");
    }
    goal.target = *target;
    const auto period = domain::ParseGoalPeriod(input.period);
    if (!period) {
        return InvalidArgument("period must be month, quarter or year", "period");
    }
    goal.period = *period;
    if (!input.start_date) {
        return InvalidArgument("start_date is required (YYYY-MM-DD)", "start_date");
    }
    goal.start_date = *input.start_date;
    if (input.pipeline_id) {
        auto pipeline = repos.Pipelines().Get(actor.workspace_id, *input.pipeline_id);
        if (!pipeline.ok() || pipeline->is_deleted) {
            return InvalidArgument("no pipeline " + std::to_string(*input.pipeline_id),
                                   "pipeline_id");
        }
    }
    goal.pipeline_id = input.pipeline_id;
    auto id = repos.Reports().AddGoal(goal);
    if (!id.ok()) {
        return id.status();
    }
    goal.id = *id;
    return goal;
}

}  // namespace pipecrm::reports
