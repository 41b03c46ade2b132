#include "domain/automation_rule.hpp"

#include <charconv>
#include <cstdlib>
#include <type_traits>
#include <utility>

namespace pipecrm::domain {
namespace {

constexpr std::pair<RuleTrigger, std::string_view> kTriggers[] = {
    {RuleTrigger::kDealCreated, "deal_created"},
    {RuleTrigger::kDealStageChanged, "deal_stage_changed"},
    {RuleTrigger::kDealWon, "deal_won"},
    {RuleTrigger::kDealLost, "deal_lost"},
    {RuleTrigger::kDealIdle, "deal_idle"},
    {RuleTrigger::kActivityOverdue, "activity_overdue"},
    {RuleTrigger::kPersonCreated, "person_created"},
};

constexpr std::pair<RuleActionType, std::string_view> kActions[] = {
    {RuleActionType::kCreateActivity, "create_activity"},
    {RuleActionType::kAssignOwner, "assign_owner"},
    {RuleActionType::kSetField, "set_field"},
    {RuleActionType::kCallWebhook, "call_webhook"},
    {RuleActionType::kAddToCampaign, "add_to_campaign"},
};

constexpr std::pair<RunState, std::string_view> kRunStates[] = {
    {RunState::kPending, "pending"},
    {RunState::kDone, "done"},
    {RunState::kSkipped, "skipped"},
    {RunState::kFailed, "failed"},
};

constexpr std::string_view kOperators[] = {
    "=", "!=", "<", ">", "<=", ">=", "contains", "is_empty", "is_not_empty"};

template <typename E, std::size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E value) {
    for (const auto& [e, name] : table) {
        if (e == value) {
            return name;
        }
    }
    return table[0].second;
}

template <typename E, std::size_t N>
std::optional<E> Parse(const std::pair<E, std::string_view> (&table)[N], std::string_view text) {
    for (const auto& [e, name] : table) {
        if (name == text) {
            return e;
        }
    }
    return std::nullopt;
}

// The snapshot field's value as text ("" for null), or nullopt when absent.
std::optional<std::string> FieldText(const Snapshot& snapshot, const std::string& key) {
    for (const SnapshotField& field : snapshot) {
        if (field.key != key) {
            continue;
        }
        return std::visit(
            [](const auto& v) -> std::string {
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, std::monostate>) {
                    return "";
                } else if constexpr (std::is_same_v<V, std::int64_t>) {
                    return std::to_string(v);
                } else if constexpr (std::is_same_v<V, DecimalText>) {
                    return v.text;
                } else if constexpr (std::is_same_v<V, std::string>) {
                    return v;
                } else {
                    return v ? "true" : "false";
                }
            },
            field.value);
    }
    return std::nullopt;
}

std::optional<double> Number(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool Holds(const std::string& actual, const RuleCondition& c) {
    if (c.op == "is_empty") {
        return actual.empty();
    }
    if (c.op == "is_not_empty") {
        return !actual.empty();
    }
    if (c.op == "contains") {
        return actual.find(c.value) != std::string::npos;
    }
    int order = 0;
    const auto a = Number(actual);
    const auto b = Number(c.value);
    if (a && b) {
        order = *a < *b ? -1 : (*a > *b ? 1 : 0);
    } else {
        const int cmp = actual.compare(c.value);
        order = cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
    }
    if (c.op == "=") {
        return order == 0;
    }
    if (c.op == "!=") {
        return order != 0;
    }
    if (c.op == "<") {
        return order < 0;
    }
    if (c.op == ">") {
        return order > 0;
    }
    if (c.op == "<=") {
        return order <= 0;
    }
    return order >= 0;  // ">="
}

}  // namespace

std::string_view RuleTriggerName(RuleTrigger trigger) {
    return NameOf(kTriggers, trigger);
}
std::optional<RuleTrigger> ParseRuleTrigger(std::string_view text) {
    return Parse(kTriggers, text);
}
std::string_view TriggerObject(RuleTrigger trigger) {
    switch (trigger) {
        case RuleTrigger::kActivityOverdue:
            return "activity";
        case RuleTrigger::kPersonCreated:
            return "person";
        default:
            return "deal";
    }
}
std::string_view RuleActionTypeName(RuleActionType type) {
    return NameOf(kActions, type);
}
std::optional<RuleActionType> ParseRuleActionType(std::string_view text) {
    return Parse(kActions, text);
}
std::string_view RunStateName(RunState state) {
    return NameOf(kRunStates, state);
}
std::optional<RunState> ParseRunState(std::string_view text) {
    return Parse(kRunStates, text);
}

