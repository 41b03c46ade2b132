// v1 reference data over real HTTP: currencies and field definitions.
#include <set>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using ReferenceApi = ApiTest;

TEST_F(ReferenceApi, ListTheirDecimalsAndSymbols) {
    JsonResponse all = Call("GET", "/v1/currencies");
    ASSERT_EQ(all.status, 200);
    EXPECT_GT(all.json["data"].Size(), 30u);
    JsonResponse dong = Call("GET", "/api/v1/currencies?term=vietnam");
    ASSERT_EQ(dong.json["data"].Size(), 1u);
    EXPECT_STREQ(dong.json["data"][0]["code"].GetString(), "VND");
    EXPECT_EQ(dong.json["data"][0]["decimal_points"].GetInt(), 0);
    EXPECT_STREQ(dong.json["data"][0]["symbol"].GetString(), "₫");
}

TEST_F(ReferenceApi, DealFieldsListTheSystemKeys) {
    JsonResponse fields = Call("GET", "/v1/dealFields");
    ASSERT_EQ(fields.status, 200) << fields.body;
    std::set<std::string> keys;
    for (const auto& field : fields.json["data"].GetArray()) {
        keys.insert(field["key"].GetString());
    }
    for (const char* key :
         {"title", "value", "currency", "stage_id", "pipeline_id", "status", "person_id", "org_id",
          "user_id", "add_time", "update_time", "won_time", "lost_time", "close_time",
          "expected_close_date", "lost_reason", "visible_to", "probability"}) {
        EXPECT_TRUE(keys.count(key)) << key;
    }
    EXPECT_EQ(Call("GET", "/api/v1/personFields").status, 200);
    JsonResponse paged = Call("GET", "/api/v1/organizationFields?start=0&limit=2");
    EXPECT_EQ(paged.json["data"].Size(), 2u);
    EXPECT_TRUE(paged.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());
}

}  // namespace
}  // namespace pipecrm::testing
