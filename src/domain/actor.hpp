// Who is making a change: the signed-in user and their workspace (user_id 0: the operator at
// the command line).
#pragma once

#include <string>

#include "base/ids.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

struct Actor {
    Id workspace_id = 0;
    Id user_id = 0;
    std::string default_currency = "VND";
    Visibility default_visibility = Visibility::kEveryone;  ///< the workspace's, for new records
    std::string remote_address = {};  ///< the client's address for a change made over HTTP
    int automation_depth = 0;         ///< > 0 when an automation rule's run makes the change
};

}  // namespace pipecrm::domain
