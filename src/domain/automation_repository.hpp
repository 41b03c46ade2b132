// The storage port of automation rules and their run log.
#pragma once

#include <cstdint>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/automation_rule.hpp"
#include "domain/change_event.hpp"

namespace pipecrm::domain {

class AutomationRepository {
  public:
    virtual ~AutomationRepository() = default;
    /// Inserts the rule with its conditions and actions.
    virtual Result<Id> InsertRule(const AutomationRule& rule) = 0;
    virtual Result<AutomationRule> GetRule(Id workspace_id, Id id) = 0;
    /// Rules not deleted, by id.
    virtual Result<std::vector<AutomationRule>> ListRules(Id workspace_id) = 0;
    /// Writes name, active, is_deleted and update_time.
    virtual Status UpdateRule(const AutomationRule& rule) = 0;
    /// A pending run of every live, active rule of the event's workspace that one of the hits
    /// matches (stage from/to included). Runs deeper than kMaxAutomationDepth are written as
    /// skipped instead.
    virtual Status EnqueueRuns(const ChangeEvent& event, const std::vector<TriggerHit>& hits) = 0;
    /// Whether any workspace has a live, active rule with a time trigger (deal_idle or
    /// activity_overdue): without one, EnqueueScheduled has nothing to do.
    virtual Result<bool> AnyScheduledRules() = 0;
    /// The time triggers of every workspace: a run per open deal unchanged for a deal_idle
    /// rule's idle_days (once per quiet spell) and per activity not done whose due date is
    /// before `today` (once per due date). Existing runs are not repeated.
    virtual Status EnqueueScheduled(Instant now, Date today) = 0;
    /// Pending runs of every workspace, oldest first.
    virtual Result<std::vector<AutomationRun>> DueRuns(int limit) = 0;
    /// Takes a pending run for this transaction: false when it is no longer pending.
    virtual Result<bool> ClaimRun(Id workspace_id, Id run_id, Instant now) = 0;
    virtual Status FinishRun(
        Id workspace_id, Id run_id, RunState state, const std::string& result, Instant now) = 0;
    /// The rule's runs, newest first, from `offset`, at most `limit` + 1.
    virtual Result<std::vector<AutomationRun>> ListRuns(Id workspace_id,
                                                        Id rule_id,
                                                        int offset,
                                                        int limit) = 0;
    /// The rule's round-robin counter before this call (0, 1, 2, ...), advanced by one.
    virtual Result<std::int64_t> NextRoundRobin(Id workspace_id, Id rule_id) = 0;
};

}  // namespace pipecrm::domain
