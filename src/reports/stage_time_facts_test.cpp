// The pieces of stage-time's derived data that the comparison in report_facts_test.cpp relies
// on without showing them: buckets keep durations in order and narrow, a rank lands in the
// right bucket, and a refolded deal whose visits did not change leaves nothing to write.
#include "reports/stage_time_facts.hpp"

#include <gtest/gtest.h>

namespace pipecrm::reports {
namespace {

using domain::StageTimeKind;

TEST(StageTimeFacts, BucketsKeepDurationsInOrderAndNarrow) {
    EXPECT_EQ(DurationBucket(0), 0);
    EXPECT_EQ(DurationBucket(-5), 0);
    std::int64_t previous = 0;
    std::int64_t low = 1;  // the smallest duration of the current bucket
    for (std::int64_t seconds = 1; seconds < 5'000'000; seconds += 1 + seconds / 997) {
        const std::int64_t bucket = DurationBucket(seconds);
        ASSERT_GE(bucket, previous) << seconds;
        if (bucket != previous) {
            low = seconds;
        }
        // Four buckets per doubling: one never spans more than a quarter above its start.
        ASSERT_LE(seconds, low + low / 4 + 1) << seconds;
        previous = bucket;
    }
    EXPECT_LT(DurationBucket(86'400 * 365), DurationBucket(86'400 * 366 * 2));
}

TEST(StageTimeFacts, RanksFallInTheBucketHoldingThem) {
    domain::StageTimeHistogram histogram;
    histogram[3] = {2, 0};
    histogram[7] = {5, 0};
    histogram[9] = {1, 0};
    EXPECT_EQ(FindRank(histogram, 1).bucket, 3);
    EXPECT_EQ(FindRank(histogram, 2).offset, 1u);
    EXPECT_EQ(FindRank(histogram, 3).bucket, 7);
    EXPECT_EQ(FindRank(histogram, 3).offset, 0u);
    EXPECT_EQ(FindRank(histogram, 7).offset, 4u);
    EXPECT_EQ(FindRank(histogram, 8).bucket, 9);
    // Nearest rank, as Percentile: the median of 8 is the 4th, the p90 the 8th (ceil 7.2).
    EXPECT_EQ(PercentileRank(8, 50), 4u);
    EXPECT_EQ(PercentileRank(8, 90), 8u);
    EXPECT_EQ(PercentileRank(1, 50), 1u);
}

TEST(StageTimeFacts, AnUnchangedDealCancelsOutAndAChangedOneMovesItsValues) {
    domain::DealVisitFacts deal;
    deal.deal_id = 1;
    deal.owner_id = 2;
    deal.visits = {{10, 100, StageTimeKind::kLeft, 20'000, 3 * 86'400},
                   {10, 101, StageTimeKind::kOpen, 20'003, 1'728'000'000}};
    domain::StageTimeChanges same;
    AddVisitFacts(same, deal, -1);
    AddVisitFacts(same, deal, 1);
    Simplify(same);
    EXPECT_TRUE(same.hists.empty());
    EXPECT_TRUE(same.lists.empty());

    domain::StageTimeChanges moved;
    AddVisitFacts(moved, deal, -1);
    deal.owner_id = 3;  // a new owner: out of the old rows, into new ones
    AddVisitFacts(moved, deal, 1);
    Simplify(moved);
    // The left visit counts under its day and its month, the open one in its single row.
    EXPECT_EQ(moved.hists.size(), 6u);
    ASSERT_EQ(moved.lists.size(), 4u);
    for (const auto& [key, change] : moved.lists) {
        EXPECT_EQ(change.added.size() + change.removed.size(), 1u);
        EXPECT_EQ(change.added.empty(), key.owner_id == 2);
    }
}

}  // namespace
}  // namespace pipecrm::reports
