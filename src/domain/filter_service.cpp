#include "domain/filter_service.hpp"

#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Status Apply(const FilterChange& change, Filter& filter) {
    if (change.name) {
        if (change.name->find_first_not_of(" \t\r\n") == std::string::npos) {
            return InvalidArgument("name must not be empty", "name");
        }
        if (change.name->size() > 255) {
            return InvalidArgument("name is longer than 255 bytes", "name");
        }
        filter.name = *change.name;
    }
    if (change.conditions) {
        FilterConditions conditions = *change.conditions;
        PIPECRM_RETURN_IF_ERROR(ValidateFilterConditions(filter.type, conditions));
        filter.conditions = std::move(conditions);
    }
    return Status::Ok();
}

}  // namespace

Result<Filter> GetLiveFilter(Repositories& repos, Id workspace_id, Id filter_id) {
    return LiveOnly(repos.Filters().Get(workspace_id, filter_id), NotDeleted<Filter>, "filter",
                    filter_id);
}

Result<Filter> CreateFilter(Repositories& repos,
                            const Actor& actor,
                            const FilterChange& change,
                            Instant now) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    if (!change.type) {
        return InvalidArgument("type is required", "type");
    }
    if (!change.conditions) {
        return InvalidArgument("conditions is required", "conditions");
    }
    Filter filter;
    filter.workspace_id = actor.workspace_id;
    filter.user_id = actor.user_id;
    filter.type = *change.type;
    PIPECRM_RETURN_IF_ERROR(Apply(change, filter));
    filter.add_time = now;
    filter.update_time = now;
    auto id = repos.Filters().Insert(filter);
    if (!id.ok()) {
        return id.status();
    }
    filter.id = *id;
    return filter;
}

Result<Filter> UpdateFilter(Repositories& repos,
                            const Actor& actor,
                            Id filter_id,
                            const FilterChange& change,
                            Instant now) {
    auto filter = GetLiveFilter(repos, actor.workspace_id, filter_id);
    if (!filter.ok()) {
        return filter.status();
    }
    PIPECRM_RETURN_IF_ERROR(Apply(change, *filter));
    filter->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Filters().Update(*filter));
    return filter;
}

Result<Filter> DeleteFilter(Repositories& repos, const Actor& actor, Id filter_id, Instant now) {
    return SoftDelete(GetLiveFilter(repos, actor.workspace_id, filter_id), now,
                      [&](const Filter& f) { return repos.Filters().Update(f); });
}

Result<FilterConditions> FilterConditionsFor(Repositories& repos,
                                             Id workspace_id,
                                             Id filter_id,
                                             FilterType type) {
    auto filter = GetLiveFilter(repos, workspace_id, filter_id);
    if (!filter.ok()) {
        return filter.status();
    }
    if (filter->type != type) {
        return InvalidArgument("filter " + std::to_string(filter_id) + " is a " +
                                   std::string(FilterTypeName(filter->type)) +
                                   " filter; this list needs a " +
                                   std::string(FilterTypeName(type)) + " filter",
                               "filter_id");
    }
    return std::move(filter->conditions);
}

}  // namespace pipecrm::domain
