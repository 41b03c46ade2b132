// The forecast lists' compact text (report_forecast_lists.deals): what is written reads back,
// and text that is not such a list is refused.
#include "storage/sql/forecast_fact_table.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace pipecrm::storage::sql {
namespace {

using domain::ForecastOpenDeal;

bool Same(const std::vector<ForecastOpenDeal>& a, const std::vector<ForecastOpenDeal>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].deal_id != b[i].deal_id || a[i].day != b[i].day || a[i].value != b[i].value ||
            a[i].probability != b[i].probability) {
            return false;
        }
    }
    return true;
}

TEST(ForecastLists, DealsOfAMonthReadBackByDealId) {
    const Date may = *ParseDate("2031-05-01");
    const std::vector<ForecastOpenDeal> deals = {
        {900000000001, *ParseDate("2031-05-31"), std::numeric_limits<std::int64_t>::max(), 100},
        {7, *ParseDate("2031-05-01"), 0, 0},
        {12, *ParseDate("2031-05-17"), -2500, 45},
        {8, *ParseDate("2031-05-02"), std::numeric_limits<std::int64_t>::min(), 10}};
    const std::string text = EncodeForecastDeals(may, deals);
    auto back = DecodeForecastDeals(may, text);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    const std::vector<ForecastOpenDeal> sorted = {deals[1], deals[3], deals[2], deals[0]};
    EXPECT_TRUE(Same(*back, sorted));
    for (const char c : text) {  // printable, for a TEXT column on either backend
        EXPECT_GE(c, '0');
        EXPECT_LE(c, 'o');
    }
}

TEST(ForecastLists, DealsWithoutADayReadBackWithoutOne) {
    const std::vector<ForecastOpenDeal> deals = {{3, std::nullopt, 1000000, 25},
                                                 {4, std::nullopt, 5, 80}};
    auto back = DecodeForecastDeals(std::nullopt, EncodeForecastDeals(std::nullopt, deals));
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(Same(*back, deals));
    auto empty = DecodeForecastDeals(std::nullopt, "");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}

TEST(ForecastLists, TextThatIsNotAListIsRefused) {
    const Date may = *ParseDate("2031-05-01");
    const std::string text = EncodeForecastDeals(may, {{3, may, 1000000, 25}});
    EXPECT_FALSE(DecodeForecastDeals(may, text.substr(0, text.size() - 1)).ok());  // cut short
    EXPECT_FALSE(DecodeForecastDeals(may, text + "z").ok());                       // not a digit
    EXPECT_FALSE(DecodeForecastDeals(std::nullopt, text).ok());  // a day in a list without a month
}

}  // namespace
}  // namespace pipecrm::storage::sql
