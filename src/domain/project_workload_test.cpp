#include "domain/project_workload.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date Day(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days(year(y) / month(m) / day(d));
}

// Monday 2026-11-23.
const Date kMonday = Day(2026, 11, 23);

TEST(ProjectWorkload, WeekStartIsMonday) {
    EXPECT_EQ(WeekStart(Day(2026, 11, 26)), kMonday);  // Thursday
    EXPECT_EQ(WeekStart(kMonday), kMonday);
    EXPECT_EQ(WeekStart(Day(2026, 11, 29)), kMonday);  // Sunday
}

TEST(ProjectWorkload, SumsProjectsPerPersonAndFlagsOverCapacity) {
    const std::vector<Allocation> allocations = {
        {7, 1, 30, std::nullopt, std::nullopt},
        {7, 2, 20, std::nullopt, Day(2026, 11, 30)},  // ends in the second week
        {8, 1, 10, Day(2026, 12, 7), std::nullopt},   // starts in the third week
    };
    const auto workload = ComputeWorkload(allocations, kMonday, 4, 40);
    ASSERT_EQ(workload.size(), 2u);
    EXPECT_EQ(workload[0].user_id, 7);
    EXPECT_EQ(workload[0].hours, (std::vector<int>{50, 50, 30, 30}));
    EXPECT_EQ(workload[0].projects, (std::vector<int>{2, 2, 1, 1}));
    EXPECT_TRUE(workload[0].over_allocated);
    EXPECT_EQ(workload[1].user_id, 8);
    EXPECT_EQ(workload[1].hours, (std::vector<int>{0, 0, 10, 10}));
    EXPECT_FALSE(workload[1].over_allocated);
}

TEST(ProjectWorkload, ExactlyAtCapacityIsNotOver) {
    const auto workload = ComputeWorkload({{7, 1, 40, std::nullopt, std::nullopt}}, kMonday, 2, 40);
    ASSERT_EQ(workload.size(), 1u);
    EXPECT_FALSE(workload[0].over_allocated);
}

TEST(ProjectWorkload, FinishedProjectsAllocateNothing) {
    Project running;
    running.deal.id = 1;
    running.members = {{1, 1, 7, 25, {}}};
    Project finished = running;
    finished.deal.id = 2;
    finished.finished = true;
    const auto allocations = AllocationsOf({running, finished});
    ASSERT_EQ(allocations.size(), 1u);
    EXPECT_EQ(allocations[0].deal_id, 1);
    EXPECT_EQ(allocations[0].hours_per_week, 25);
}

}  // namespace
}  // namespace pipecrm::domain
