// An activity: a call, meeting, task or other step planned or done, linked to a deal or contact.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

struct Activity {
    Id id = 0;
    Id workspace_id = 0;
    std::string subject;
    std::string type = "task";  ///< an activity type's key_string: call, meeting, task, ...
    Id owner_id = 0;
    Id creator_user_id = 0;
    OptionalId deal_id;
    OptionalId person_id;
    OptionalId org_id;
    std::optional<Date> due_date;
    std::optional<int> due_time_minutes;  ///< minutes after midnight, in the owner's zone
    std::optional<int> duration_minutes;
    bool done = false;
    std::optional<Instant> marked_as_done_time;
    std::string note;
    Visibility visible_to = Visibility::kEveryone;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

/// An activity type, identified by its key_string.
struct ActivityType {
    Id id = 0;
    Id workspace_id = 0;
    std::string key_string;
    std::string name;
    std::string icon_key;
    int order_nr = 0;
    bool is_custom = false;
};

}  // namespace pipecrm::domain
