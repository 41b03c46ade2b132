#include "domain/change_events.hpp"

#include <algorithm>
#include <string>

#include "base/money.hpp"
#include "domain/automation_rule.hpp"

namespace pipecrm::domain {
namespace {

SnapshotValue OrNull(OptionalId id) {
    return id ? SnapshotValue(*id) : SnapshotValue();
}

SnapshotValue TimeOrNull(const std::optional<Instant>& t) {
    return t ? SnapshotValue(FormatSqlTime(*t)) : SnapshotValue();
}

SnapshotValue DateOrNull(const std::optional<Date>& d) {
    return d ? SnapshotValue(FormatDate(*d)) : SnapshotValue();
}

SnapshotValue Visible(Visibility v) {
    return static_cast<std::int64_t>(v);
}

// Emails and phones as one comma-joined text: the first is the primary one.
SnapshotValue JoinPoints(const std::vector<ContactPoint>& points) {
    std::string joined;
    for (const ContactPoint& p : points) {
        if (!joined.empty()) {
            joined += ", ";
        }
        joined += p.value;
    }
    return joined.empty() ? SnapshotValue() : SnapshotValue(joined);
}

// A deal's labels as v1's label: the ids comma-joined ("3,7"), null for none.
SnapshotValue LabelText(const std::vector<Id>& ids) {
    std::string joined;
    for (Id id : ids) {
        joined += (joined.empty() ? "" : ",") + std::to_string(id);
    }
    return joined.empty() ? SnapshotValue() : SnapshotValue(joined);
}

}  // namespace

std::string_view ChangeActionName(ChangeAction action) {
    switch (action) {
        case ChangeAction::kCreate:
            return "create";
        case ChangeAction::kChange:
            return "change";
        case ChangeAction::kDelete:
            return "delete";
    }
    return "change";
}

std::string_view ChangeActionV1Name(ChangeAction action) {
    switch (action) {
        case ChangeAction::kCreate:
            return "added";
        case ChangeAction::kChange:
            return "updated";
        case ChangeAction::kDelete:
            return "deleted";
    }
    return "updated";
}

Snapshot SnapshotOf(const Deal& deal) {
    return {
        {"id", deal.id},
        {"title", deal.title},
        {"value", DecimalText{FormatAmount(deal.value.minor_units, deal.value.currency)}},
        {"currency", deal.value.currency},
        {"status", std::string(DealStatusName(deal.status))},
        {"pipeline_id", deal.pipeline_id},
        {"stage_id", deal.stage_id},
        {"owner_id", deal.owner_id},
        {"creator_user_id", deal.creator_user_id},
        {"person_id", OrNull(deal.person_id)},
        {"org_id", OrNull(deal.org_id)},
        {"expected_close_date", DateOrNull(deal.expected_close_date)},
        {"probability",
         deal.probability ? SnapshotValue(std::int64_t{*deal.probability}) : SnapshotValue()},
        {"lost_reason", deal.lost_reason.empty() ? SnapshotValue() : deal.lost_reason},
        {"visible_to", Visible(deal.visible_to)},
        {"label", LabelText(deal.label_ids)},
        {"add_time", FormatSqlTime(deal.add_time)},
        {"update_time", FormatSqlTime(deal.update_time)},
        {"stage_change_time", TimeOrNull(deal.stage_change_time)},
        {"won_time", TimeOrNull(deal.won_time)},
        {"lost_time", TimeOrNull(deal.lost_time)},
        {"close_time", TimeOrNull(deal.close_time)},
    };
}

Snapshot SnapshotOf(const Person& person) {
    return {
        {"id", person.id},
        {"name", person.name},
        {"owner_id", person.owner_id},
        {"org_id", OrNull(person.org_id)},
        {"email", JoinPoints(person.emails)},
        {"phone", JoinPoints(person.phones)},
        {"visible_to", Visible(person.visible_to)},
        {"is_deleted", person.is_deleted},
        {"add_time", FormatSqlTime(person.add_time)},
        {"update_time", FormatSqlTime(person.update_time)},
    };
}

Snapshot SnapshotOf(const Organization& organization) {
    return {
        {"id", organization.id},
        {"name", organization.name},
        {"owner_id", organization.owner_id},
        {"address", organization.address},
        {"visible_to", Visible(organization.visible_to)},
        {"is_deleted", organization.is_deleted},
        {"add_time", FormatSqlTime(organization.add_time)},
        {"update_time", FormatSqlTime(organization.update_time)},
    };
}

Snapshot SnapshotOf(const Activity& activity) {
    return {
        {"id", activity.id},
        {"subject", activity.subject},
        {"type", activity.type},
        {"owner_id", activity.owner_id},
        {"deal_id", OrNull(activity.deal_id)},
        {"person_id", OrNull(activity.person_id)},
        {"org_id", OrNull(activity.org_id)},
        {"due_date", DateOrNull(activity.due_date)},
        {"done", activity.done},
        {"marked_as_done_time", TimeOrNull(activity.marked_as_done_time)},
        {"note", activity.note},
        {"is_deleted", activity.is_deleted},
        {"add_time", FormatSqlTime(activity.add_time)},
        {"update_time", FormatSqlTime(activity.update_time)},
    };
}

ChangeEvent RecordChangeEvent(
    const char* object, ChangeAction action, const Actor& actor, Id entity_id, Instant now) {
    ChangeEvent event;
    event.workspace_id = actor.workspace_id;
    event.object = object;
    event.action = action;
    event.entity_id = entity_id;
    event.actor_user_id = actor.user_id;
    event.at = now;
    event.automation_depth = actor.automation_depth;
    return event;
}

Status PublishDealChange(Repositories& repos,
                         ChangeAction action,
                         const Actor& actor,
                         const Deal* previous,
                         const Deal* current,
                         Instant now) {
    ChangeEvent event =
        RecordChangeEvent("deal", action, actor, current ? current->id : previous->id, now);
    if (previous && current && previous->stage_id != current->stage_id) {
        const Instant entered = previous->stage_change_time.value_or(previous->add_time);
        StageMove stage;
        stage.previous_stage_id = previous->stage_id;
        stage.current_stage_id = current->stage_id;
        stage.previous_pipeline_id = previous->pipeline_id;
        stage.current_pipeline_id = current->pipeline_id;
        stage.seconds_in_previous_stage = std::max<std::int64_t>(0, (now - entered).count());
        stage.actor_user_id = actor.user_id;
        event.stage_change = stage;
    }
    if (previous && current && previous->status != current->status) {
        event.status_change = StatusChange{std::string(DealStatusName(previous->status)),
                                           std::string(DealStatusName(current->status))};
    }
    return PublishChange(repos, event, SnapshotsOf(previous, current));
}

Result<bool> AnyChangeListener(Repositories& repos, Id workspace_id) {
    auto webhooks = repos.Webhooks().List(workspace_id);
    if (!webhooks.ok()) {
        return webhooks.status();
    }
    if (!webhooks->empty()) {
        return true;
    }
    auto rules = repos.Automations().ListRules(workspace_id);
    if (!rules.ok()) {
        return rules.status();
    }
    return std::any_of(rules->begin(), rules->end(),
                       [](const AutomationRule& rule) { return rule.active && !rule.is_deleted; });
}

Status PublishChange(Repositories& repos, ChangeEvent& event, const AddSnapshots& add_snapshots) {
    const std::vector<TriggerHit> hits = TriggersOf(event);
    if (!hits.empty()) {
        PIPECRM_RETURN_IF_ERROR(repos.Automations().EnqueueRuns(event, hits));
    }
    auto subscribed = repos.WebhookOutbox().Subscribed(event);
    if (!subscribed.ok()) {
        return subscribed.status();
    }
    if (!*subscribed) {
        return Status::Ok();
    }
    add_snapshots(event);
    return repos.WebhookOutbox().Enqueue(event);
}

}  // namespace pipecrm::domain
