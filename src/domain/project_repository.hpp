// The storage port of what projects have beside their deal (migration 0013). Reads return the
// rows of projects whose deal the current viewer may see.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/project.hpp"

namespace pipecrm::domain {

class ProjectRepository {
  public:
    virtual ~ProjectRepository() = default;
    /// Of one project (`deal_id`), or of every visible one (empty). By deal id.
    virtual Result<std::vector<ProjectDetails>> Details(Id workspace_id, OptionalId deal_id) = 0;
    /// Inserts or replaces the project's row.
    virtual Status SaveDetails(const ProjectDetails& details) = 0;
    /// By deal id, then user id.
    virtual Result<std::vector<ProjectMember>> Members(Id workspace_id, OptionalId deal_id) = 0;
    /// Adds the member, or changes their hours.
    virtual Status SaveMember(const ProjectMember& member) = 0;
    /// True when the user was a member.
    virtual Result<bool> RemoveMember(Id workspace_id, Id deal_id, Id user_id) = 0;
    /// By deal id, then id.
    virtual Result<std::vector<ProjectRisk>> Risks(Id workspace_id, OptionalId deal_id) = 0;
    virtual Result<Id> InsertRisk(const ProjectRisk& risk) = 0;
    virtual Status UpdateRisk(const ProjectRisk& risk) = 0;
    /// By deal id, then due date and id.
    virtual Result<std::vector<ProjectMilestone>> Milestones(Id workspace_id,
                                                             OptionalId deal_id) = 0;
    virtual Result<Id> InsertMilestone(const ProjectMilestone& milestone) = 0;
    virtual Status UpdateMilestone(const ProjectMilestone& milestone) = 0;
    /// (project deal id, linked deal id) pairs, by both.
    virtual Result<std::vector<std::pair<Id, Id>>> LinkedDeals(Id workspace_id,
                                                               OptionalId deal_id) = 0;
    /// True when the link is new.
    virtual Result<bool> LinkDeal(Id workspace_id, Id deal_id, Id linked_deal_id, Instant now) = 0;
};

}  // namespace pipecrm::domain
