// Saved-filter use cases over the storage ports, and applying a saved filter to a list query.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/filter.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Empty fields stay as they are. `type` is only read on create.
struct FilterChange {
    std::optional<std::string> name;
    std::optional<FilterType> type;
    std::optional<FilterConditions> conditions;
};

/// Creates a filter owned by the actor. name, type and conditions are required; the
/// conditions are validated (ValidateFilterConditions). kInvalidArgument naming the field;
/// nothing is written on error.
Result<Filter> CreateFilter(Repositories& repos,
                            const Actor& actor,
                            const FilterChange& change,
                            Instant now);
/// Renames it and/or replaces its conditions. kNotFound for an unknown or deleted filter.
Result<Filter> UpdateFilter(
    Repositories& repos, const Actor& actor, Id filter_id, const FilterChange& change, Instant now);
Result<Filter> DeleteFilter(Repositories& repos, const Actor& actor, Id filter_id, Instant now);
/// A live filter or kNotFound.
Result<Filter> GetLiveFilter(Repositories& repos, Id workspace_id, Id filter_id);

/// The conditions of the live filter `filter_id`, which must be of `type`: kNotFound for an
/// unknown filter, kInvalidArgument naming "filter_id" for a filter of another type.
Result<FilterConditions> FilterConditionsFor(Repositories& repos,
                                             Id workspace_id,
                                             Id filter_id,
                                             FilterType type);

/// Narrows `query` (DealQuery, ContactQuery, ActivityQuery) to the rows the saved filter
/// `filter_id` of `type` matches, by setting query.filter. Errors as FilterConditionsFor.
template <typename Query>
Status ApplyFilter(Repositories& repos, FilterType type, Id filter_id, Query& query) {
    auto conditions = FilterConditionsFor(repos, query.workspace_id, filter_id, type);
    if (!conditions.ok()) {
        return conditions.status();
    }
    query.filter = std::move(*conditions);
    return Status::Ok();
}

/// For deal lists (summary, timeline, boards): ApplyFilter with a deals filter.
inline Status ApplyFilter(Repositories& repos, Id filter_id, DealQuery& query) {
    return ApplyFilter(repos, FilterType::kDeals, filter_id, query);
}

}  // namespace pipecrm::domain
