#include "automation/retry_policy.hpp"

#include <gtest/gtest.h>

namespace pipecrm::automation {
namespace {

using std::chrono::seconds;

TEST(RetryPolicy, DoublesTheDelayUpToTheCap) {
    const RetryPolicy policy;  // 30 s, doubling, at most an hour, for a day
    const Instant event = FromUnixSeconds(1'000'000);
    EXPECT_EQ(NextAttempt(policy, 1, event, event), event + seconds(30));
    EXPECT_EQ(NextAttempt(policy, 2, event, event), event + seconds(60));
    EXPECT_EQ(NextAttempt(policy, 5, event, event), event + seconds(480));
    EXPECT_EQ(NextAttempt(policy, 8, event, event), event + seconds(3600));
    EXPECT_EQ(NextAttempt(policy, 40, event, event), event + seconds(3600));
}

TEST(RetryPolicy, GivesUpADayAfterTheChange) {
    const RetryPolicy policy;
    const Instant event = FromUnixSeconds(1'000'000);
    const Instant late = event + seconds(86400 - 3600);
    EXPECT_EQ(NextAttempt(policy, 30, event, late), event + seconds(86400));
    EXPECT_EQ(NextAttempt(policy, 31, event, late + seconds(1)), std::nullopt);
}

TEST(RetryPolicy, HonoursAShortFirstRetry) {
    RetryPolicy policy;
    policy.first_retry = seconds(1);
    const Instant event = FromUnixSeconds(50);
    EXPECT_EQ(NextAttempt(policy, 3, event, event), event + seconds(4));
}

}  // namespace
}  // namespace pipecrm::automation
