#include "domain/project_status.hpp"

namespace pipecrm::domain {

bool IsHighRisk(const ProjectRisk& risk) {
    if (risk.status != RiskStatus::kOpen) {
        return false;
    }
    const bool one_high = risk.likelihood == RiskLevel::kHigh || risk.impact == RiskLevel::kHigh;
    const bool both_above_low =
        risk.likelihood != RiskLevel::kLow && risk.impact != RiskLevel::kLow;
    return one_high && both_above_low;
}

ProjectFacts FactsOf(const Project& project, Date today) {
    ProjectFacts facts;
    facts.start_date = project.details.start_date;
    facts.due_date = project.details.due_date;
    facts.progress = project.details.progress;
    facts.finished = project.finished;
    for (const ProjectRisk& risk : project.risks) {
        facts.open_high_risks += IsHighRisk(risk) ? 1 : 0;
    }
    for (const ProjectMilestone& milestone : project.milestones) {
        facts.overdue_milestones += (!milestone.done && milestone.due_date < today) ? 1 : 0;
    }
    return facts;
}

ProjectStatus DeriveProjectStatus(const ProjectFacts& facts, Date today) {
    if (facts.finished) {
        return ProjectStatus::kOnTrack;
    }
    if ((facts.due_date && *facts.due_date < today) || facts.overdue_milestones > 0) {
        return ProjectStatus::kLate;
    }
    if (facts.open_high_risks > 0) {
        return ProjectStatus::kAtRisk;
    }
    if (facts.start_date && facts.due_date && *facts.start_date < today) {
        // Integer arithmetic: expected = 100 * elapsed / length, in whole points.
        const auto length = (*facts.due_date - *facts.start_date).count();
        const auto elapsed = (today - *facts.start_date).count();
        const auto expected = length > 0 ? 100 * elapsed / length : 100;
        if (facts.progress + kProgressSlackPoints < expected) {
            return ProjectStatus::kAtRisk;
        }
    }
    return ProjectStatus::kOnTrack;
}

}  // namespace pipecrm::domain
