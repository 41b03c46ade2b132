#include "domain/session.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

Session FreshSession(Instant start) {
    Session session;
    session.add_time = start;
    session.last_seen_time = start;
    session.expires_time = start + std::chrono::days(7);
    return session;
}

const Instant kStart = FromUnixSeconds(1'800'000'000);

TEST(Session, LiveWithinIdleTimeout) {
    EXPECT_FALSE(SessionExpired(FreshSession(kStart), {}, kStart + std::chrono::hours(7)));
}

TEST(Session, ExpiresAfterIdleTimeout) {
    EXPECT_TRUE(SessionExpired(FreshSession(kStart), {}, kStart + std::chrono::hours(8)));
}

TEST(Session, ExpiresAtAbsoluteEndEvenWhenUsed) {
    Session session = FreshSession(kStart);
    const Instant now = kStart + std::chrono::days(7);
    session.last_seen_time = now - std::chrono::minutes(1);
    EXPECT_TRUE(SessionExpired(session, {}, now));
    EXPECT_FALSE(SessionExpired(session, {}, now - std::chrono::seconds(1)));
}

TEST(Session, RevokedIsExpired) {
    Session session = FreshSession(kStart);
    session.revoked_time = kStart;
    EXPECT_TRUE(SessionExpired(session, {}, kStart + std::chrono::seconds(1)));
}

TEST(Session, TouchedAtMostOnceAMinute) {
    Session session = FreshSession(kStart);
    EXPECT_FALSE(SessionNeedsTouch(session, {}, kStart + std::chrono::seconds(59)));
    EXPECT_TRUE(SessionNeedsTouch(session, {}, kStart + std::chrono::seconds(60)));
}

TEST(Session, ShortIdleTimeoutTouchesEveryHalfTimeout) {
    SessionPolicy policy{std::chrono::seconds(10), std::chrono::days(1)};
    Session session = FreshSession(kStart);
    EXPECT_FALSE(SessionNeedsTouch(session, policy, kStart + std::chrono::seconds(4)));
    EXPECT_TRUE(SessionNeedsTouch(session, policy, kStart + std::chrono::seconds(5)));
}

}  // namespace
}  // namespace pipecrm::domain
