// A team: users grouped under an optional manager, who sees the team's records.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Team {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    OptionalId manager_user_id;
    Instant add_time;
    Instant update_time;
};

/// One user's membership of one team.
struct TeamMembership {
    Id team_id = 0;
    Id user_id = 0;
};

}  // namespace pipecrm::domain
