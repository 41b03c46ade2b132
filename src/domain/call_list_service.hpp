// Call list use cases over the storage ports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/activity.hpp"
#include "domain/actor.hpp"
#include "domain/call_list.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// At most this many records go into one call list.
inline constexpr int kMaxCallListRecords = 2000;

struct CallListRequest {
    std::string name;
    Id filter_id = 0;          ///< a saved filter of deals (open ones are called) or persons
    std::vector<Id> user_ids;  ///< the reps, in order
    CallStrategy strategy = CallStrategy::kRoundRobin;
    std::optional<Date> start_date;  ///< default today
    int per_day = 20;                ///< calls per rep per working day
    std::string subject = "Call";    ///< each call's subject: "<subject>: <deal or person>"
};

struct CreatedCallList {
    CallList list;
    std::vector<CallListItem> items;
    std::vector<Activity> activities;  ///< the item's activity, in the order of `items`
};

/// Creates one call activity per record of the segment for the chosen reps and records the
/// list. kInvalidArgument naming the field: unknown filter or one of another type (filter_id),
/// no reps or an unknown or disabled rep (user_ids), per_day outside 1..500, more than
/// kMaxCallListRecords records.
Result<CreatedCallList> CreateCallList(Repositories& repos,
                                       const Actor& actor,
                                       const CallListRequest& request,
                                       Instant now);

/// A rep's calls of a list in order, each with its activity (done or not).
struct CallListCalls {
    CallList list;
    std::vector<CallListItem> items;
    std::vector<Activity> activities;
};

/// kNotFound for no such list.
Result<CallListCalls> GetCallListCalls(Repositories& repos,
                                       Id workspace_id,
                                       Id call_list_id,
                                       OptionalId user_id);

}  // namespace pipecrm::domain
