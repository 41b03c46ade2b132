// Activity use cases over the storage ports.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/activity.hpp"
#include "domain/actor.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Empty fields stay as they are; an inner empty optional clears the field.
struct ActivityChange {
    std::optional<std::string> subject;
    std::optional<std::string> type;  ///< an activity type's key_string
    std::optional<Id> owner_id;
    std::optional<OptionalId> deal_id;
    std::optional<OptionalId> person_id;
    std::optional<OptionalId> org_id;
    std::optional<std::optional<Date>> due_date;
    std::optional<std::optional<int>> due_time_minutes;  ///< minutes after midnight
    std::optional<std::optional<int>> duration_minutes;
    std::optional<bool> done;
    std::optional<std::string> note;
    std::optional<Visibility> visible_to;
};

/// Creates an activity. The type defaults to "task" and must be one of the workspace's types
/// (kInvalidArgument "type"); the subject defaults to the type's name; the owner to the actor.
/// Marking it done records marked_as_done_time.
Result<Activity> CreateActivity(Repositories& repos,
                                const Actor& actor,
                                const ActivityChange& change,
                                Instant now);
Result<Activity> UpdateActivity(Repositories& repos,
                                const Actor& actor,
                                Id activity_id,
                                const ActivityChange& change,
                                Instant now);
Result<Activity> DeleteActivity(Repositories& repos,
                                const Actor& actor,
                                Id activity_id,
                                Instant now);
/// A live activity or kNotFound.
Result<Activity> GetLiveActivity(Repositories& repos, Id workspace_id, Id activity_id);

}  // namespace pipecrm::domain
