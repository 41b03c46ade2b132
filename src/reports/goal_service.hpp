// Adding, listing and deleting goals (admins only, checked at the edges).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/goal.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::reports {

/// A goal as it arrives: names as text, the target as decimal text (money for won_value, in
/// the base currency; a whole number otherwise).
struct GoalInput {
    std::string assignee_type;  ///< user, team or workspace
    OptionalId assignee_id;
    std::string metric;  ///< won_value, deals_won or activities_done
    std::string target;
    std::string period;  ///< month, quarter or year
    std::optional<Date> start_date;
    OptionalId pipeline_id;
};

/// kInvalidArgument naming the field: assignee_type, assignee_id (missing, unknown user or
/// team, or given for the workspace), metric, target (not a positive amount or count), period,
/// start_date, pipeline_id (unknown).
Result<domain::Goal> AddGoal(domain::Repositories& repos,
                             const domain::Actor& actor,
                             const GoalInput& input,
                             Instant now);

}  // namespace pipecrm::reports
