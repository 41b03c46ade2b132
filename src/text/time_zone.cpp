#include "text/time_zone.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace pipecrm::text {
namespace {

constexpr double kMillisPerSecond = 1000.0;

std::unique_ptr<icu::TimeZone> OpenZone(std::string_view zone) {
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
        icu::StringPiece(zone.data(), static_cast<std::int32_t>(zone.size())))));
    if (tz == nullptr || *tz == icu::TimeZone::getUnknown()) {
        return nullptr;
    }
    return tz;
}

Status UnknownZone(std::string_view zone) {
    return InvalidArgument("unknown time zone \"" + std::string(zone) +
                           "\"; use an IANA name such as Asia/Ho_Chi_Minh");
}

}  // namespace

bool IsKnownTimeZone(std::string_view zone) {
    return OpenZone(zone) != nullptr;
}

Result<Instant> StartOfLocalDay(Date day, std::string_view zone) {
    auto tz = OpenZone(zone);
    if (tz == nullptr) {
        return UnknownZone(zone);
    }
    const std::int64_t local_seconds = ToDayNumber(day) * 86400;
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    UErrorCode error = U_ZERO_ERROR;
    // local=true: ICU reads the time as wall-clock time in the zone.
    tz->getOffset(static_cast<double>(local_seconds) * kMillisPerSecond, true, raw, dst, error);
    if (U_FAILURE(error)) {
        return Internal(std::string("time zone lookup failed: ") + u_errorName(error));
    }
    return FromUnixSeconds(local_seconds - (raw + dst) / 1000);
}

Result<Date> LocalDay(Instant t, std::string_view zone) {
    auto tz = OpenZone(zone);
    if (tz == nullptr) {
        return UnknownZone(zone);
    }
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    UErrorCode error = U_ZERO_ERROR;
    tz->getOffset(static_cast<double>(ToUnixSeconds(t)) * kMillisPerSecond, false, raw, dst, error);
    if (U_FAILURE(error)) {
        return Internal(std::string("time zone lookup failed: ") + u_errorName(error));
    }
    return std::chrono::floor<std::chrono::days>(t + std::chrono::seconds((raw + dst) / 1000));
}

}  // namespace pipecrm::text
