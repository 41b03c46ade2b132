// Segments: saved filters with live counts, and the same filter on lists, the board and the
// deal summary.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class SegmentsApi : public ApiTest {
  protected:
    std::string AddFilter(const std::string& type,
                          const std::string& object,
                          const std::string& field,
                          const std::string& op,
                          const std::string& value) {
        JsonResponse added =
            Call("POST", "/v1/filters",
                 R"({"name":"segment","type":")" + type +
                     R"(","conditions":{"glue":"and","conditions":[{"glue":"and","conditions":[)"
                     R"({"object":")" +
                     object + R"(","field_id":")" + field + R"(","operator":")" + op +
                     R"(","value":)" + value + R"(}]},{"glue":"or","conditions":[]}]}})");
        EXPECT_EQ(added.status, 201) << added.body;
        return added.status == 201 ? std::to_string(added.json["data"]["id"].GetInt()) : "";
    }

    std::int64_t Count(const std::string& filter_id) {
        JsonResponse counted = Call("GET", "/v1/filters/" + filter_id + "/count");
        EXPECT_EQ(counted.status, 200) << counted.body;
        return counted.status == 200 ? counted.json["data"]["count"].GetInt64() : -1;
    }
};

TEST_F(SegmentsApi, CountsAreLiveAndMatchTheListsBoardAndSummary) {
    const std::string big = AddFilter("deals", "deal", "value", ">=", "1000");
    EXPECT_EQ(Count(big), 0);
    CreateDeal(R"({"title":"A","value":5000,"currency":"USD","stage_id":1})");
    CreateDeal(R"({"title":"B","value":1000,"currency":"USD","stage_id":1})");
    CreateDeal(R"({"title":"C","value":10,"currency":"USD","stage_id":1})");
    const auto gone = CreateDeal(R"({"title":"D","value":9000,"currency":"USD","stage_id":2})");
    EXPECT_EQ(Count(big), 3);
    ASSERT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(gone)).status, 200);
    EXPECT_EQ(Count(big), 2);  // deleted deals leave the segment at once

    EXPECT_EQ(Call("GET", "/api/v2/deals?filter_id=" + big).json["data"].Size(), 2u);
    EXPECT_EQ(Call("GET", "/v1/stages/1/deals?everyone=1&filter_id=" + big).json["data"].Size(),
              2u);
    JsonResponse summary = Call("GET", "/v1/deals/summary?filter_id=" + big);
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_EQ(summary.json["data"]["total_count"].GetInt(), 2) << summary.body;

    const std::string named = AddFilter("people", "person", "name", "LIKE '%$%'", R"("Nguyễn")");
    Call("POST", "/api/v2/persons", R"({"name":"Nguyễn Văn A"})");
    Call("POST", "/api/v2/persons", R"({"name":"Trần Thị B"})");
    EXPECT_EQ(Count(named), 1);
    JsonResponse typed = Call("GET", "/api/v1/filters/" + named + "/count");
    EXPECT_STREQ(typed.json["data"]["type"].GetString(), "people");

    EXPECT_EQ(Call("GET", "/v1/filters/999/count").status, 404);
    EXPECT_EQ(Call("GET", "/v1/filters/abc/count").status, 404);  // not a route
    ASSERT_EQ(Call("DELETE", "/v1/filters/" + big).status, 200);
    EXPECT_EQ(Call("GET", "/v1/filters/" + big + "/count").status, 404);
}

}  // namespace
}  // namespace pipecrm::testing
