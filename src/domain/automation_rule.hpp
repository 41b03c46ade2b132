// Automation rules, defined by admins and stored as data: a trigger, conditions on the
// record's fields, and actions. Each trigger makes one run, recorded in the run log.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/change_event.hpp"

namespace pipecrm::domain {

enum class RuleTrigger {
    kDealCreated,
    kDealStageChanged,  ///< optionally from and/or to a stage
    kDealWon,
    kDealLost,
    kDealIdle,         ///< an open deal unchanged for idle_days
    kActivityOverdue,  ///< an activity not done past its due date
    kPersonCreated,
};

std::string_view RuleTriggerName(RuleTrigger trigger);
std::optional<RuleTrigger> ParseRuleTrigger(std::string_view text);
/// The record a trigger's runs act on: "deal", "activity" or "person".
std::string_view TriggerObject(RuleTrigger trigger);

/// A condition on one field of the record's snapshot (see SnapshotOf).
struct RuleCondition {
    std::string field;
    std::string op;  ///< =, !=, <, >, <=, >=, contains, is_empty, is_not_empty
    std::string value;
};

enum class RuleActionType {
    kCreateActivity,
    kAssignOwner,
    kSetField,
    kCallWebhook,
    kAddToCampaign
};

std::string_view RuleActionTypeName(RuleActionType type);
std::optional<RuleActionType> ParseRuleActionType(std::string_view text);

struct RuleAction {
    RuleActionType type = RuleActionType::kCreateActivity;
    std::string subject;               ///< kCreateActivity: the template's subject
    std::string activity_type;         ///< kCreateActivity: call, meeting, task, ...
    int due_in_days = 0;               ///< kCreateActivity: due this many days after the run
    std::string note;                  ///< kCreateActivity
    OptionalId team_id;                ///< kAssignOwner: round-robin over the team's members
    std::string field;                 ///< kSetField: a field key (standard or custom)
    std::optional<std::string> value;  ///< kSetField: the new value; empty clears
    OptionalId webhook_id;             ///< kCallWebhook: a registered webhook
    OptionalId campaign_id;            ///< kAddToCampaign: attributes the deal
};

struct AutomationRule {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    RuleTrigger trigger = RuleTrigger::kDealCreated;
    OptionalId from_stage_id;               ///< kDealStageChanged
    OptionalId to_stage_id;                 ///< kDealStageChanged
    int idle_days = 0;                      ///< kDealIdle
    std::vector<RuleCondition> conditions;  ///< all must hold
    std::vector<RuleAction> actions;        ///< in order, in one transaction
    bool active = true;
    bool is_deleted = false;
    Id created_by = 0;  ///< the admin the actions are done as
    Instant add_time;
    Instant update_time;
};

enum class RunState { kPending, kDone, kSkipped, kFailed };

std::string_view RunStateName(RunState state);
std::optional<RunState> ParseRunState(std::string_view text);

struct AutomationRun {
    Id id = 0;
    Id workspace_id = 0;
    Id rule_id = 0;
    RuleTrigger trigger = RuleTrigger::kDealCreated;
    std::string object;  ///< deal, activity or person
    Id entity_id = 0;
    int depth = 1;  ///< 1 for a person's change; one more for each rule run in the chain
    RunState state = RunState::kPending;
    std::string result;  ///< what the actions did, or why the run was skipped or failed
    Instant add_time;
    Instant update_time;
};

/// Runs deeper than this are logged as skipped: a rule cannot trigger itself without end.
inline constexpr int kMaxAutomationDepth = 3;

/// One trigger a change fires.
struct TriggerHit {
    RuleTrigger trigger = RuleTrigger::kDealCreated;
    OptionalId from_stage_id;
    OptionalId to_stage_id;
};

/// The event triggers of a change: deal created, stage changed, won, lost; person created.
std::vector<TriggerHit> TriggersOf(const ChangeEvent& event);

/// Checks a rule without storage: name, trigger options, each condition's operator and each
/// action's parameters. kInvalidArgument naming the field ("conditions[0].op", ...).
Status ValidateRule(const AutomationRule& rule);

/// Whether every condition holds for the snapshot. Numbers compare as numbers when both sides
/// read as numbers; otherwise as text. A field absent from the snapshot is empty.
bool ConditionsHold(const Snapshot& snapshot, const std::vector<RuleCondition>& conditions);

}  // namespace pipecrm::domain
