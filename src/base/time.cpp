#include "base/time.hpp"

#include <cstdio>

namespace pipecrm {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Reads exactly `width` digits at `pos`; nullopt if any is not a digit.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Date> DateAt(std::string_view text) {
    auto y = Digits(text, 0, 4);
    auto m = Digits(text, 5, 2);
    auto d = Digits(text, 8, 2);
    if (!y || !m || !d || text.size() < 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date{ymd};
}

}  // namespace

std::string FormatDate(Date d) {
    year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

static std::string FormatWith(Instant t, char separator, bool zulu) {
    auto days = std::chrono::floor<std::chrono::days>(t);
    year_month_day ymd{days};
    std::chrono::hh_mm_ss hms{t - days};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02ld:%02ld:%02ld%s",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), separator,
                  static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()), zulu ? "Z" : "");
    return buf;
}

std::string FormatRfc3339(Instant t) {
    return FormatWith(t, 'T', true);
}
std::string FormatSqlTime(Instant t) {
    return FormatWith(t, ' ', false);
}

Result<Date> ParseDate(std::string_view text) {
    auto date = DateAt(text);
    if (!date || text.size() != 10) {
        return InvalidArgument("expected a date as YYYY-MM-DD, got \"" + std::string(text) + "\"");
    }
    return *date;
}

Result<Instant> ParseInstant(std::string_view text) {
    auto bad = [&] {
        return InvalidArgument("expected a time as RFC 3339 (2026-01-31T09:30:00Z), got \"" +
                               std::string(text) + "\"");
    };
    auto date = DateAt(text);
    if (!date || text.size() < 19 || (text[10] != 'T' && text[10] != ' ' && text[10] != 't')) {
        return bad();
    }
    auto hh = Digits(text, 11, 2);
    auto mm = Digits(text, 14, 2);
    auto ss = Digits(text, 17, 2);
    if (!hh || !mm || !ss || text[13] != ':' || text[16] != ':' || *hh > 23 || *mm > 59 ||
        *ss > 60) {
        return bad();
    }
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
    }
    long offset_seconds = 0;
    std::string_view zone = text.substr(pos);
    if (zone == "Z" || zone == "z" || (zone.empty() && text[10] == ' ')) {
        offset_seconds = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        auto oh = Digits(zone, 1, 2);
        auto om = Digits(zone, 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) {
            return bad();
        }
        offset_seconds = (*oh * 3600L + *om * 60L) * (zone[0] == '-' ? -1 : 1);
    } else {
        return bad();
    }
    Instant local = Instant{*date} + std::chrono::hours{*hh} + std::chrono::minutes{*mm} +
                    std::chrono::seconds{*ss};
    return local - std::chrono::seconds{offset_seconds};
}

}  // namespace pipecrm
