// A reason a deal was lost, from the workspace's managed list (offered by the web app when a
// deal is marked lost; the deal keeps the text in lost_reason).
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct LostReason {
    Id id = 0;
    Id workspace_id = 0;
    std::string label;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
