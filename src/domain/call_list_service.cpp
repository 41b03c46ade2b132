#include "domain/call_list_service.hpp"

#include "domain/activity_service.hpp"
#include "domain/filter_service.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

// A record of the segment: what the call is about.
struct CallTarget {
    OptionalId deal_id;
    OptionalId person_id;
    OptionalId org_id;
    std::string label;
};

Result<std::vector<CallTarget>> SegmentTargets(Repositories& repos,
                                               Id workspace_id,
                                               const Filter& filter) {
    std::vector<CallTarget> targets;
    if (filter.type == FilterType::kDeals) {
        DealQuery query;
        query.workspace_id = workspace_id;
        query.statuses = {DealStatus::kOpen};
        query.filter = filter.conditions;
        query.options.limit = kMaxCallListRecords;
        auto deals = repos.Deals().List(query);
        if (!deals.ok()) {
            return deals.status();
        }
        for (const Deal& d : *deals) {
            targets.push_back({d.id, d.person_id, d.org_id, d.title});
        }
    } else if (filter.type == FilterType::kPeople) {
        ContactQuery query;
        query.workspace_id = workspace_id;
        query.filter = filter.conditions;
        query.options.limit = kMaxCallListRecords;
        auto persons = repos.Persons().List(query);
        if (!persons.ok()) {
            return persons.status();
        }
        for (const Person& p : *persons) {
            targets.push_back({{}, p.id, p.org_id, p.name});
        }
    } else {
        return InvalidArgument("a call list needs a filter of deals or people", "filter_id");
    }
    if (targets.size() > static_cast<std::size_t>(kMaxCallListRecords)) {
        return InvalidArgument("the segment has more than " + std::to_string(kMaxCallListRecords) +
                                   " records; narrow it first",
                               "filter_id");
    }
    return targets;
}

}  // namespace

Result<CreatedCallList> CreateCallList(Repositories& repos,
                                       const Actor& actor,
                                       const CallListRequest& request,
                                       Instant now) {
    if (request.name.empty() || request.name.size() > 255) {
        return InvalidArgument("name is required (up to 255 bytes)", "name");
    }
    if (request.per_day < 1 || request.per_day > 500) {
        return InvalidArgument("per_day must be between 1 and 500", "per_day");
    }
    if (request.user_ids.empty()) {
        return InvalidArgument("choose at least one rep", "user_ids");
    }
    auto filter = GetLiveFilter(repos, actor.workspace_id, request.filter_id);
    if (!filter.ok()) {
        return InvalidArgument("filter " + std::to_string(request.filter_id) + " not found",
                               "filter_id");
    }
    std::vector<RepLoad> reps;
    for (Id user_id : request.user_ids) {
        Status owner = CheckOwner(repos, actor.workspace_id, user_id);
        if (!owner.ok()) {
            return InvalidArgument(owner.message(), "user_ids");
        }
        ActivityQuery open;
        open.workspace_id = actor.workspace_id;
        open.owner_id = user_id;
        open.done = false;
        open.options.limit = 100000;
        auto activities = repos.Activities().List(open);
        if (!activities.ok()) {
            return activities.status();
        }
        reps.push_back({user_id, static_cast<std::int64_t>(activities->size())});
    }
    auto targets = SegmentTargets(repos, actor.workspace_id, *filter);
    if (!targets.ok()) {
        return targets.status();
    }
    CreatedCallList created;
    created.list.workspace_id = actor.workspace_id;
    created.list.name = request.name;
    created.list.filter_id = filter->id;
    created.list.strategy = request.strategy;
    created.list.created_by = actor.user_id;
    created.list.add_time = now;
    auto id = repos.CallLists().Insert(created.list);
    if (!id.ok()) {
        return id.status();
    }
    created.list.id = *id;
    const Date start = request.start_date.value_or(std::chrono::floor<std::chrono::days>(now));
    for (const CallAssignment& a :
         PlanCalls(targets->size(), reps, request.strategy, start, request.per_day)) {
        const CallTarget& target = (*targets)[a.record];
        ActivityChange change;
        change.subject = request.subject + ": " + target.label;
        change.type = "call";
        change.owner_id = a.user_id;
        change.deal_id = target.deal_id;
        change.person_id = target.person_id;
        change.org_id = target.org_id;
        change.due_date = std::optional<Date>(a.due_date);
        auto activity = CreateActivity(repos, actor, change, now);
        if (!activity.ok()) {
            return activity.status();
        }
        CallListItem item;
        item.call_list_id = created.list.id;
        item.user_id = a.user_id;
        item.position = a.position;
        item.activity_id = activity->id;
        item.deal_id = target.deal_id;
        item.person_id = target.person_id;
        auto item_id = repos.CallLists().InsertItem(actor.workspace_id, item);
        if (!item_id.ok()) {
            return item_id.status();
        }
        item.id = *item_id;
        created.items.push_back(item);
        created.activities.push_back(std::move(*activity));
    }
    return created;
}

Result<CallListCalls> GetCallListCalls(Repositories& repos,
                                       Id workspace_id,
                                       Id call_list_id,
                                       OptionalId user_id) {
    CallListCalls calls;
    auto list = repos.CallLists().Get(workspace_id, call_list_id);
    if (!list.ok()) {
        return list.status();
    }
    calls.list = *list;
    auto items = repos.CallLists().Items(workspace_id, call_list_id, user_id);
    if (!items.ok()) {
        return items.status();
    }
    for (const CallListItem& item : *items) {
        auto activity = repos.Activities().Get(workspace_id, item.activity_id);
        if (!activity.ok()) {
            continue;  // not visible to this viewer
        }
        calls.items.push_back(item);
        calls.activities.push_back(std::move(*activity));
    }
    return calls;
}

}  // namespace pipecrm::domain
