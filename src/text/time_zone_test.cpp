#include "text/time_zone.hpp"

#include <gtest/gtest.h>

namespace pipecrm::text {
namespace {

Date Day(std::string_view text) {
    return *ParseDate(text);
}

TEST(TimeZone, VietnamDaysBeginSevenHoursBeforeUtcMidnight) {
    auto start = StartOfLocalDay(Day("2026-03-01"), "Asia/Ho_Chi_Minh");
    ASSERT_TRUE(start.ok());
    EXPECT_EQ(FormatRfc3339(*start), "2026-02-28T17:00:00Z");
    EXPECT_EQ(FormatRfc3339(*StartOfLocalDay(Day("2026-03-01"), "UTC")), "2026-03-01T00:00:00Z");
}

TEST(TimeZone, FollowsDaylightSaving) {
    // Berlin: UTC+1 in winter, UTC+2 from the last Sunday of March.
    EXPECT_EQ(FormatRfc3339(*StartOfLocalDay(Day("2026-01-15"), "Europe/Berlin")),
              "2026-01-14T23:00:00Z");
    EXPECT_EQ(FormatRfc3339(*StartOfLocalDay(Day("2026-07-15"), "Europe/Berlin")),
              "2026-07-14T22:00:00Z");
}

TEST(TimeZone, LocalDayOfAnInstant) {
    const Instant late_evening_utc = *ParseInstant("2026-03-01T18:30:00Z");
    EXPECT_EQ(FormatDate(*LocalDay(late_evening_utc, "Asia/Ho_Chi_Minh")), "2026-03-02");
    EXPECT_EQ(FormatDate(*LocalDay(late_evening_utc, "UTC")), "2026-03-01");
    EXPECT_EQ(FormatDate(*LocalDay(*ParseInstant("2026-03-01T16:59:59Z"), "Asia/Ho_Chi_Minh")),
              "2026-03-01");
}

TEST(TimeZone, UnknownZonesAreRejected) {
    EXPECT_FALSE(IsKnownTimeZone("Mars/Olympus_Mons"));
    EXPECT_TRUE(IsKnownTimeZone("Asia/Ho_Chi_Minh"));
    auto start = StartOfLocalDay(Day("2026-03-01"), "Mars/Olympus_Mons");
    ASSERT_FALSE(start.ok());
    EXPECT_EQ(start.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_FALSE(LocalDay(Instant{}, "").ok());
}

}  // namespace
}  // namespace pipecrm::text
