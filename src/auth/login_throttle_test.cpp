#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

namespace pipecrm::auth {
namespace {

const Instant kStart = FromUnixSeconds(1'800'000'000);

TEST(LoginThrottle, LocksAfterMaxFailuresWithinWindow) {
    LoginThrottle throttle({3, std::chrono::minutes(15), std::chrono::minutes(10)});
    for (int i = 0; i < 2; ++i) {
        throttle.RecordFailure("account:a@x", kStart);
        EXPECT_FALSE(throttle.RetryAfter("account:a@x", kStart));
    }
    throttle.RecordFailure("account:a@x", kStart + std::chrono::seconds(30));
    auto wait = throttle.RetryAfter("account:a@x", kStart + std::chrono::seconds(60));
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, std::chrono::seconds(570));
    EXPECT_FALSE(throttle.RetryAfter("account:b@x", kStart)) << "other keys are not locked";
}

TEST(LoginThrottle, UnlocksAfterLockout) {
    LoginThrottle throttle({2, std::chrono::minutes(15), std::chrono::minutes(10)});
    throttle.RecordFailure("k", kStart);
    throttle.RecordFailure("k", kStart);
    EXPECT_TRUE(throttle.RetryAfter("k", kStart + std::chrono::minutes(9)));
    EXPECT_FALSE(throttle.RetryAfter("k", kStart + std::chrono::minutes(10)));
}

TEST(LoginThrottle, FailuresOutsideWindowDoNotCount) {
    LoginThrottle throttle({2, std::chrono::minutes(15), std::chrono::minutes(10)});
    throttle.RecordFailure("k", kStart);
    throttle.RecordFailure("k", kStart + std::chrono::minutes(15));
    EXPECT_FALSE(throttle.RetryAfter("k", kStart + std::chrono::minutes(15)));
}

TEST(LoginThrottle, ClearForgetsFailures) {
    LoginThrottle throttle({2, std::chrono::minutes(15), std::chrono::minutes(10)});
    throttle.RecordFailure("k", kStart);
    throttle.Clear("k");
    throttle.RecordFailure("k", kStart);
    EXPECT_FALSE(throttle.RetryAfter("k", kStart));
}

TEST(LoginThrottle, BoundedMemoryDropsOnlyStaleKeys) {
    LoginThrottle throttle({2, std::chrono::minutes(1), std::chrono::minutes(10), 2});
    throttle.RecordFailure("locked", kStart);
    throttle.RecordFailure("locked", kStart);
    throttle.RecordFailure("old", kStart);
    const Instant later = kStart + std::chrono::minutes(2);
    throttle.RecordFailure("new", later);  // at the limit: "old" is dropped, "locked" stays
    EXPECT_TRUE(throttle.RetryAfter("locked", later));
    throttle.RecordFailure("old", later);
    EXPECT_FALSE(throttle.RetryAfter("old", later)) << "its earlier failure was forgotten";
}

}  // namespace
}  // namespace pipecrm::auth
