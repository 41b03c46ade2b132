// The board's cards show each deal's next activity: v1 stage deal lists carry next_activity_*.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using BoardNextActivity = ApiTest;

TEST_F(BoardNextActivity, StageListsNameTheSoonestUndoneActivityOfEachDeal) {
    const auto with = CreateDeal(R"({"title":"With","stage_id":1})");
    const auto without = CreateDeal(R"({"title":"Without","stage_id":1})");
    const auto only_done = CreateDeal(R"({"title":"Done only","stage_id":1})");
    const std::string with_id = std::to_string(with);
    ASSERT_EQ(Call("POST", "/api/v2/activities",
                   R"({"subject":"Later","type":"call","due_date":"2031-05-02","deal_id":)" +
                       with_id + "}")
                  .status,
              201);
    ASSERT_EQ(
        Call("POST", "/api/v2/activities",
             R"({"subject":"Soonest","type":"meeting","due_date":"2031-05-01","due_time":"09:30",)"
             R"("deal_id":)" +
                 with_id + "}")
            .status,
        201);
    ASSERT_EQ(Call("POST", "/api/v2/activities",
                   R"({"subject":"Done","type":"call","due_date":"2030-01-01","done":true,)"
                   R"("deal_id":)" +
                       std::to_string(only_done) + "}")
                  .status,
              201);

    JsonResponse stage = Call("GET", "/v1/stages/1/deals?everyone=1");
    ASSERT_EQ(stage.status, 200) << stage.body;
    ASSERT_EQ(stage.json["data"].Size(), 3u);
    for (const auto& deal : stage.json["data"].GetArray()) {
        const auto id = deal["id"].GetInt64();
        if (id == with) {
            EXPECT_STREQ(deal["next_activity_subject"].GetString(), "Soonest");
            EXPECT_STREQ(deal["next_activity_date"].GetString(), "2031-05-01");
            EXPECT_STREQ(deal["next_activity_time"].GetString(), "09:30");
            EXPECT_STREQ(deal["next_activity_type"].GetString(), "meeting");
            EXPECT_TRUE(deal["next_activity_id"].IsInt64());
        } else {
            EXPECT_TRUE(id == without || id == only_done);
            EXPECT_TRUE(deal["next_activity_id"].IsNull()) << id;
            EXPECT_TRUE(deal["next_activity_date"].IsNull()) << id;
            EXPECT_TRUE(deal["next_activity_time"].IsNull()) << id;
        }
    }
}

}  // namespace
}  // namespace pipecrm::testing
