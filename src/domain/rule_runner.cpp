#include "domain/rule_runner.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "domain/activity_service.hpp"
#include "domain/change_events.hpp"
#include "domain/contact_service.hpp"
#include "domain/deal_service.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

// The record a run acts on, as it is now.
struct Subject {
    std::optional<Deal> deal;
    std::optional<Person> person;
    std::optional<Activity> activity;
    Snapshot snapshot;
    Id owner_id = 0;
};

Result<std::optional<Subject>> LoadSubject(Repositories& repos, const AutomationRun& run) {
    Subject subject;
    if (run.object == "deal") {
        auto deal = repos.Deals().Get(run.workspace_id, run.entity_id);
        if (!deal.ok() || deal->status == DealStatus::kDeleted) {
            return std::optional<Subject>();
        }
        subject.snapshot = SnapshotOf(*deal);
        subject.owner_id = deal->owner_id;
        subject.deal = std::move(*deal);
    } else if (run.object == "person") {
        auto person = repos.Persons().Get(run.workspace_id, run.entity_id);
        if (!person.ok() || person->is_deleted) {
            return std::optional<Subject>();
        }
        subject.snapshot = SnapshotOf(*person);
        subject.owner_id = person->owner_id;
        subject.person = std::move(*person);
    } else {
        auto activity = repos.Activities().Get(run.workspace_id, run.entity_id);
        if (!activity.ok() || activity->is_deleted) {
            return std::optional<Subject>();
        }
        subject.snapshot = SnapshotOf(*activity);
        subject.owner_id = activity->owner_id;
        subject.activity = std::move(*activity);
    }
    return std::optional<Subject>(std::move(subject));
}

Result<int> ParseInt(const std::string& text, const std::string& field) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return InvalidArgument(field + " must be a whole number, not \"" + text + "\"", field);
    }
    return value;
}

FieldAssignment CustomValue(const RuleAction& a) {
    FieldAssignment assignment;
    assignment.key = a.field;
    if (a.value) {
        assignment.value.kind = FieldInput::Kind::kString;
        assignment.value.text = *a.value;
    }
    return assignment;
}

Result<DealChange> DealFieldChange(const RuleAction& a) {
    DealChange change;
    const std::string text = a.value.value_or("");
    if (a.field == "title") {
        change.title = text;
    } else if (a.field == "value") {
        change.value = text.empty() ? "0" : text;
    } else if (a.field == "stage_id") {
        auto stage = ParseInt(text, "stage_id");
        if (!stage.ok()) {
            return stage.status();
        }
        change.stage_id = *stage;
    } else if (a.field == "probability") {
        if (text.empty()) {
            change.probability = std::optional<int>();
        } else {
            auto probability = ParseInt(text, "probability");
            if (!probability.ok()) {
                return probability.status();
            }
            change.probability = std::optional<int>(*probability);
        }
    } else if (a.field == "expected_close_date") {
        if (text.empty()) {
            change.expected_close_date = std::optional<Date>();
        } else {
            auto date = ParseDate(text);
            if (!date.ok()) {
                return InvalidArgument(date.status().message(), "expected_close_date");
            }
            change.expected_close_date = std::optional<Date>(*date);
        }
    } else {
        change.custom_fields.push_back(CustomValue(a));
    }
    return change;
}

// The team's active members by user id, in a fixed order for round-robin.
Result<std::vector<Id>> TeamMembers(Repositories& repos, Id workspace_id, Id team_id) {
    auto memberships = repos.Teams().ListMemberships(workspace_id);
    if (!memberships.ok()) {
        return memberships.status();
    }
    std::vector<Id> members;
    for (const TeamMembership& m : *memberships) {
        if (m.team_id != team_id) {
            continue;
        }
        auto user = repos.Users().Get(workspace_id, m.user_id);
        if (user.ok() && user->active) {
            members.push_back(m.user_id);
        }
    }
    std::sort(members.begin(), members.end());
    if (members.empty()) {
        return FailedPrecondition("team " + std::to_string(team_id) + " has no active members");
    }
    return members;
}

