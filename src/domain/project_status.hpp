// The derived status of a project: on track, at risk or late, by the rule in docs/projects.md.
#pragma once

#include <optional>

#include "base/time.hpp"
#include "domain/project.hpp"

namespace pipecrm::domain {

/// What the status is derived from.
struct ProjectFacts {
    std::optional<Date> start_date;
    std::optional<Date> due_date;
    int progress = 0;            ///< 0..100
    bool finished = false;       ///< closed, or in the pipeline's last stage
    int open_high_risks = 0;     ///< IsHighRisk and open
    int overdue_milestones = 0;  ///< not done, due before today
};

/// Points of progress a project may trail the time elapsed between its start and due dates
/// before it is at risk.
inline constexpr int kProgressSlackPoints = 20;

/// An open risk that is high in likelihood or impact and at least medium in the other.
bool IsHighRisk(const ProjectRisk& risk);

/// The facts of a project on `today` (its dates, progress, risks and milestones).
ProjectFacts FactsOf(const Project& project, Date today);

/// 1. finished: on track. 2. due date before today, or an overdue milestone: late.
/// 3. an open high risk, or progress more than kProgressSlackPoints behind the share of the
/// start..due period elapsed by today: at risk. 4. otherwise on track. Pure.
ProjectStatus DeriveProjectStatus(const ProjectFacts& facts, Date today);

}  // namespace pipecrm::domain
