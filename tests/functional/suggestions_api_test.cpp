// Next-step suggestions over real HTTP: per deal, per rep, and configurable stage playbooks.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using SuggestionsApi = ApiTest;

TEST_F(SuggestionsApi, DealsGetTheirStagePlaybookAndStateBasedSteps) {
    const auto fresh = CreateDeal(R"({"title":"Fresh","stage_id":1})");
    const auto late =
        CreateDeal(R"({"title":"Late","stage_id":4,"expected_close_date":"2020-01-01"})");
    CreateDeal(R"({"title":"Won","stage_id":2,"status":"won"})");

    JsonResponse one = Call("GET", "/api/v1/deals/" + std::to_string(fresh) + "/suggestions");
    ASSERT_EQ(one.status, 200) << one.body;
    const auto& s = one.json["data"]["suggestions"];
    ASSERT_EQ(s.Size(), 1u) << one.body;
    EXPECT_STREQ(s[0]["kind"].GetString(), "no_next_activity");
    EXPECT_STREQ(s[0]["activity_type"].GetString(), "call");
    EXPECT_STREQ(s[0]["subject"].GetString(), "Qualify the lead: need, budget, timeline");

    JsonResponse vi = Call("GET", "/api/v1/deals/" + std::to_string(late) + "/suggestions?lang=vi");
    ASSERT_EQ(vi.status, 200) << vi.body;
    ASSERT_EQ(vi.json["data"]["suggestions"].Size(), 2u) << vi.body;
    EXPECT_STREQ(vi.json["data"]["suggestions"][0]["kind"].GetString(), "close_date_passed");
    EXPECT_STREQ(vi.json["data"]["suggestions"][0]["reason"].GetString(),
                 "Đã quá ngày dự kiến chốt");

    // Planning an activity turns "nothing planned" into the plain playbook step.
    ASSERT_EQ(Call("POST", "/api/v2/activities",
                   R"({"subject":"Intro call","deal_id":)" + std::to_string(fresh) +
                       R"(,"due_date":"2099-01-01"})")
                  .status,
              201);
    one = Call("GET", "/api/v1/deals/" + std::to_string(fresh) + "/suggestions");
    EXPECT_STREQ(one.json["data"]["suggestions"][0]["kind"].GetString(), "playbook");

    JsonResponse mine = Call("GET", "/api/v1/suggestions");
    ASSERT_EQ(mine.status, 200) << mine.body;
    ASSERT_EQ(mine.json["data"].Size(), 2u);                      // the won deal has none
    EXPECT_EQ(mine.json["data"][0]["deal_id"].GetInt64(), late);  // most urgent first
    EXPECT_EQ(Call("GET", "/api/v1/suggestions?user_id=99").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v1/suggestions?lang=fr").status, 400);
    EXPECT_EQ(Call("GET", "/api/v1/deals/999/suggestions").status, 404);
}

TEST_F(SuggestionsApi, AdminsConfigureAStagePlaybook) {
    JsonResponse builtin = Call("GET", "/api/v1/stages/2/playbook");
    ASSERT_EQ(builtin.status, 200) << builtin.body;
    EXPECT_TRUE(builtin.json["data"]["is_default"].GetBool());
    EXPECT_STREQ(builtin.json["data"]["activity_type"].GetString(), "email");

    JsonResponse set = Call("PUT", "/api/v1/stages/2/playbook",
                            R"({"activity_type":"meeting","subject":"Demo the product",)"
                            R"("due_in_days":3})");
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_FALSE(set.json["data"]["is_default"].GetBool());
    const auto deal = CreateDeal(R"({"title":"Nurtured","stage_id":2})");
    JsonResponse s = Call("GET", "/api/v1/deals/" + std::to_string(deal) + "/suggestions");
    EXPECT_STREQ(s.json["data"]["suggestions"][0]["subject"].GetString(), "Demo the product");
    EXPECT_STREQ(s.json["data"]["suggestions"][0]["activity_type"].GetString(), "meeting");

    EXPECT_STREQ(
        Call("PUT", "/api/v1/stages/2/playbook", R"({"subject":""})").json["field"].GetString(),
        "subject");
    EXPECT_STREQ(
        Call("PUT", "/api/v1/stages/2/playbook", R"({"subject":"x","activity_type":"telepathy"})")
            .json["field"]
            .GetString(),
        "activity_type");
    EXPECT_EQ(Call("PUT", "/api/v1/stages/99/playbook", R"({"subject":"x"})").status, 404);
    EXPECT_STREQ(Call("GET", "/api/v1/stages/2/playbook").json["data"]["subject"].GetString(),
                 "Demo the product");
}

}  // namespace
}  // namespace pipecrm::testing
