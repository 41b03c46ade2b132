// A note: free text (HTML) attached to a deal, person or organization.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

struct Note {
    Id id = 0;
    Id workspace_id = 0;
    Id user_id = 0;
    std::string content;
    OptionalId deal_id;
    OptionalId person_id;
    OptionalId org_id;
    Visibility visible_to = Visibility::kEveryone;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
