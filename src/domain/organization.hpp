// An organization: a company that persons work for and deals are made with.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"

namespace pipecrm::domain {

struct Organization {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    Id owner_id = 0;
    std::string address;
    Visibility visible_to = Visibility::kEveryone;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
