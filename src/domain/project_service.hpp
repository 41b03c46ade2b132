// Project use cases over the storage ports: a project is a deal in a project pipeline, so it is
// created, moved and closed by the deal use cases; these add and read what only projects have.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/deal_service.hpp"
#include "domain/project.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// A change of a project's own fields; empty fields stay, an inner empty optional clears.
struct ProjectChange {
    std::optional<std::optional<Date>> start_date;
    std::optional<std::optional<Date>> due_date;
    std::optional<int> progress;
    std::optional<std::string> budget;  ///< decimal text in the budget currency
    std::optional<std::string> budget_currency;
};

/// Up to this many projects per pipeline are read.
inline constexpr int kMaxProjectsPerPipeline = 10000;

/// The project (deal `deal_id` in a project pipeline, visible to the viewer) with its status
/// on `today`. kNotFound for no such live deal or one in a deal pipeline.
Result<Project> LoadProject(Repositories& repos, Id workspace_id, Id deal_id, Date today);

/// Every live project of one project pipeline, or of all of them (empty), by pipeline order
/// then id. kInvalidArgument("pipeline_id") for a pipeline that is not a live project pipeline.
Result<std::vector<Project>> LoadProjects(Repositories& repos,
                                          Id workspace_id,
                                          OptionalId pipeline_id,
                                          Date today);

/// Creates the deal (CreateDeal's rules; pipeline_id or stage_id must name a project
/// pipeline, kInvalidArgument("pipeline_id") otherwise) and its project fields.
Result<Project> CreateProject(Repositories& repos,
                              const Actor& actor,
                              const DealChange& deal,
                              const ProjectChange& change,
                              Instant now,
                              Date today);

/// Changes the project's own fields. ValidateProjectDetails's errors.
Result<Project> UpdateProject(Repositories& repos,
                              const Actor& actor,
                              Id deal_id,
                              const ProjectChange& change,
                              Instant now,
                              Date today);

/// Adds a member or changes their hours. kInvalidArgument("user_id") for no active user.
Result<Project> SetProjectMember(Repositories& repos,
                                 const Actor& actor,
                                 Id deal_id,
                                 Id user_id,
                                 int hours_per_week,
                                 Instant now,
                                 Date today);
/// kNotFound when the user is not a member.
Result<Project> RemoveProjectMember(
    Repositories& repos, const Actor& actor, Id deal_id, Id user_id, Date today);

struct RiskChange {
    std::optional<std::string> description;
    std::optional<RiskLevel> likelihood;
    std::optional<RiskLevel> impact;
    std::optional<std::string> contingency;
    std::optional<RiskStatus> status;
};

/// Adds a risk (likelihood and impact default to medium, status to open).
Result<Project> AddProjectRisk(Repositories& repos,
                               const Actor& actor,
                               Id deal_id,
                               const RiskChange& change,
                               Instant now,
                               Date today);
/// kNotFound for no such risk of the project.
Result<Project> UpdateProjectRisk(Repositories& repos,
                                  const Actor& actor,
                                  Id deal_id,
                                  Id risk_id,
                                  const RiskChange& change,
                                  Instant now,
                                  Date today);

struct MilestoneChange {
    std::optional<std::string> name;
    std::optional<Date> due_date;
    std::optional<bool> done;
};

/// Adds a milestone; kInvalidArgument("due_date") without a date.
Result<Project> AddProjectMilestone(Repositories& repos,
                                    const Actor& actor,
                                    Id deal_id,
                                    const MilestoneChange& change,
                                    Instant now,
                                    Date today);
/// kNotFound for no such milestone of the project.
Result<Project> UpdateProjectMilestone(Repositories& repos,
                                       const Actor& actor,
                                       Id deal_id,
                                       Id milestone_id,
                                       const MilestoneChange& change,
                                       Instant now,
                                       Date today);

/// Links live deals to the project; kInvalidArgument("deal_ids") for an unknown deal or the
/// project itself.
Result<Project> LinkProjectDeals(Repositories& repos,
                                 const Actor& actor,
                                 Id deal_id,
                                 const std::vector<Id>& deal_ids,
                                 Instant now,
                                 Date today);

}  // namespace pipecrm::domain
