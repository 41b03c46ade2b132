// v2 deals over real HTTP: create, read, move, win/lose/reopen, delete, list and page.
#include <set>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using DealsApi = ApiTest;

TEST_F(DealsApi, CreateUsesFirstStageOwnerAndDefaultCurrency) {
    JsonResponse response =
        Call("POST", "/api/v2/deals", R"({"title":"Triển khai CRM","value":2500000})");
    ASSERT_EQ(response.status, 201) << response.body;
    const auto& deal = response.json["data"];
    EXPECT_STREQ(deal["title"].GetString(), "Triển khai CRM");
    EXPECT_EQ(deal["stage_id"].GetInt(), 1);
    EXPECT_EQ(deal["pipeline_id"].GetInt(), 1);
    EXPECT_EQ(deal["owner_id"].GetInt(), 1);
    EXPECT_STREQ(deal["currency"].GetString(), "VND");
    EXPECT_EQ(deal["value"].GetInt64(), 2500000);
    EXPECT_STREQ(deal["status"].GetString(), "open");
    EXPECT_FALSE(deal["is_deleted"].GetBool());
    EXPECT_TRUE(deal["won_time"].IsNull());

    JsonResponse fetched = Call("GET", "/api/v2/deals/" + std::to_string(deal["id"].GetInt()));
    EXPECT_EQ(fetched.status, 200);
    EXPECT_STREQ(fetched.json["data"]["title"].GetString(), "Triển khai CRM");
}

TEST_F(DealsApi, DecimalValuesKeepTheirCents) {
    JsonResponse response =
        Call("POST", "/api/v2/deals", R"({"title":"Licence","value":1499.99,"currency":"usd"})");
    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_DOUBLE_EQ(response.json["data"]["value"].GetDouble(), 1499.99);
    EXPECT_STREQ(response.json["data"]["currency"].GetString(), "USD");
}

TEST_F(DealsApi, BadInputIs400NamingTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"value":10})", "title"},
        {R"({"title":""})", "title"},
        {R"({"title":"x","value":"10"})", "value"},
        {R"({"title":"x","stage_id":999})", "stage_id"},
        {R"({"title":"x","pipeline_id":999})", "pipeline_id"},
        {R"({"title":"x","owner_id":999})", "owner_id"},
        {R"({"title":"x","person_id":999})", "person_id"},
        {R"({"title":"x","currency":"ABC"})", "currency"},
        {R"({"title":"x","value":10.5,"currency":"VND"})", "value"},
        {R"({"title":"x","status":"maybe"})", "status"},
        {R"({"title":"x","visible_to":2})", "visible_to"},
        {R"({"title":"x","expected_close_date":"31/12/2026"})", "expected_close_date"},
        {R"({"title":"x","probability":101})", "probability"},
        {R"({"title":"x","colour":"red"})", "colour"},
        {R"({"title":"x","lost_reason":"too early"})", "lost_reason"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v2/deals", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    JsonResponse list = Call("GET", "/api/v2/deals");
    EXPECT_EQ(list.json["data"].Size(), 0u) << "a rejected request must change nothing";
}

