#include "domain/project.hpp"

namespace pipecrm::domain {

std::string_view RiskLevelName(RiskLevel level) {
    switch (level) {
        case RiskLevel::kLow:
            return "low";
        case RiskLevel::kMedium:
            return "medium";
        case RiskLevel::kHigh:
            return "high";
    }
    return "medium";
}

std::optional<RiskLevel> ParseRiskLevel(std::string_view text) {
    for (RiskLevel level : {RiskLevel::kLow, RiskLevel::kMedium, RiskLevel::kHigh}) {
        if (text == RiskLevelName(level)) {
            return level;
        }
    }
    return std::nullopt;
}

std::string_view RiskStatusName(RiskStatus status) {
    return status == RiskStatus::kClosed ? "closed" : "open";
}

std::optional<RiskStatus> ParseRiskStatus(std::string_view text) {
    if (text == "open") {
        return RiskStatus::kOpen;
    }
    if (text == "closed") {
        return RiskStatus::kClosed;
    }
    return std::nullopt;
}

std::string_view ProjectStatusName(ProjectStatus status) {
    switch (status) {
        case ProjectStatus::kOnTrack:
            return "on_track";
        case ProjectStatus::kAtRisk:
            return "at_risk";
        case ProjectStatus::kLate:
            return "late";
    }
    return "on_track";
}

namespace {

bool Blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

Status ValidateProjectDetails(const ProjectDetails& details) {
    if (details.progress < 0 || details.progress > 100) {
        return InvalidArgument("progress must be between 0 and 100", "progress");
    }
    if (details.start_date && details.due_date && *details.due_date < *details.start_date) {
        return InvalidArgument("due_date must not be before start_date", "due_date");
    }
    if (!details.budget.currency.empty() && !IsKnownCurrency(details.budget.currency)) {
        return InvalidArgument("unknown currency " + details.budget.currency, "budget_currency");
    }
    if (details.budget.minor_units < 0) {
        return InvalidArgument("budget must not be negative", "budget");
    }
    return Status::Ok();
}

Status ValidateProjectMember(const ProjectMember& member) {
    if (member.hours_per_week < 0 || member.hours_per_week > 168) {
        return InvalidArgument("hours_per_week must be between 0 and 168", "hours_per_week");
    }
    return Status::Ok();
}

Status ValidateProjectRisk(const ProjectRisk& risk) {
    if (Blank(risk.description)) {
        return InvalidArgument("description must not be empty", "description");
    }
    if (risk.description.size() > 2000 || risk.contingency.size() > 2000) {
        return InvalidArgument("a risk's texts are at most 2000 bytes",
                               risk.description.size() > 2000 ? "description" : "contingency");
    }
    return Status::Ok();
}

Status ValidateProjectMilestone(const ProjectMilestone& milestone) {
    if (Blank(milestone.name)) {
        return InvalidArgument("name must not be empty", "name");
    }
    if (milestone.name.size() > 255) {
        return InvalidArgument("name is longer than 255 bytes", "name");
    }
    return Status::Ok();
}

}  // namespace pipecrm::domain
