#include "domain/activity_service.hpp"

#include "domain/change_events.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Status Apply(Repositories& repos,
             const Actor& actor,
             const ActivityChange& change,
             Activity& activity,
             Instant now) {
    if (change.visible_to) {
        activity.visible_to = *change.visible_to;
    }
    if (change.type) {
        auto type = repos.Activities().FindType(actor.workspace_id, *change.type);
        if (!type.ok()) {
            return type.status();
        }
        if (!type->has_value()) {
            return InvalidArgument("unknown activity type \"" + *change.type + "\"", "type");
        }
        activity.type = *change.type;
        if (activity.subject.empty() && !change.subject) {
            activity.subject = (*type)->name;
        }
    }
    if (change.subject) {
        if (change.subject->size() > 1000) {
            return InvalidArgument("subject is longer than 1000 bytes", "subject");
        }
        activity.subject = *change.subject;
    }
    if (change.owner_id) {
        PIPECRM_RETURN_IF_ERROR(CheckOwner(repos, actor.workspace_id, *change.owner_id));
        activity.owner_id = *change.owner_id;
    }
    if (change.deal_id) {
        PIPECRM_RETURN_IF_ERROR(CheckDeal(repos, actor.workspace_id, *change.deal_id));
        activity.deal_id = *change.deal_id;
    }
    if (change.person_id) {
        PIPECRM_RETURN_IF_ERROR(CheckPerson(repos, actor.workspace_id, *change.person_id));
        activity.person_id = *change.person_id;
    }
    if (change.org_id) {
        PIPECRM_RETURN_IF_ERROR(CheckOrganization(repos, actor.workspace_id, *change.org_id));
        activity.org_id = *change.org_id;
    }
    if (change.due_date) {
        activity.due_date = *change.due_date;
    }
    if (change.due_time_minutes) {
        activity.due_time_minutes = *change.due_time_minutes;
    }
    if (change.duration_minutes) {
        activity.duration_minutes = *change.duration_minutes;
    }
    if (activity.due_time_minutes && !activity.due_date) {
        return InvalidArgument("due_time needs a due_date", "due_time");
    }
    if (change.note) {
        activity.note = *change.note;
    }
    if (change.done && *change.done != activity.done) {
        activity.done = *change.done;
        activity.marked_as_done_time = activity.done ? std::optional<Instant>(now) : std::nullopt;
    }
    return Status::Ok();
}

}  // namespace

Result<Activity> GetLiveActivity(Repositories& repos, Id workspace_id, Id activity_id) {
    return LiveOnly(repos.Activities().Get(workspace_id, activity_id), NotDeleted<Activity>,
                    "activity", activity_id);
}

Result<Activity> CreateActivity(Repositories& repos,
                                const Actor& actor,
                                const ActivityChange& change,
                                Instant now) {
    Activity activity;
    activity.workspace_id = actor.workspace_id;
    activity.owner_id = actor.user_id;
    activity.creator_user_id = actor.user_id;
    activity.visible_to = actor.default_visibility;
    activity.subject.clear();
    ActivityChange with_type = change;
    if (!with_type.type) {
        with_type.type = "task";
    }
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, with_type, activity, now));
    activity.add_time = now;
    activity.update_time = now;
    auto id = repos.Activities().Insert(activity);
    if (!id.ok()) {
        return id.status();
    }
    activity.id = *id;
    PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Activity>(repos, "activity", ChangeAction::kCreate,
                                                          actor, nullptr, &activity, now));
    return activity;
}

Result<Activity> UpdateActivity(Repositories& repos,
                                const Actor& actor,
                                Id activity_id,
                                const ActivityChange& change,
                                Instant now) {
    auto activity = GetLiveActivity(repos, actor.workspace_id, activity_id);
    if (!activity.ok()) {
        return activity.status();
    }
    const Activity previous = *activity;
    PIPECRM_RETURN_IF_ERROR(Apply(repos, actor, change, *activity, now));
    activity->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Activities().Update(*activity));
    PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Activity>(repos, "activity", ChangeAction::kChange,
                                                          actor, &previous, &*activity, now));
    return activity;
}

Result<Activity> DeleteActivity(Repositories& repos,
                                const Actor& actor,
                                Id activity_id,
                                Instant now) {
    auto activity = SoftDelete(GetLiveActivity(repos, actor.workspace_id, activity_id), now,
                               [&](const Activity& a) { return repos.Activities().Update(a); });
    if (activity.ok()) {
        PIPECRM_RETURN_IF_ERROR(PublishRecordChange<Activity>(
            repos, "activity", ChangeAction::kDelete, actor, &*activity, nullptr, now));
    }
    const std::string subject = activity.ok() ? activity->subject : "";
    return AuditDeletion(std::move(activity), repos, actor, "activity", subject, now);
}

}  // namespace pipecrm::domain
