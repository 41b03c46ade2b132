#include "domain/deal_reports.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

Date Day(std::string_view text) {
    return *ParseDate(text);
}

std::vector<std::string> Texts(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (Date d : dates) {
        out.push_back(FormatDate(d));
    }
    return out;
}

Deal MakeDeal(std::int64_t minor_units, std::string currency, DealStatus status, Id stage_id) {
    Deal deal;
    deal.value = {minor_units, std::move(currency)};
    deal.status = status;
    deal.stage_id = stage_id;
    return deal;
}

TEST(DealReports, WeightedValueUsesTheDealsProbabilityBeforeTheStages) {
    Deal deal = MakeDeal(1001, "USD", DealStatus::kOpen, 1);
    EXPECT_EQ(WeightedMinorUnits(deal, 25), 250) << "rounded down";
    deal.probability = 60;
    EXPECT_EQ(WeightedMinorUnits(deal, 25), 600);
}

TEST(DealReports, DateFieldsParseByTheirApiKeys) {
    EXPECT_EQ(ParseDealDateField("won_time"), DealDateField::kWonTime);
    EXPECT_EQ(ParseDealDateField("expected_close_date"), DealDateField::kExpectedCloseDate);
    EXPECT_FALSE(ParseDealDateField("title"));
    EXPECT_EQ(DealDateFieldName(DealDateField::kStageChangeTime), "stage_change_time");
    EXPECT_TRUE(IsCalendarDate(DealDateField::kExpectedCloseDate));
    EXPECT_FALSE(IsCalendarDate(DealDateField::kCloseTime));
    Deal deal;
    EXPECT_FALSE(DateFieldKey(deal, DealDateField::kWonTime));
    deal.expected_close_date = Day("1970-01-03");
    EXPECT_EQ(DateFieldKey(deal, DealDateField::kExpectedCloseDate), 2);
}

TEST(DealReports, PeriodsOfEachInterval) {
    EXPECT_EQ(Texts(PeriodStarts(Day("2026-02-27"), TimelineInterval::kDay, 3)),
              (std::vector<std::string>{"2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"}));
    EXPECT_EQ(Texts(PeriodStarts(Day("2026-12-28"), TimelineInterval::kWeek, 2)),
              (std::vector<std::string>{"2026-12-28", "2027-01-04", "2027-01-11"}));
    EXPECT_EQ(Texts(PeriodStarts(Day("2026-01-31"), TimelineInterval::kMonth, 3)),
              (std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"}));
    EXPECT_EQ(Texts(PeriodStarts(Day("2026-11-01"), TimelineInterval::kQuarter, 2)),
              (std::vector<std::string>{"2026-11-01", "2027-02-01", "2027-05-01"}));
    EXPECT_EQ(ParseTimelineInterval("quarter"), TimelineInterval::kQuarter);
    EXPECT_FALSE(ParseTimelineInterval("year"));
}

TEST(DealReports, TimelineBucketsDealsAndKeepsCurrenciesApart) {
    std::vector<Deal> deals = {
        MakeDeal(100, "USD", DealStatus::kOpen, 1),   // day 10: period 0
        MakeDeal(200, "USD", DealStatus::kWon, 2),    // day 19: period 0, last day
        MakeDeal(5000, "VND", DealStatus::kOpen, 2),  // day 20: period 1, first day
        MakeDeal(700, "USD", DealStatus::kLost, 1),   // day 29: period 1
        MakeDeal(900, "USD", DealStatus::kOpen, 1),   // day 30: after the last period
        MakeDeal(300, "USD", DealStatus::kOpen, 1),   // no date
    };
    const int days[] = {10, 19, 20, 29, 30};
    for (std::size_t i = 0; i < 5; ++i) {
        deals[i].expected_close_date = FromDayNumber(days[i]);
    }
    const std::map<Id, int> probability = {{1, 10}, {2, 50}};
    auto periods =
        BuildTimeline(deals, DealDateField::kExpectedCloseDate, {10, 20, 30}, probability);
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods[0].deals, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(periods[1].deals, (std::vector<std::size_t>{2, 3}));

    const PeriodTotals& first = periods[0].totals;
    EXPECT_EQ(first.count, 2);
    EXPECT_EQ(first.values, (CurrencyAmounts{{"USD", 300}}));
    EXPECT_EQ(first.weighted_values, (CurrencyAmounts{{"USD", 10 + 100}}));
    EXPECT_EQ(first.open_count, 1);
    EXPECT_EQ(first.open_values, (CurrencyAmounts{{"USD", 100}}));
    EXPECT_EQ(first.weighted_open_values, (CurrencyAmounts{{"USD", 10}}));
    EXPECT_EQ(first.won_count, 1);
    EXPECT_EQ(first.won_values, (CurrencyAmounts{{"USD", 200}}));

    const PeriodTotals& second = periods[1].totals;
    EXPECT_EQ(second.count, 2);
    EXPECT_EQ(second.values, (CurrencyAmounts{{"USD", 700}, {"VND", 5000}}));
    EXPECT_EQ(second.open_values, (CurrencyAmounts{{"VND", 5000}}));
    EXPECT_EQ(second.won_count, 0);
    EXPECT_TRUE(second.won_values.empty());
}

}  // namespace
}  // namespace pipecrm::domain
