#include "text/zone_days.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <string>

namespace pipecrm::text {
namespace {
constexpr double kMillisPerSecond = 1000.0;
}  // namespace

struct ZoneDays::Zone {
    std::unique_ptr<icu::TimeZone> tz;
};

Result<ZoneDays> ZoneDays::Open(std::string_view zone) {
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
        icu::StringPiece(zone.data(), static_cast<std::int32_t>(zone.size())))));
    if (tz == nullptr || *tz == icu::TimeZone::getUnknown()) {
        return InvalidArgument("unknown time zone \"" + std::string(zone) +
                               "\"; use an IANA name such as Asia/Ho_Chi_Minh");
    }
    return ZoneDays(std::make_unique<Zone>(Zone{std::move(tz)}));
}

ZoneDays::ZoneDays(std::unique_ptr<Zone> zone) : zone_(std::move(zone)) {}
ZoneDays::ZoneDays(ZoneDays&&) noexcept = default;
ZoneDays& ZoneDays::operator=(ZoneDays&&) noexcept = default;
ZoneDays::~ZoneDays() = default;

Date ZoneDays::LocalDay(Instant t) const {
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    UErrorCode error = U_ZERO_ERROR;
    zone_->tz->getOffset(static_cast<double>(ToUnixSeconds(t)) * kMillisPerSecond, false, raw, dst,
                         error);
    // On failure the offsets stay 0: the UTC day.
    return std::chrono::floor<std::chrono::days>(t + std::chrono::seconds((raw + dst) / 1000));
}

Instant ZoneDays::StartOfLocalDay(Date day) const {
    const std::int64_t local_seconds = ToDayNumber(day) * 86400;
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    UErrorCode error = U_ZERO_ERROR;
    // local=true: ICU reads the time as wall-clock time in the zone.
    zone_->tz->getOffset(static_cast<double>(local_seconds) * kMillisPerSecond, true, raw, dst,
                         error);
    return FromUnixSeconds(local_seconds - (raw + dst) / 1000);
}

}  // namespace pipecrm::text
