// Automation rules and their run log on SQLite (migration 0012), in portable SQL.
#pragma once

#include "domain/automation_repository.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/write_batch_cache.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class AutomationTable final : public domain::AutomationRepository {
  public:
    AutomationTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<Id> InsertRule(const domain::AutomationRule& rule) override;
    Result<domain::AutomationRule> GetRule(Id workspace_id, Id id) override;
    Result<std::vector<domain::AutomationRule>> ListRules(Id workspace_id) override;
    Status UpdateRule(const domain::AutomationRule& rule) override;
    Status EnqueueRuns(const domain::ChangeEvent& event,
                       const std::vector<domain::TriggerHit>& hits) override;
    Result<bool> AnyScheduledRules() override;
    Status EnqueueScheduled(Instant now, Date today) override;
    Result<std::vector<domain::AutomationRun>> DueRuns(int limit) override;
    Result<bool> ClaimRun(Id workspace_id, Id run_id, Instant now) override;
    Status FinishRun(Id workspace_id,
                     Id run_id,
                     domain::RunState state,
                     const std::string& result,
                     Instant now) override;
    Result<std::vector<domain::AutomationRun>> ListRuns(Id workspace_id,
                                                        Id rule_id,
                                                        int offset,
                                                        int limit) override;
    Result<std::int64_t> NextRoundRobin(Id workspace_id, Id rule_id) override;

  private:
    /// Fills the rule's conditions and actions.
    Status LoadParts(domain::AutomationRule& rule);
    Connection& db_;
    WriteBatchCache& cache_;
};

}  // namespace pipecrm::storage::sql
