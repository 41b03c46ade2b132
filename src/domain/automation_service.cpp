#include "domain/automation_service.hpp"

#include "domain/pipeline_service.hpp"

namespace pipecrm::domain {
namespace {

Status CheckStage(Repositories& repos, Id workspace_id, OptionalId stage_id, const char* field) {
    if (!stage_id) {
        return Status::Ok();
    }
    if (!GetLiveStage(repos, workspace_id, *stage_id).ok()) {
        return InvalidArgument("stage " + std::to_string(*stage_id) + " not found", field);
    }
    return Status::Ok();
}

Status CheckActionReferences(Repositories& repos, Id workspace_id, const AutomationRule& rule) {
    for (std::size_t i = 0; i < rule.actions.size(); ++i) {
        const RuleAction& a = rule.actions[i];
        const std::string at = "actions[" + std::to_string(i) + "]";
        if (a.team_id) {
            auto teams = repos.Teams().List(workspace_id);
            if (!teams.ok()) {
                return teams.status();
            }
            bool found = false;
            for (const Team& team : *teams) {
                found = found || team.id == *a.team_id;
            }
            if (!found) {
                return InvalidArgument("team " + std::to_string(*a.team_id) + " not found",
                                       at + ".team_id");
            }
        }
        if (a.webhook_id) {
            auto webhook = repos.Webhooks().Get(workspace_id, *a.webhook_id);
            if (!webhook.ok() || webhook->is_deleted) {
                return InvalidArgument("webhook " + std::to_string(*a.webhook_id) + " not found",
                                       at + ".webhook_id");
            }
        }
        if (a.campaign_id && !repos.Campaigns().Get(workspace_id, *a.campaign_id).ok()) {
            return InvalidArgument("campaign " + std::to_string(*a.campaign_id) + " not found",
                                   at + ".campaign_id");
        }
        if (a.type == RuleActionType::kCreateActivity && !a.activity_type.empty()) {
            auto type = repos.Activities().FindType(workspace_id, a.activity_type);
            if (!type.ok()) {
                return type.status();
            }
            if (!type->has_value()) {
                return InvalidArgument("unknown activity type \"" + a.activity_type + "\"",
                                       at + ".activity_type");
            }
        }
    }
    return Status::Ok();
}

}  // namespace

Result<AutomationRule> GetLiveAutomationRule(Repositories& repos, Id workspace_id, Id rule_id) {
    auto rule = repos.Automations().GetRule(workspace_id, rule_id);
    if (rule.ok() && rule->is_deleted) {
        return NotFound("automation rule " + std::to_string(rule_id) + " not found");
    }
    return rule;
}

Result<AutomationRule> CreateAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            const AutomationRule& input,
                                            Instant now) {
    PIPECRM_RETURN_IF_ERROR(ValidateRule(input));
    PIPECRM_RETURN_IF_ERROR(
        CheckStage(repos, actor.workspace_id, input.from_stage_id, "trigger.from_stage_id"));
    PIPECRM_RETURN_IF_ERROR(
        CheckStage(repos, actor.workspace_id, input.to_stage_id, "trigger.to_stage_id"));
    PIPECRM_RETURN_IF_ERROR(CheckActionReferences(repos, actor.workspace_id, input));
    AutomationRule rule = input;
    rule.workspace_id = actor.workspace_id;
    rule.created_by = actor.user_id;
    rule.is_deleted = false;
    rule.add_time = now;
    rule.update_time = now;
    auto id = repos.Automations().InsertRule(rule);
    if (!id.ok()) {
        return id.status();
    }
    rule.id = *id;
    return rule;
}

Result<AutomationRule> UpdateAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            Id rule_id,
                                            const AutomationRuleChange& change,
                                            Instant now) {
    auto rule = GetLiveAutomationRule(repos, actor.workspace_id, rule_id);
    if (!rule.ok()) {
        return rule.status();
    }
    if (change.name) {
        if (change.name->empty() || change.name->size() > 255) {
            return InvalidArgument("name is required (up to 255 bytes)", "name");
        }
        rule->name = *change.name;
    }
    if (change.active) {
        rule->active = *change.active;
    }
    rule->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Automations().UpdateRule(*rule));
    return rule;
}

Result<AutomationRule> DeleteAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            Id rule_id,
                                            Instant now) {
    auto rule = GetLiveAutomationRule(repos, actor.workspace_id, rule_id);
    if (!rule.ok()) {
        return rule.status();
    }
    rule->is_deleted = true;
    rule->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.Automations().UpdateRule(*rule));
    return rule;
}

}  // namespace pipecrm::domain
