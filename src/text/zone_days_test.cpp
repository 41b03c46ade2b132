#include "text/zone_days.hpp"

#include <gtest/gtest.h>

#include "text/time_zone.hpp"

namespace pipecrm::text {
namespace {

TEST(ZoneDays, AgreesWithTheOneShotFunctions) {
    for (const char* zone : {"Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York",
                             "Asia/Kolkata", "Australia/Lord_Howe", "UTC"}) {
        auto days = ZoneDays::Open(zone);
        ASSERT_TRUE(days.ok()) << zone;
        // Every 37 minutes through 2026, across both daylight-saving changes.
        for (std::int64_t s = 1767225600; s < 1798761600; s += 37 * 60) {
            const Instant t = FromUnixSeconds(s);
            ASSERT_EQ(days->LocalDay(t), *LocalDay(t, zone)) << zone << " " << s;
        }
        for (std::int64_t d = 20454; d < 20820; ++d) {
            ASSERT_EQ(days->StartOfLocalDay(FromDayNumber(d)),
                      *StartOfLocalDay(FromDayNumber(d), zone))
                << zone << " day " << d;
        }
    }
}

TEST(ZoneDays, RefusesAnUnknownZone) {
    auto days = ZoneDays::Open("Mars/Olympus");
    ASSERT_FALSE(days.ok());
    EXPECT_EQ(days.status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace pipecrm::text
