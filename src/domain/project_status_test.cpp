#include "domain/project_status.hpp"

#include <gtest/gtest.h>

#include "domain/project_template.hpp"

namespace pipecrm::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date Day(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days(year(y) / month(m) / day(d));
}

const Date kToday = Day(2026, 11, 26);

ProjectRisk Risk(RiskLevel likelihood, RiskLevel impact, RiskStatus status = RiskStatus::kOpen) {
    ProjectRisk risk;
    risk.description = "supplier late";
    risk.likelihood = likelihood;
    risk.impact = impact;
    risk.status = status;
    return risk;
}

TEST(ProjectStatus, NoDatesNoRisksIsOnTrack) {
    EXPECT_EQ(DeriveProjectStatus({}, kToday), ProjectStatus::kOnTrack);
}

TEST(ProjectStatus, PastDueDateIsLate) {
    ProjectFacts facts;
    facts.due_date = Day(2026, 11, 25);
    facts.progress = 90;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kLate);
    facts.due_date = kToday;  // due today is not late yet
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kOnTrack);
}

TEST(ProjectStatus, OverdueMilestoneIsLate) {
    ProjectFacts facts;
    facts.overdue_milestones = 1;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kLate);
}

TEST(ProjectStatus, FinishedIsOnTrackWhateverTheDates) {
    ProjectFacts facts;
    facts.due_date = Day(2026, 1, 1);
    facts.open_high_risks = 3;
    facts.finished = true;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kOnTrack);
}

TEST(ProjectStatus, OpenHighRiskIsAtRisk) {
    ProjectFacts facts;
    facts.open_high_risks = 1;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kAtRisk);
}

TEST(ProjectStatus, LateWinsOverAtRisk) {
    ProjectFacts facts;
    facts.open_high_risks = 1;
    facts.due_date = Day(2026, 11, 1);
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kLate);
}

TEST(ProjectStatus, ProgressBehindElapsedTimeIsAtRisk) {
    // 100 days long, 60 elapsed: 60 points expected, 40 is the least on track.
    ProjectFacts facts;
    facts.start_date = kToday - std::chrono::days{60};
    facts.due_date = kToday + std::chrono::days{40};
    facts.progress = 40;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kOnTrack);
    facts.progress = 39;
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kAtRisk);
}

TEST(ProjectStatus, NotStartedYetIsNotBehind) {
    ProjectFacts facts;
    facts.start_date = kToday + std::chrono::days{3};
    facts.due_date = kToday + std::chrono::days{30};
    EXPECT_EQ(DeriveProjectStatus(facts, kToday), ProjectStatus::kOnTrack);
}

TEST(ProjectStatus, HighRiskNeedsOneHighAndNoLow) {
    EXPECT_TRUE(IsHighRisk(Risk(RiskLevel::kHigh, RiskLevel::kHigh)));
    EXPECT_TRUE(IsHighRisk(Risk(RiskLevel::kMedium, RiskLevel::kHigh)));
    EXPECT_TRUE(IsHighRisk(Risk(RiskLevel::kHigh, RiskLevel::kMedium)));
    EXPECT_FALSE(IsHighRisk(Risk(RiskLevel::kLow, RiskLevel::kHigh)));
    EXPECT_FALSE(IsHighRisk(Risk(RiskLevel::kMedium, RiskLevel::kMedium)));
    EXPECT_FALSE(IsHighRisk(Risk(RiskLevel::kHigh, RiskLevel::kHigh, RiskStatus::kClosed)));
}

TEST(ProjectStatus, FactsCountOpenHighRisksAndOverdueMilestones) {
    Project project;
    project.details.progress = 30;
    project.risks = {Risk(RiskLevel::kHigh, RiskLevel::kHigh),
                     Risk(RiskLevel::kLow, RiskLevel::kLow),
                     Risk(RiskLevel::kHigh, RiskLevel::kHigh, RiskStatus::kClosed)};
    ProjectMilestone overdue;
    overdue.name = "design";
    overdue.due_date = Day(2026, 11, 20);
    ProjectMilestone done = overdue;
    done.done = true;
    ProjectMilestone later = overdue;
    later.due_date = Day(2026, 12, 20);
    project.milestones = {overdue, done, later};
    const ProjectFacts facts = FactsOf(project, kToday);
    EXPECT_EQ(facts.open_high_risks, 1);
    EXPECT_EQ(facts.overdue_milestones, 1);
    EXPECT_EQ(facts.progress, 30);
}

TEST(ProjectDetails, ValidationNamesTheField) {
    ProjectDetails details;
    details.progress = 101;
    EXPECT_EQ(ValidateProjectDetails(details).field(), "progress");
    details.progress = 50;
    details.start_date = Day(2026, 12, 1);
    details.due_date = Day(2026, 11, 1);
    EXPECT_EQ(ValidateProjectDetails(details).field(), "due_date");
    details.due_date = Day(2026, 12, 1);
    details.budget = Money{100, "XYZ"};
    EXPECT_EQ(ValidateProjectDetails(details).field(), "budget_currency");
    details.budget = Money{100, "USD"};
    EXPECT_TRUE(ValidateProjectDetails(details).ok());
    ProjectMember member;
    member.hours_per_week = 169;
    EXPECT_EQ(ValidateProjectMember(member).field(), "hours_per_week");
    EXPECT_EQ(ValidateProjectRisk(ProjectRisk{}).field(), "description");
}

TEST(ProjectTemplate, FiveStagesInEnglishAndVietnamese) {
    auto en = ProjectTemplateStages("en");
    ASSERT_TRUE(en.ok());
    EXPECT_EQ(*en, (std::vector<std::string>{"Idea", "Planning", "In progress", "Review", "Done"}));
    auto vi = ProjectTemplateStages("vi");
    ASSERT_TRUE(vi.ok());
    EXPECT_EQ(vi->size(), 5u);
    EXPECT_EQ(vi->front(), "Ý tưởng");
    EXPECT_EQ(vi->back(), "Hoàn thành");
    EXPECT_EQ(ProjectTemplateStages("fr").status().field(), "language");
}

}  // namespace
}  // namespace pipecrm::domain