TEST_F(DealsApi, UnknownDealIs404) {
    EXPECT_EQ(Call("GET", "/api/v2/deals/424242").status, 404);
    EXPECT_EQ(Call("PATCH", "/api/v2/deals/424242", R"({"title":"x"})").status, 404);
    EXPECT_EQ(Call("DELETE", "/api/v2/deals/424242").status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/deals/abc").status, 404);
}

TEST_F(DealsApi, StageMoveFollowsTheStagesPipeline) {
    JsonResponse pipeline = Call("POST", "/api/v2/pipelines", R"({"name":"Partners"})");
    ASSERT_EQ(pipeline.status, 201) << pipeline.body;
    const int pipeline_id = pipeline.json["data"]["id"].GetInt();
    JsonResponse stage = Call("POST", "/api/v2/stages",
                              R"({"name":"Intro","pipeline_id":)" + std::to_string(pipeline_id) +
                                  R"(,"deal_probability":30})");
    ASSERT_EQ(stage.status, 201) << stage.body;
    const int stage_id = stage.json["data"]["id"].GetInt();
    EXPECT_EQ(stage.json["data"]["order_nr"].GetInt(), 1);

    const auto deal_id = CreateDeal(R"({"title":"Reseller deal"})");
    JsonResponse moved = Call("PATCH", "/api/v2/deals/" + std::to_string(deal_id),
                              R"({"stage_id":)" + std::to_string(stage_id) + "}");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json["data"]["stage_id"].GetInt(), stage_id);
    EXPECT_EQ(moved.json["data"]["pipeline_id"].GetInt(), pipeline_id);
    EXPECT_TRUE(moved.json["data"]["stage_change_time"].IsString());

    JsonResponse mismatch =
        Call("PATCH", "/api/v2/deals/" + std::to_string(deal_id),
             R"({"stage_id":2,"pipeline_id":)" + std::to_string(pipeline_id) + "}");
    EXPECT_EQ(mismatch.status, 400);
    EXPECT_STREQ(mismatch.json["field"].GetString(), "stage_id");
}

TEST_F(DealsApi, PipelineAloneMeansItsFirstStage) {
    JsonResponse pipeline = Call("POST", "/api/v2/pipelines", R"({"name":"Renewals"})");
    const std::string pipeline_id = std::to_string(pipeline.json["data"]["id"].GetInt());
    JsonResponse empty =
        Call("POST", "/api/v2/deals", R"({"title":"x","pipeline_id":)" + pipeline_id + "}");
    EXPECT_EQ(empty.status, 400) << "a pipeline without stages cannot take deals";
    EXPECT_STREQ(empty.json["field"].GetString(), "pipeline_id");
    std::vector<int> stage_ids;
    for (const char* name : {"Due", "Quoted"}) {
        JsonResponse stage =
            Call("POST", "/api/v2/stages",
                 R"({"name":")" + std::string(name) + R"(","pipeline_id":)" + pipeline_id + "}");
        stage_ids.push_back(stage.json["data"]["id"].GetInt());
    }
    JsonResponse deal = Call("POST", "/api/v2/deals",
                             R"({"title":"Renewal 2027","pipeline_id":)" + pipeline_id + "}");
    ASSERT_EQ(deal.status, 201) << deal.body;
    EXPECT_EQ(deal.json["data"]["stage_id"].GetInt(), stage_ids.front());
    // Moving to another pipeline without a stage lands in that pipeline's first stage.
    JsonResponse back =
        Call("PATCH", "/api/v2/deals/" + std::to_string(deal.json["data"]["id"].GetInt()),
             R"({"pipeline_id":1})");
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json["data"]["stage_id"].GetInt(), 1);
}

TEST_F(DealsApi, WonLostAndReopenSetAndClearTimes) {
    const auto id = CreateDeal(R"({"title":"Annual contract","value":90000000})");
    const std::string path = "/api/v2/deals/" + std::to_string(id);
    JsonResponse won = Call("PATCH", path, R"({"status":"won"})");
    ASSERT_EQ(won.status, 200) << won.body;
    EXPECT_STREQ(won.json["data"]["status"].GetString(), "won");
    EXPECT_TRUE(won.json["data"]["won_time"].IsString());
    EXPECT_TRUE(won.json["data"]["close_time"].IsString());

    JsonResponse lost = Call("PATCH", path, R"({"status":"lost","lost_reason":"Giá quá cao"})");
    ASSERT_EQ(lost.status, 200) << lost.body;
    EXPECT_STREQ(lost.json["data"]["lost_reason"].GetString(), "Giá quá cao");
    EXPECT_TRUE(lost.json["data"]["won_time"].IsNull());
    EXPECT_TRUE(lost.json["data"]["lost_time"].IsString());

    JsonResponse reopened = Call("PATCH", path, R"({"status":"open"})");
    ASSERT_EQ(reopened.status, 200);
    EXPECT_TRUE(reopened.json["data"]["lost_time"].IsNull());
    EXPECT_TRUE(reopened.json["data"]["close_time"].IsNull());
    EXPECT_TRUE(reopened.json["data"]["lost_reason"].IsNull());
}

