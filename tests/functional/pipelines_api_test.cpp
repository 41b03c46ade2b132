// v2 pipelines and stages over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using PipelinesApi = ApiTest;

TEST_F(PipelinesApi, DefaultPipelineHasTheFiveSalesStages) {
    JsonResponse pipelines = Call("GET", "/api/v2/pipelines");
    ASSERT_EQ(pipelines.status, 200);
    ASSERT_EQ(pipelines.json["data"].Size(), 1u);
    EXPECT_STREQ(pipelines.json["data"][0]["name"].GetString(), "Sales");
    JsonResponse stages = Call("GET", "/api/v2/stages?pipeline_id=1&sort_by=order_nr");
    ASSERT_EQ(stages.json["data"].Size(), 5u);
    const char* names[] = {"Prospecting", "Nurturing", "Segmenting", "Relationship & negotiation",
                           "Closing"};
    for (unsigned i = 0; i < 5; ++i) {
        EXPECT_STREQ(stages.json["data"][i]["name"].GetString(), names[i]);
        EXPECT_EQ(stages.json["data"][i]["order_nr"].GetInt(), static_cast<int>(i + 1));
    }
}

TEST_F(PipelinesApi, CreateUpdateAndDeleteAPipelineWithStages) {
    JsonResponse created = Call("POST", "/api/v2/pipelines", R"({"name":"Marketing"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(created.json["data"]["id"].GetInt());
    EXPECT_EQ(created.json["data"]["order_nr"].GetInt(), 2);

    for (const char* name : {"Lead", "MQL", "SQL"}) {
        JsonResponse stage =
            Call("POST", "/api/v2/stages",
                 R"({"name":")" + std::string(name) + R"(","pipeline_id":)" + id + "}");
        ASSERT_EQ(stage.status, 201) << stage.body;
    }
    JsonResponse stages = Call("GET", "/api/v2/stages?pipeline_id=" + id + "&sort_by=order_nr");
    ASSERT_EQ(stages.json["data"].Size(), 3u);
    EXPECT_EQ(stages.json["data"][2]["order_nr"].GetInt(), 3);

    JsonResponse renamed = Call("PATCH", "/api/v2/pipelines/" + id, R"({"name":"Marketing VN"})");
    EXPECT_EQ(renamed.status, 200);
    EXPECT_STREQ(renamed.json["data"]["name"].GetString(), "Marketing VN");

    const std::string stage_id = std::to_string(stages.json["data"][0]["id"].GetInt());
    JsonResponse patched =
        Call("PATCH", "/api/v2/stages/" + stage_id,
             R"({"deal_probability":35,"is_deal_rot_enabled":true,"days_to_rotten":10})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json["data"]["deal_probability"].GetInt(), 35);
    EXPECT_EQ(patched.json["data"]["days_to_rotten"].GetInt(), 10);

    // A stage with deals cannot be deleted; once empty it can.
    const auto deal_id = CreateDeal(R"({"title":"Lead from fair","stage_id":)" + stage_id + "}");
    JsonResponse refused = Call("DELETE", "/api/v2/stages/" + stage_id);
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(Call("DELETE", "/api/v2/pipelines/" + id).status, 409);
    ASSERT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(deal_id)).status, 200);
    EXPECT_EQ(Call("DELETE", "/api/v2/pipelines/" + id).status, 200);
    EXPECT_EQ(Call("GET", "/api/v2/pipelines/" + id).status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/stages/" + stage_id).status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/pipelines").json["data"].Size(), 1u);
}

TEST_F(PipelinesApi, StageValidationNamesTheField) {
    JsonResponse no_pipeline = Call("POST", "/api/v2/stages", R"({"name":"X"})");
    EXPECT_EQ(no_pipeline.status, 400);
    EXPECT_STREQ(no_pipeline.json["field"].GetString(), "pipeline_id");
    JsonResponse bad_probability =
        Call("POST", "/api/v2/stages", R"({"name":"X","pipeline_id":1,"deal_probability":150})");
    EXPECT_EQ(bad_probability.status, 400);
    EXPECT_STREQ(bad_probability.json["field"].GetString(), "deal_probability");
    JsonResponse no_name = Call("POST", "/api/v2/pipelines", R"({"name":"  "})");
    EXPECT_EQ(no_name.status, 400);
    EXPECT_STREQ(no_name.json["field"].GetString(), "name");
}

}  // namespace
}  // namespace pipecrm::testing
