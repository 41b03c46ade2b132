// What projects have beside their deal (migration 0013), in portable SQL. Reads join the
// deals view, so they see only projects the viewer may see.
#pragma once

#include "domain/project_repository.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class ProjectTable final : public domain::ProjectRepository {
  public:
    explicit ProjectTable(Connection& db) : db_(db) {}
    Result<std::vector<domain::ProjectDetails>> Details(Id workspace_id,
                                                        OptionalId deal_id) override;
    Status SaveDetails(const domain::ProjectDetails& details) override;
    Result<std::vector<domain::ProjectMember>> Members(Id workspace_id,
                                                       OptionalId deal_id) override;
    Status SaveMember(const domain::ProjectMember& member) override;
    Result<bool> RemoveMember(Id workspace_id, Id deal_id, Id user_id) override;
    Result<std::vector<domain::ProjectRisk>> Risks(Id workspace_id, OptionalId deal_id) override;
    Result<Id> InsertRisk(const domain::ProjectRisk& risk) override;
    Status UpdateRisk(const domain::ProjectRisk& risk) override;
    Result<std::vector<domain::ProjectMilestone>> Milestones(Id workspace_id,
                                                             OptionalId deal_id) override;
    Result<Id> InsertMilestone(const domain::ProjectMilestone& milestone) override;
    Status UpdateMilestone(const domain::ProjectMilestone& milestone) override;
    Result<std::vector<std::pair<Id, Id>>> LinkedDeals(Id workspace_id,
                                                       OptionalId deal_id) override;
    Result<bool> LinkDeal(Id workspace_id, Id deal_id, Id linked_deal_id, Instant now) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