std::vector<TriggerHit> TriggersOf(const ChangeEvent& event) {
    std::vector<TriggerHit> hits;
    if (event.object == "person" && event.action == ChangeAction::kCreate) {
        hits.push_back({RuleTrigger::kPersonCreated, {}, {}});
    }
    if (event.object != "deal") {
        return hits;
    }
    if (event.action == ChangeAction::kCreate) {
        hits.push_back({RuleTrigger::kDealCreated, {}, {}});
        return hits;
    }
    if (event.action != ChangeAction::kChange) {
        return hits;
    }
    if (event.stage_change) {
        hits.push_back({RuleTrigger::kDealStageChanged, event.stage_change->previous_stage_id,
                        event.stage_change->current_stage_id});
    }
    if (event.status_change && event.status_change->current == "won") {
        hits.push_back({RuleTrigger::kDealWon, {}, {}});
    }
    if (event.status_change && event.status_change->current == "lost") {
        hits.push_back({RuleTrigger::kDealLost, {}, {}});
    }
    return hits;
}

Status ValidateRule(const AutomationRule& rule) {
    if (rule.name.empty() || rule.name.size() > 255) {
        return InvalidArgument("name is required (up to 255 bytes)", "name");
    }
    if (rule.trigger != RuleTrigger::kDealStageChanged &&
        (rule.from_stage_id || rule.to_stage_id)) {
        return InvalidArgument("from_stage_id and to_stage_id are for deal_stage_changed only",
                               "trigger.from_stage_id");
    }
    if (rule.idle_days < 0 || rule.idle_days > 3650) {
        return InvalidArgument("idle_days must be between 0 and 3650", "trigger.idle_days");
    }
    if (rule.conditions.size() > 16) {
        return InvalidArgument("at most 16 conditions", "conditions");
    }
    for (std::size_t i = 0; i < rule.conditions.size(); ++i) {
        const RuleCondition& c = rule.conditions[i];
        const std::string at = "conditions[" + std::to_string(i) + "]";
        if (c.field.empty()) {
            return InvalidArgument("a condition needs a field", at + ".field");
        }
        bool known = false;
        for (std::string_view op : kOperators) {
            known = known || op == c.op;
        }
        if (!known) {
            return InvalidArgument(
                "op must be one of =, !=, <, >, <=, >=, contains, is_empty, is_not_empty",
                at + ".op");
        }
    }
    if (rule.actions.empty() || rule.actions.size() > 16) {
        return InvalidArgument("a rule needs 1 to 16 actions", "actions");
    }
    for (std::size_t i = 0; i < rule.actions.size(); ++i) {
        const RuleAction& a = rule.actions[i];
        const std::string at = "actions[" + std::to_string(i) + "]";
        switch (a.type) {
            case RuleActionType::kCreateActivity:
                if (a.subject.empty()) {
                    return InvalidArgument("create_activity needs a subject", at + ".subject");
                }
                if (a.due_in_days < 0 || a.due_in_days > 3650) {
                    return InvalidArgument("due_in_days must be between 0 and 3650",
                                           at + ".due_in_days");
                }
                break;
            case RuleActionType::kAssignOwner:
                if (!a.team_id) {
                    return InvalidArgument("assign_owner needs a team_id", at + ".team_id");
                }
                if (TriggerObject(rule.trigger) == "activity") {
                    return InvalidArgument("assign_owner acts on deals and persons", at + ".type");
                }
                break;
            case RuleActionType::kSetField:
                if (a.field.empty()) {
                    return InvalidArgument("set_field needs a field", at + ".field");
                }
                if (TriggerObject(rule.trigger) == "activity") {
                    return InvalidArgument("set_field acts on deals and persons", at + ".type");
                }
                break;
            case RuleActionType::kCallWebhook:
                if (!a.webhook_id) {
                    return InvalidArgument("call_webhook needs a webhook_id", at + ".webhook_id");
                }
                break;
            case RuleActionType::kAddToCampaign:
                if (!a.campaign_id) {
                    return InvalidArgument("add_to_campaign needs a campaign_id",
                                           at + ".campaign_id");
                }
                if (TriggerObject(rule.trigger) != "deal") {
                    return InvalidArgument("add_to_campaign acts on deals", at + ".type");
                }
                break;
        }
    }
    return Status::Ok();
}

bool ConditionsHold(const Snapshot& snapshot, const std::vector<RuleCondition>& conditions) {
    for (const RuleCondition& c : conditions) {
        if (!Holds(FieldText(snapshot, c.field).value_or(""), c)) {
            return false;
        }
    }
    return true;
}

}  // namespace pipecrm::domain