TEST_F(DealsApi, DeleteIsSoftAndHiddenFromLists) {
    const auto id = CreateDeal(R"({"title":"Short-lived"})");
    JsonResponse deleted = Call("DELETE", "/api/v2/deals/" + std::to_string(id));
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(deleted.json["data"]["id"].GetInt64(), id);
    EXPECT_EQ(Call("GET", "/api/v2/deals").json["data"].Size(), 0u);
    JsonResponse with_deleted = Call("GET", "/api/v2/deals?status=deleted");
    ASSERT_EQ(with_deleted.json["data"].Size(), 1u);
    EXPECT_TRUE(with_deleted.json["data"][0]["is_deleted"].GetBool());
    EXPECT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(id), R"({"title":"back"})").status,
              404);
    EXPECT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(id)).status, 404);
}

TEST_F(DealsApi, ListFiltersByStageStatusAndOwner) {
    const auto a = CreateDeal(R"({"title":"A","stage_id":1})");
    const auto b = CreateDeal(R"({"title":"B","stage_id":2})");
    const auto c = CreateDeal(R"({"title":"C","stage_id":2})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(c), R"({"status":"won"})").status,
              200);

    JsonResponse stage2 = Call("GET", "/api/v2/deals?stage_id=2");
    ASSERT_EQ(stage2.json["data"].Size(), 2u);
    JsonResponse open_stage2 = Call("GET", "/api/v2/deals?stage_id=2&status=open");
    ASSERT_EQ(open_stage2.json["data"].Size(), 1u);
    EXPECT_EQ(open_stage2.json["data"][0]["id"].GetInt64(), b);
    JsonResponse open_or_won = Call("GET", "/api/v2/deals?status=open%2Cwon");
    EXPECT_EQ(open_or_won.json["data"].Size(), 3u);
    EXPECT_EQ(Call("GET", "/api/v2/deals?owner_id=1").json["data"].Size(), 3u);
    EXPECT_EQ(Call("GET", "/api/v2/deals?owner_id=2").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/deals?ids=" + std::to_string(a)).json["data"].Size(), 1u);
    JsonResponse bad = Call("GET", "/api/v2/deals?stage_id=two");
    EXPECT_EQ(bad.status, 400);
    EXPECT_STREQ(bad.json["field"].GetString(), "stage_id");
    EXPECT_EQ(Call("GET", "/api/v2/deals?limit=501").status, 400);
    EXPECT_EQ(Call("GET", "/api/v2/deals?cursor=garbage!").status, 400);
}

TEST_F(DealsApi, CursorPagingVisitsEveryDealOnce) {
    for (int i = 0; i < 23; ++i) {
        CreateDeal(R"({"title":"Deal )" + std::to_string(i) + R"("})");
    }
    for (const char* order : {"", "&sort_direction=desc", "&sort_by=add_time",
                              "&sort_by=update_time&sort_direction=desc"}) {
        std::set<std::int64_t> seen;
        std::string cursor;
        int pages = 0;
        do {
            std::string target = "/api/v2/deals?limit=5" + std::string(order);
            if (!cursor.empty()) {
                target += "&cursor=" + cursor;
            }
            JsonResponse page = Call("GET", target);
            ASSERT_EQ(page.status, 200) << page.body;
            for (const auto& deal : page.json["data"].GetArray()) {
                EXPECT_TRUE(seen.insert(deal["id"].GetInt64()).second) << "seen twice";
            }
            const auto& next = page.json["additional_data"]["next_cursor"];
            cursor = next.IsString() ? next.GetString() : "";
            ++pages;
        } while (!cursor.empty() && pages < 20);
        EXPECT_EQ(seen.size(), 23u) << order;
        EXPECT_EQ(pages, 5) << order;
    }
}

}  // namespace
}  // namespace pipecrm::testing
