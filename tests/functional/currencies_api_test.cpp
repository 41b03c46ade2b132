// v1 currencies over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using CurrenciesApi = ApiTest;

TEST_F(CurrenciesApi, ListTheirDecimalsAndSymbols) {
    JsonResponse all = Call("GET", "/v1/currencies");
    ASSERT_EQ(all.status, 200);
    EXPECT_GT(all.json["data"].Size(), 30u);
    JsonResponse dong = Call("GET", "/api/v1/currencies?term=vietnam");
    ASSERT_EQ(dong.json["data"].Size(), 1u);
    EXPECT_STREQ(dong.json["data"][0]["code"].GetString(), "VND");
    EXPECT_EQ(dong.json["data"][0]["decimal_points"].GetInt(), 0);
    EXPECT_STREQ(dong.json["data"][0]["symbol"].GetString(), "₫");
}

}  // namespace
}  // namespace pipecrm::testing
