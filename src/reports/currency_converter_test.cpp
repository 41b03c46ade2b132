#include "reports/currency_converter.hpp"

#include <gtest/gtest.h>

namespace pipecrm::reports {
namespace {

domain::ExchangeRate RateRow(
    Id id, const char* currency, const char* day, const char* rate, std::int64_t entered) {
    domain::ExchangeRate r;
    r.id = id;
    r.currency = currency;
    r.rate_date = *ParseDate(day);
    r.rate = rate;
    r.entered_time = FromUnixSeconds(entered);
    return r;
}

ClosedOn Closed(const char* day, std::int64_t at) {
    return {FromUnixSeconds(at), *ParseDate(day)};
}

TEST(ParseRate, ReadsDecimals) {
    auto rate = ParseRate("25400.5");
    ASSERT_TRUE(rate.ok());
    EXPECT_EQ(rate->digits, 254005);
    EXPECT_EQ(rate->decimals, 1);
    EXPECT_EQ(ParseRate("0.0000394")->digits, 394);
    EXPECT_EQ(ParseRate("0.0000394")->decimals, 7);
}

TEST(FormatRate, WritesCanonicalDecimals) {
    EXPECT_EQ(FormatRate(*ParseRate("025400.50")), "25400.5");
    EXPECT_EQ(FormatRate(*ParseRate(".5")), "0.5");
    EXPECT_EQ(FormatRate(*ParseRate("0.0000394")), "0.0000394");
    EXPECT_EQ(FormatRate(*ParseRate("12.")), "12");
    EXPECT_EQ(FormatRate(*ParseRate("100")), "100");
}

TEST(ParseRate, RejectsZeroNegativeAndText) {
    for (const char* bad : {"", "0", "0.000", "-1", "abc", "1.2.3", "1e5", "1234567890123456789",
                            "0.0000000000001"}) {
        auto rate = ParseRate(bad);
        ASSERT_FALSE(rate.ok()) << bad;
        EXPECT_EQ(rate.status().code(), ErrorCode::kInvalidArgument) << bad;
        EXPECT_EQ(rate.status().field(), "rate") << bad;
    }
}

TEST(ConvertMinorUnits, ScalesBetweenMinorUnitsAndRoundsHalfAway) {
    // 12.34 USD at 25400.5 VND/USD = 313442.17 VND -> 313442 (VND has no minor unit).
    EXPECT_EQ(ConvertMinorUnits(1234, "USD", "VND", *ParseRate("25400.5")), 313442);
    // 100000 VND at 0.00004 USD/VND = 4.00 USD = 400 cents.
    EXPECT_EQ(ConvertMinorUnits(100000, "VND", "USD", *ParseRate("0.00004")), 400);
    // 1 cent at 0.5 = 0.5 cent -> 1 (half away from zero).
    EXPECT_EQ(ConvertMinorUnits(1, "USD", "EUR", *ParseRate("0.5")), 1);
    EXPECT_EQ(ConvertMinorUnits(1, "USD", "EUR", *ParseRate("0.49")), 0);
}

TEST(CurrencyConverter, OpenDealsUseTheLatestRate) {
    CurrencyConverter c("VND", {RateRow(1, "USD", "2026-01-01", "25000", 100),
                                RateRow(2, "USD", "2026-02-01", "26000", 200)});
    EXPECT_EQ(c.ToBase({100, "USD"}, std::nullopt), 26000);
    EXPECT_EQ(c.ToBase({5, "VND"}, std::nullopt), 5);
    EXPECT_TRUE(c.missing().empty());
}

TEST(CurrencyConverter, ClosedDealsUseTheRateOfTheirCloseDay) {
    CurrencyConverter c("VND", {RateRow(1, "USD", "2026-01-01", "25000", 100),
                                RateRow(2, "USD", "2026-02-01", "26000", 200)});
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-01-31", 1000)), 25000);
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-02-01", 1000)), 26000);
    // Before every rate: the earliest one.
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2025-06-01", 1000)), 25000);
}

TEST(CurrencyConverter, AChangedRateDoesNotRewriteDealsClosedBeforeTheChange) {
    // The 2026-01-01 rate was entered at t=100 and corrected at t=500.
    CurrencyConverter c("VND", {RateRow(1, "USD", "2026-01-01", "25000", 100),
                                RateRow(3, "USD", "2026-01-01", "25500", 500)});
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-01-05", 300)), 25000);  // closed before
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-01-05", 600)), 25500);  // closed after
    EXPECT_EQ(c.ToBase({100, "USD"}, std::nullopt), 25500);
    // A version entered in the very second of the close counts as a later edit.
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-01-05", 500)), 25000);
    // Closed before any version was entered: the first one entered.
    EXPECT_EQ(c.ToBase({100, "USD"}, Closed("2026-01-05", 50)), 25000);
}

TEST(CurrencyConverter, RemembersCurrenciesWithoutARate) {
    CurrencyConverter c("VND", {});
    EXPECT_EQ(c.ToBase({100, "EUR"}, std::nullopt), std::nullopt);
    EXPECT_EQ(c.missing(), std::set<std::string>{"EUR"});
}

}  // namespace
}  // namespace pipecrm::reports
