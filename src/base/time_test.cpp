#include "base/time.hpp"

#include <gtest/gtest.h>

namespace pipecrm {
namespace {

TEST(Time, FormatsRfc3339AndSqlForms) {
    Instant t = FromUnixSeconds(1767262800);  // 2026-01-01T10:20:00Z
    EXPECT_EQ(FormatRfc3339(t), "2026-01-01T10:20:00Z");
    EXPECT_EQ(FormatSqlTime(t), "2026-01-01 10:20:00");
}

TEST(Time, ParsesRfc3339WithZoneOffsets) {
    EXPECT_EQ(ToUnixSeconds(ParseInstant("2026-01-01T10:20:00Z").value()), 1767262800);
    EXPECT_EQ(ToUnixSeconds(ParseInstant("2026-01-01T17:20:00+07:00").value()), 1767262800);
    EXPECT_EQ(ToUnixSeconds(ParseInstant("2026-01-01T10:20:00.123Z").value()), 1767262800);
    EXPECT_EQ(ToUnixSeconds(ParseInstant("2026-01-01 10:20:00").value()), 1767262800);
}

TEST(Time, RejectsMalformedTimes) {
    for (const char* text : {"", "2026-01-01", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                             "2026-01-01T25:00:00Z", "2026-01-01T10:20:00", "tomorrow"}) {
        auto result = ParseInstant(text);
        EXPECT_FALSE(result.ok()) << text;
        if (!result.ok()) {
            EXPECT_EQ(result.status().code(), ErrorCode::kInvalidArgument);
        }
    }
}

TEST(Time, ParsesAndFormatsDates) {
    auto date = ParseDate("2026-02-28");
    ASSERT_TRUE(date.ok());
    EXPECT_EQ(FormatDate(*date), "2026-02-28");
    EXPECT_FALSE(ParseDate("2026-02-29").ok());
    EXPECT_TRUE(ParseDate("2028-02-29").ok());
    EXPECT_FALSE(ParseDate("2026-2-1").ok());
    EXPECT_FALSE(ParseDate("2026-02-28x").ok());
}

}  // namespace
}  // namespace pipecrm
