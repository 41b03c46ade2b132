#include "base/money.hpp"

#include <gtest/gtest.h>

namespace pipecrm {
namespace {

TEST(Money, ParsesWholeAndFractionalAmounts) {
    EXPECT_EQ(ParseAmount("1500", "USD").value(), 150000);
    EXPECT_EQ(ParseAmount("1500.5", "USD").value(), 150050);
    EXPECT_EQ(ParseAmount("-3.25", "EUR").value(), -325);
    EXPECT_EQ(ParseAmount("2000000", "VND").value(), 2000000);
    EXPECT_EQ(ParseAmount("2000000.000", "VND").value(), 2000000);
}

TEST(Money, RejectsMoreDecimalsThanTheCurrencyHas) {
    auto result = ParseAmount("10.5", "VND");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_FALSE(ParseAmount("1.001", "USD").ok());
    EXPECT_TRUE(ParseAmount("1.001", "KWD").ok());
}

TEST(Money, RejectsTextThatIsNotANumber) {
    for (const char* text :
         {"", "abc", "1,5", "1.2.3", "--1", ".", "1e5", "99999999999999999999"}) {
        EXPECT_FALSE(ParseAmount(text, "USD").ok()) << text;
    }
}

TEST(Money, FormatsMinimalDecimalText) {
    EXPECT_EQ(FormatAmount(150050, "USD"), "1500.5");
    EXPECT_EQ(FormatAmount(150000, "USD"), "1500");
    EXPECT_EQ(FormatAmount(5, "USD"), "0.05");
    EXPECT_EQ(FormatAmount(-325, "EUR"), "-3.25");
    EXPECT_EQ(FormatAmount(2000000, "VND"), "2000000");
}

TEST(Money, RoundTripsThroughText) {
    for (std::int64_t units : {0LL, 1LL, 99LL, 100LL, 123456789LL, -42LL}) {
        EXPECT_EQ(ParseAmount(FormatAmount(units, "USD"), "USD").value(), units);
    }
}

TEST(Money, ConvertsDoublesExactlyOrRefuses) {
    EXPECT_EQ(AmountFromDouble(12.5, "USD").value(), 1250);
    EXPECT_EQ(AmountFromDouble(0.1, "USD").value(), 10);
    EXPECT_FALSE(AmountFromDouble(0.125, "USD").ok());
    EXPECT_FALSE(AmountFromDouble(1e300, "USD").ok());
}

TEST(Money, KnowsMinorUnits) {
    EXPECT_EQ(MinorUnitDigits("VND"), 0);
    EXPECT_EQ(MinorUnitDigits("JPY"), 0);
    EXPECT_EQ(MinorUnitDigits("USD"), 2);
    EXPECT_EQ(MinorUnitDigits("KWD"), 3);
    EXPECT_TRUE(IsKnownCurrency("VND"));
    EXPECT_FALSE(IsKnownCurrency("XYZ"));
}

}  // namespace
}  // namespace pipecrm
