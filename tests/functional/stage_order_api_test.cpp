// PATCH /api/v2/pipelines/{id}/stageOrder over real HTTP: a new order, and refusals.
#include <algorithm>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using StageOrderApi = ApiTest;

std::vector<int> StageIdsInOrder(JsonResponse& stages) {
    std::vector<std::pair<int, int>> order;
    for (const auto& stage : stages.json["data"].GetArray()) {
        order.emplace_back(stage["order_nr"].GetInt(), stage["id"].GetInt());
    }
    std::sort(order.begin(), order.end());
    std::vector<int> ids;
    for (const auto& [nr, id] : order) {
        ids.push_back(id);
    }
    return ids;
}

TEST_F(StageOrderApi, PutsTheStagesInTheGivenOrder) {
    JsonResponse before = Call("GET", "/api/v2/stages?pipeline_id=1");
    std::vector<int> ids = StageIdsInOrder(before);
    ASSERT_GE(ids.size(), 3u);
    std::swap(ids[0], ids[2]);
    std::string body = R"({"stage_ids":[)";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        body += (i ? "," : "") + std::to_string(ids[i]);
    }
    body += "]}";
    JsonResponse answer = Call("PATCH", "/api/v2/pipelines/1/stageOrder", body);
    ASSERT_EQ(answer.status, 200) << answer.body;
    ASSERT_EQ(answer.json["data"].Size(), ids.size());
    EXPECT_EQ(answer.json["data"][0]["id"].GetInt(), ids[0]);
    EXPECT_EQ(answer.json["data"][0]["order_nr"].GetInt(), 1);

    JsonResponse after = Call("GET", "/api/v2/stages?pipeline_id=1");
    EXPECT_EQ(StageIdsInOrder(after), ids);
    // A new deal without a stage goes to the stage now first.
    const auto deal = CreateDeal(R"({"title":"First stage","pipeline_id":1})");
    JsonResponse got = Call("GET", "/api/v2/deals/" + std::to_string(deal));
    EXPECT_EQ(got.json["data"]["stage_id"].GetInt(), ids[0]);
}

TEST_F(StageOrderApi, RefusesListsThatAreNotExactlyThePipelinesStages) {
    JsonResponse before = Call("GET", "/api/v2/stages?pipeline_id=1");
    const std::vector<int> ids = StageIdsInOrder(before);
    const std::string first = std::to_string(ids[0]);
    for (const std::string& body :
         {std::string(R"({"stage_ids":[)") + first + "]}",
          std::string(R"({"stage_ids":[)") + first + "," + first + "]}",
          std::string(R"({"stage_ids":[])"), std::string(R"({"stage_ids":"1,2"})"),
          std::string(R"({"order":[1]})")}) {
        JsonResponse refused = Call("PATCH", "/api/v2/pipelines/1/stageOrder", body);
        EXPECT_EQ(refused.status, 400) << body;
    }
    JsonResponse missing = Call("PATCH", "/api/v2/pipelines/99/stageOrder", R"({"stage_ids":[1]})");
    EXPECT_EQ(missing.status, 404);
    JsonResponse after = Call("GET", "/api/v2/stages?pipeline_id=1");
    EXPECT_EQ(StageIdsInOrder(after), ids) << "nothing changed";
}

}  // namespace
}  // namespace pipecrm::testing
