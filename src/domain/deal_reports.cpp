#include "domain/deal_reports.hpp"

#include <algorithm>
#include <array>

namespace pipecrm::domain {
namespace {

struct DateFieldName {
    DealDateField field;
    std::string_view name;
};

constexpr std::array kDateFields = {
    DateFieldName{DealDateField::kAddTime, "add_time"},
    DateFieldName{DealDateField::kUpdateTime, "update_time"},
    DateFieldName{DealDateField::kStageChangeTime, "stage_change_time"},
    DateFieldName{DealDateField::kWonTime, "won_time"},
    DateFieldName{DealDateField::kLostTime, "lost_time"},
    DateFieldName{DealDateField::kCloseTime, "close_time"},
    DateFieldName{DealDateField::kExpectedCloseDate, "expected_close_date"},
};

std::optional<std::int64_t> Seconds(const std::optional<Instant>& t) {
    return t ? std::optional<std::int64_t>(ToUnixSeconds(*t)) : std::nullopt;
}

// `start` moved by `months` calendar months, its day clamped to the target month's length.
Date AddMonths(Date start, int months) {
    const std::chrono::year_month_day ymd{start};
    const std::chrono::year_month target =
        std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    const std::chrono::day last = std::chrono::year_month_day_last{
        target.year(),
        std::chrono::month_day_last{
            target.month()}}.day();
    return std::chrono::year_month_day{target.year(), target.month(), std::min(ymd.day(), last)};
}

}  // namespace

std::int64_t WeightedMinorUnits(const Deal& deal, int stage_probability) {
    return deal.value.minor_units * deal.probability.value_or(stage_probability) / 100;
}

std::string_view DealDateFieldName(DealDateField field) {
    for (const DateFieldName& entry : kDateFields) {
        if (entry.field == field) {
            return entry.name;
        }
    }
    return "add_time";
}

std::optional<DealDateField> ParseDealDateField(std::string_view key) {
    for (const DateFieldName& entry : kDateFields) {
        if (entry.name == key) {
            return entry.field;
        }
    }
    return std::nullopt;
}

bool IsCalendarDate(DealDateField field) {
    return field == DealDateField::kExpectedCloseDate;
}

std::optional<std::int64_t> DateFieldKey(const Deal& deal, DealDateField field) {
    switch (field) {
        case DealDateField::kAddTime:
            return ToUnixSeconds(deal.add_time);
        case DealDateField::kUpdateTime:
            return ToUnixSeconds(deal.update_time);
        case DealDateField::kStageChangeTime:
            return Seconds(deal.stage_change_time);
        case DealDateField::kWonTime:
            return Seconds(deal.won_time);
        case DealDateField::kLostTime:
            return Seconds(deal.lost_time);
        case DealDateField::kCloseTime:
            return Seconds(deal.close_time);
        case DealDateField::kExpectedCloseDate:
            if (deal.expected_close_date) {
                return ToDayNumber(*deal.expected_close_date);
            }
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<TimelineInterval> ParseTimelineInterval(std::string_view text) {
    if (text == "day") {
        return TimelineInterval::kDay;
    }
    if (text == "week") {
        return TimelineInterval::kWeek;
    }
    if (text == "month") {
        return TimelineInterval::kMonth;
    }
    if (text == "quarter") {
        return TimelineInterval::kQuarter;
    }
    return std::nullopt;
}

std::vector<Date> PeriodStarts(Date start, TimelineInterval interval, int amount) {
    std::vector<Date> starts;
    starts.reserve(static_cast<std::size_t>(amount) + 1);
    for (int i = 0; i <= amount; ++i) {
        switch (interval) {
            case TimelineInterval::kDay:
                starts.push_back(start + std::chrono::days{i});
                break;
            case TimelineInterval::kWeek:
                starts.push_back(start + std::chrono::days{7 * i});
                break;
            case TimelineInterval::kMonth:
                starts.push_back(AddMonths(start, i));
                break;
            case TimelineInterval::kQuarter:
                starts.push_back(AddMonths(start, 3 * i));
                break;
        }
    }
    return starts;
}

std::vector<TimelinePeriod> BuildTimeline(const std::vector<Deal>& deals,
                                          DealDateField field,
                                          const std::vector<std::int64_t>& bounds,
                                          const std::map<Id, int>& stage_probability) {
    std::vector<TimelinePeriod> periods(bounds.empty() ? 0 : bounds.size() - 1);
    for (std::size_t i = 0; i < deals.size(); ++i) {
        const Deal& deal = deals[i];
        const auto key = DateFieldKey(deal, field);
        if (!key || periods.empty() || *key < bounds.front() || *key >= bounds.back()) {
            continue;
        }
        // The last bound not after the key starts the deal's period.
        const auto period = static_cast<std::size_t>(
            std::upper_bound(bounds.begin(), bounds.end(), *key) - bounds.begin() - 1);
        const auto stage = stage_probability.find(deal.stage_id);
        const std::int64_t weighted =
            WeightedMinorUnits(deal, stage == stage_probability.end() ? 100 : stage->second);
        const std::string& currency = deal.value.currency;
        TimelinePeriod& p = periods[period];
        p.deals.push_back(i);
        PeriodTotals& t = p.totals;
        ++t.count;
        t.values[currency] += deal.value.minor_units;
        t.weighted_values[currency] += weighted;
        if (deal.status == DealStatus::kOpen) {
            ++t.open_count;
            t.open_values[currency] += deal.value.minor_units;
            t.weighted_open_values[currency] += weighted;
        } else if (deal.status == DealStatus::kWon) {
            ++t.won_count;
            t.won_values[currency] += deal.value.minor_units;
        }
    }
    return periods;
}

}  // namespace pipecrm::domain