Result<std::string> ApplyAction(Repositories& repos,
                                const AutomationRule& rule,
                                const RuleAction& a,
                                Subject& subject,
                                const Actor& actor,
                                Instant now,
                                Date today) {
    const Id ws = rule.workspace_id;
    switch (a.type) {
        case RuleActionType::kCreateActivity: {
            ActivityChange change;
            change.subject = a.subject;
            if (!a.activity_type.empty()) {
                change.type = a.activity_type;
            }
            change.due_date = std::optional<Date>(today + std::chrono::days(a.due_in_days));
            change.owner_id = subject.owner_id;
            if (!a.note.empty()) {
                change.note = a.note;
            }
            if (subject.deal) {
                change.deal_id = OptionalId(subject.deal->id);
                change.person_id = subject.deal->person_id;
                change.org_id = subject.deal->org_id;
            } else if (subject.person) {
                change.person_id = OptionalId(subject.person->id);
            } else {
                change.deal_id = subject.activity->deal_id;
                change.person_id = subject.activity->person_id;
                change.org_id = subject.activity->org_id;
            }
            auto activity = CreateActivity(repos, actor, change, now);
            if (!activity.ok()) {
                return activity.status();
            }
            return "created activity " + std::to_string(activity->id);
        }
        case RuleActionType::kAssignOwner: {
            auto members = TeamMembers(repos, ws, *a.team_id);
            if (!members.ok()) {
                return members.status();
            }
            auto turn = repos.Automations().NextRoundRobin(ws, rule.id);
            if (!turn.ok()) {
                return turn.status();
            }
            const Id owner = (*members)[static_cast<std::size_t>(*turn) % members->size()];
            if (subject.deal) {
                DealChange change;
                change.owner_id = owner;
                auto deal = UpdateDeal(repos, actor, subject.deal->id, change, now);
                if (!deal.ok()) {
                    return deal.status();
                }
                subject.deal = *deal;
            } else {
                PersonChange change;
                change.owner_id = owner;
                auto person = UpdatePerson(repos, actor, subject.person->id, change, now);
                if (!person.ok()) {
                    return person.status();
                }
                subject.person = *person;
            }
            subject.owner_id = owner;
            return "assigned to user " + std::to_string(owner);
        }
        case RuleActionType::kSetField: {
            if (subject.deal) {
                auto change = DealFieldChange(a);
                if (!change.ok()) {
                    return change.status();
                }
                auto deal = UpdateDeal(repos, actor, subject.deal->id, *change, now);
                if (!deal.ok()) {
                    return deal.status();
                }
                subject.deal = *deal;
            } else {
                PersonChange change;
                if (a.field == "name") {
                    change.name = a.value.value_or("");
                } else {
                    change.custom_fields.push_back(CustomValue(a));
                }
                auto person = UpdatePerson(repos, actor, subject.person->id, change, now);
                if (!person.ok()) {
                    return person.status();
                }
                subject.person = *person;
            }
            return "set " + a.field;
        }
        case RuleActionType::kCallWebhook: {
            ChangeEvent event;
            event.workspace_id = ws;
            event.action = ChangeAction::kChange;
            event.actor_user_id = actor.user_id;
            event.at = now;
            event.automation_depth = actor.automation_depth;
            if (subject.deal) {
                event.object = "deal";
                event.entity_id = subject.deal->id;
                event.current = SnapshotOf(*subject.deal);
            } else if (subject.person) {
                event.object = "person";
                event.entity_id = subject.person->id;
                event.current = SnapshotOf(*subject.person);
            } else {
                event.object = "activity";
                event.entity_id = subject.activity->id;
                event.current = SnapshotOf(*subject.activity);
            }
            PIPECRM_RETURN_IF_ERROR(repos.WebhookOutbox().EnqueueFor(*a.webhook_id, event));
            return "queued a delivery to webhook " + std::to_string(*a.webhook_id);
        }
        case RuleActionType::kAddToCampaign: {
            auto added = repos.Campaigns().AddDeal(ws, *a.campaign_id, subject.deal->id, now);
            if (!added.ok()) {
                return added.status();
            }
            return "added to campaign " + std::to_string(*a.campaign_id);
        }
    }
    return std::string();
}

}  // namespace

Result<std::optional<RunState>> ExecuteRun(Repositories& repos,
                                           const AutomationRun& run,
                                           Instant now,
                                           Date today) {
    auto claimed = repos.Automations().ClaimRun(run.workspace_id, run.id, now);
    if (!claimed.ok()) {
        return claimed.status();
    }
    if (!*claimed) {
        return std::optional<RunState>();
    }
    auto finish = [&](RunState state,
                      const std::string& result) -> Result<std::optional<RunState>> {
        PIPECRM_RETURN_IF_ERROR(
            repos.Automations().FinishRun(run.workspace_id, run.id, state, result, now));
        return std::optional<RunState>(state);
    };
    auto rule = repos.Automations().GetRule(run.workspace_id, run.rule_id);
    if (!rule.ok()) {
        return rule.status();
    }
    if (rule->is_deleted || !rule->active) {
        return finish(RunState::kSkipped, "the rule is off");
    }
    auto subject = LoadSubject(repos, run);
    if (!subject.ok()) {
        return subject.status();
    }
    if (!subject->has_value()) {
        return finish(RunState::kSkipped, "the " + run.object + " was deleted");
    }
    if (!ConditionsHold((*subject)->snapshot, rule->conditions)) {
        return finish(RunState::kSkipped, "conditions not met");
    }
    Actor actor;
    actor.workspace_id = run.workspace_id;
    actor.user_id = rule->created_by;
    actor.automation_depth = run.depth;
    std::string result;
    for (const RuleAction& action : rule->actions) {
        auto done = ApplyAction(repos, *rule, action, **subject, actor, now, today);
        if (!done.ok()) {
            return Status(
                done.status().code(),
                std::string(RuleActionTypeName(action.type)) + ": " + done.status().message(),
                done.status().field());
        }
        result += (result.empty() ? "" : "; ") + *done;
    }
    return finish(RunState::kDone, result);
}

Status RecordRunFailure(Repositories& repos,
                        const AutomationRun& run,
                        const Status& error,
                        Instant now) {
    return repos.Automations().FinishRun(run.workspace_id, run.id, RunState::kFailed,
                                         error.message(), now);
}

}  // namespace pipecrm::domain
