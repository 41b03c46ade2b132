// Projects: deals in a project pipeline (docs/projects.md). What only a project has lives
// beside its deal, keyed by the deal's id: dates, progress and budget; members with the hours
// a week they give it; risks; milestones; linked deals. Its status is derived, never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/money.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"

namespace pipecrm::domain {

/// low, medium, high: a risk's likelihood and impact.
enum class RiskLevel { kLow, kMedium, kHigh };
/// open, closed.
enum class RiskStatus { kOpen, kClosed };
/// on_track, at_risk, late (DeriveProjectStatus).
enum class ProjectStatus { kOnTrack, kAtRisk, kLate };

std::string_view RiskLevelName(RiskLevel level);
std::optional<RiskLevel> ParseRiskLevel(std::string_view text);
std::string_view RiskStatusName(RiskStatus status);
std::optional<RiskStatus> ParseRiskStatus(std::string_view text);
std::string_view ProjectStatusName(ProjectStatus status);

/// A project's own fields. A project without a saved row has the defaults.
struct ProjectDetails {
    Id workspace_id = 0;
    Id deal_id = 0;
    std::optional<Date> start_date;
    std::optional<Date> due_date;
    int progress = 0;  ///< 0..100
    Money budget;      ///< minor units; an empty currency means no budget
    Instant update_time;
};

struct ProjectMember {
    Id workspace_id = 0;
    Id deal_id = 0;
    Id user_id = 0;
    int hours_per_week = 0;  ///< 0..168
    Instant add_time;
};

struct ProjectRisk {
    Id id = 0;
    Id workspace_id = 0;
    Id deal_id = 0;
    std::string description;
    RiskLevel likelihood = RiskLevel::kMedium;
    RiskLevel impact = RiskLevel::kMedium;
    std::string contingency;  ///< the plan if it happens
    RiskStatus status = RiskStatus::kOpen;
    Instant add_time;
    Instant update_time;
};

struct ProjectMilestone {
    Id id = 0;
    Id workspace_id = 0;
    Id deal_id = 0;
    std::string name;
    Date due_date;
    bool done = false;
    Instant add_time;
    Instant update_time;
};

/// A project as a whole: its deal (title, stage, owner, organization, status) and the rest.
struct Project {
    Deal deal;
    ProjectDetails details;
    std::vector<ProjectMember> members;
    std::vector<ProjectRisk> risks;
    std::vector<ProjectMilestone> milestones;  ///< by due date
    std::vector<Id> linked_deal_ids;
    bool finished = false;  ///< closed, or in its pipeline's last stage
    ProjectStatus status = ProjectStatus::kOnTrack;
};

/// Checks fields without storage: progress 0..100, a due date not before the start date, a
/// known budget currency and a budget not below zero. kInvalidArgument naming the field.
Status ValidateProjectDetails(const ProjectDetails& details);
/// hours_per_week 0..168. kInvalidArgument naming the field.
Status ValidateProjectMember(const ProjectMember& member);
/// A description. kInvalidArgument naming the field.
Status ValidateProjectRisk(const ProjectRisk& risk);
/// A name. kInvalidArgument naming the field.
Status ValidateProjectMilestone(const ProjectMilestone& milestone);

}  // namespace pipecrm::domain
