// v1 stage and pipeline deal lists (Pipedrive's DealStrict shape) over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using BoardDealsApi = ApiTest;

TEST_F(BoardDealsApi, ListsOpenDealsOfAStageWithNamesAndWeights) {
    JsonResponse org = Call("POST", "/api/v2/organizations", R"({"name":"Acme"})");
    const std::string org_id = std::to_string(org.json["data"]["id"].GetInt());
    CreateDeal(R"({"title":"A","value":1000,"currency":"USD","stage_id":2,"org_id":)" + org_id +
               "}");
    CreateDeal(R"({"title":"B","value":2500000,"stage_id":2})");
    const auto won = CreateDeal(R"({"title":"C","stage_id":2})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(won), R"({"status":"won"})").status,
              200);
    CreateDeal(R"({"title":"D","stage_id":3})");

    JsonResponse stage = Call("GET", "/v1/stages/2/deals");
    ASSERT_EQ(stage.status, 200) << stage.body;
    ASSERT_EQ(stage.json["data"].Size(), 2u) << "open deals only";
    const auto& a = stage.json["data"][0];
    EXPECT_STREQ(a["title"].GetString(), "A");
    EXPECT_STREQ(a["org_name"].GetString(), "Acme");
    EXPECT_STREQ(a["owner_name"].GetString(), "admin@example.com");
    EXPECT_STREQ(a["formatted_value"].GetString(), "$1,000");
    EXPECT_EQ(a["stage_order_nr"].GetInt(), 2);
    EXPECT_EQ(a["weighted_value"].GetDouble(), 250.0) << "stage 2 wins 25% of the time";
    EXPECT_EQ(std::string(a["add_time"].GetString()).size(), 19u);
    EXPECT_STREQ(stage.json["data"][1]["formatted_value"].GetString(), "₫2,500,000");

    JsonResponse pipeline = Call("GET", "/api/v1/pipelines/1/deals?everyone=1&limit=2");
    ASSERT_EQ(pipeline.json["data"].Size(), 2u);
    EXPECT_TRUE(
        pipeline.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());
    JsonResponse rest = Call("GET", "/api/v1/pipelines/1/deals?everyone=1&start=2");
    EXPECT_EQ(rest.json["data"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/v1/pipelines/1/deals?stage_id=3").json["data"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/v1/stages/2/deals?user_id=99").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/v1/stages/99/deals").status, 404);
    EXPECT_EQ(Call("GET", "/v1/stages/2/deals?everyone=yes").status, 400);
}

}  // namespace
}  // namespace pipecrm::testing
