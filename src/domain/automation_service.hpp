// Automation rule use cases over the storage ports: create (checked, references included),
// rename or switch on and off, delete.
#pragma once

#include <optional>
#include <string>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/automation_rule.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Stores a new rule for the actor's workspace, done as the actor. ValidateRule's errors, and
/// kInvalidArgument naming the field for an unknown stage, team or webhook.
Result<AutomationRule> CreateAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            const AutomationRule& rule,
                                            Instant now);

struct AutomationRuleChange {
    std::optional<std::string> name;
    std::optional<bool> active;
};

/// kNotFound for no such live rule.
Result<AutomationRule> UpdateAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            Id rule_id,
                                            const AutomationRuleChange& change,
                                            Instant now);
/// Soft-deletes; its pending runs are then skipped. kNotFound for no such live rule.
Result<AutomationRule> DeleteAutomationRule(Repositories& repos,
                                            const Actor& actor,
                                            Id rule_id,
                                            Instant now);
/// The live rule; kNotFound otherwise.
Result<AutomationRule> GetLiveAutomationRule(Repositories& repos, Id workspace_id, Id rule_id);

}  // namespace pipecrm::domain
