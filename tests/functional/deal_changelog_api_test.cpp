// GET /v1/deals/{id}/changelog: the deal's history, newest first, over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using DealChangelogApi = ApiTest;

TEST_F(DealChangelogApi, ListsStageMovesValueAndStatusChangesNewestFirst) {
    const auto id = CreateDeal(R"({"title":"History","value":1000,"stage_id":1})");
    const std::string path = "/api/v2/deals/" + std::to_string(id);
    ASSERT_EQ(Call("PATCH", path, R"({"stage_id":2})").status, 200);
    ASSERT_EQ(Call("PATCH", path, R"({"value":2500})").status, 200);
    ASSERT_EQ(Call("PATCH", path, R"({"status":"lost","lost_reason":"Price"})").status, 200);
    ASSERT_EQ(Call("PATCH", path, R"({"status":"open"})").status, 200);

    JsonResponse log = Call("GET", "/v1/deals/" + std::to_string(id) + "/changelog");
    ASSERT_EQ(log.status, 200) << log.body;
    const auto& data = log.json["data"];
    ASSERT_EQ(data.Size(), 6u) << log.body;
    auto field = [&](rapidjson::SizeType i) {
        return std::string(data[i]["field_key"].GetString());
    };
    EXPECT_EQ(field(0), "status");
    EXPECT_STREQ(data[0]["old_value"].GetString(), "lost");
    EXPECT_STREQ(data[0]["new_value"].GetString(), "open");
    EXPECT_EQ(field(1), "lost_reason");
    EXPECT_STREQ(data[1]["new_value"].GetString(), "Price");
    EXPECT_EQ(field(2), "status");
    EXPECT_STREQ(data[2]["old_value"].GetString(), "open");
    EXPECT_STREQ(data[2]["new_value"].GetString(), "lost");
    EXPECT_EQ(field(3), "value");
    EXPECT_STREQ(data[3]["old_value"].GetString(), "1000");
    EXPECT_STREQ(data[3]["new_value"].GetString(), "2500");
    EXPECT_EQ(field(4), "stage_id");
    EXPECT_STREQ(data[4]["old_value"].GetString(), "1");
    EXPECT_STREQ(data[4]["new_value"].GetString(), "2");
    EXPECT_EQ(field(5), "stage_id") << "creation enters the first stage";
    EXPECT_TRUE(data[5]["old_value"].IsNull());
    EXPECT_STREQ(data[5]["new_value"].GetString(), "1");
    EXPECT_EQ(std::string(data[5]["time"].GetString()).size(), 19u);
    EXPECT_GT(data[5]["actor_user_id"].GetInt(), 0);

    JsonResponse page =
        Call("GET", "/api/v1/deals/" + std::to_string(id) + "/changelog?start=4&limit=1");
    ASSERT_EQ(page.json["data"].Size(), 1u);
    EXPECT_STREQ(page.json["data"][0]["field_key"].GetString(), "stage_id");
    EXPECT_TRUE(page.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());
}

TEST_F(DealChangelogApi, UnknownDealIs404AndBadPagingIs400) {
    EXPECT_EQ(Call("GET", "/v1/deals/999/changelog").status, 404);
    EXPECT_EQ(Call("GET", "/v1/deals/abc/changelog").status, 404) << "ids are numbers";
    const auto id = CreateDeal(R"({"title":"X"})");
    JsonResponse bad = Call("GET", "/v1/deals/" + std::to_string(id) + "/changelog?limit=0");
    EXPECT_EQ(bad.status, 400);
    EXPECT_STREQ(bad.json["field"].GetString(), "limit");
}

}  // namespace
}  // namespace pipecrm::testing
