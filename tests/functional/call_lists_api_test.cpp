// Call lists over real HTTP: a segment becomes call activities for chosen reps, and each rep
// reads their own calls in order.
#include <string>
#include <vector>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class CallListsApi : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        for (const char* email : {"an@example.com", "binh@example.com"}) {
            CommandResult added =
                RunPipecrm({"user", "add", "--db", db_, "--email", email, "--role", "member"},
                           {"PIPECRM_USER_PASSWORD=member password 1"});
            ASSERT_EQ(added.exit_code, 0) << added.err;
        }
        rep_token_ = RunPipecrm({"token", "create", "--db", db_, "--email", "an@example.com"}).out;
        while (!rep_token_.empty() && (rep_token_.back() == '\n' || rep_token_.back() == ' ')) {
            rep_token_.pop_back();
        }
        rep_token_ = rep_token_.substr(rep_token_.rfind('\n') + 1);
        JsonResponse filter = Call(
            "POST", "/v1/filters",
            R"({"name":"Hot","type":"deals","conditions":{"glue":"and","conditions":[)"
            R"({"glue":"and","conditions":[{"object":"deal","field_id":"value","operator":">=",)"
            R"("value":100}]},{"glue":"or","conditions":[]}]}})");
        ASSERT_EQ(filter.status, 201) << filter.body;
        filter_id_ = std::to_string(filter.json["data"]["id"].GetInt());
        for (int i = 0; i < 5; ++i) {
            CreateDeal(R"({"title":"Hot )" + std::to_string(i) +
                       R"(","value":500,"currency":"USD"})");
        }
        CreateDeal(R"({"title":"Cold","value":1,"currency":"USD"})");
    }

    std::string rep_token_;
    std::string filter_id_;
};

TEST_F(CallListsApi, ASegmentBecomesOrderedCallsForEachRep) {
    JsonResponse created = Call("POST", "/api/v1/callLists",
                                R"({"name":"Monday push","filter_id":)" + filter_id_ +
                                    R"(,"user_ids":[2,3],"strategy":"round_robin",)"
                                    R"("start_date":"2026-11-27","per_day":2})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& calls = created.json["data"]["calls"];
    ASSERT_EQ(calls.Size(), 5u);  // the cold deal is not in the segment
    EXPECT_STREQ(created.json["data"]["call_list"]["strategy"].GetString(), "round_robin");

    JsonResponse mine = CallWithToken(rep_token_, "GET", "/api/v1/callLists/1/calls");
    ASSERT_EQ(mine.status, 200) << mine.body;
    ASSERT_EQ(mine.json["data"].Size(), 3u);
    std::vector<std::string> due;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& call = mine.json["data"][static_cast<rapidjson::SizeType>(i)];
        EXPECT_EQ(call["user_id"].GetInt(), 2);
        EXPECT_EQ(call["position"].GetInt(), static_cast<int>(i) + 1);
        EXPECT_STREQ(call["activity"]["type"].GetString(), "call");
        EXPECT_EQ(call["activity"]["owner_id"].GetInt(), 2);
        EXPECT_EQ(std::string(call["activity"]["subject"].GetString()).rfind("Call: Hot", 0), 0u);
        due.push_back(call["activity"]["due_date"].GetString());
    }
    // Two a day from Friday: Friday, Friday, then Monday.
    EXPECT_EQ(due, (std::vector<std::string>{"2026-11-27", "2026-11-27", "2026-11-30"}));

    EXPECT_EQ(CallWithToken(rep_token_, "GET", "/api/v1/callLists/1/calls?user_id=3").status, 403);
    EXPECT_EQ(Call("GET", "/api/v1/callLists/1/calls?user_id=3").json["data"].Size(), 2u);
    EXPECT_EQ(CallWithToken(rep_token_, "GET", "/api/v1/callLists").json["data"].Size(), 1u);
    EXPECT_EQ(CallWithToken(rep_token_, "POST", "/api/v1/callLists",
                            R"({"name":"x","filter_id":1,"user_ids":[2]})")
                  .status,
              403);
}

TEST_F(CallListsApi, LeastOpenLoadGivesTheBusyRepFewerCalls) {
    for (int i = 0; i < 4; ++i) {
        ASSERT_EQ(Call("POST", "/api/v2/activities",
                       R"({"subject":"Busy","owner_id":2,"due_date":"2026-12-01"})")
                      .status,
                  201);
    }
    JsonResponse created = Call("POST", "/api/v1/callLists",
                                R"({"name":"Balance","filter_id":)" + filter_id_ +
                                    R"(,"user_ids":[2,3],"strategy":"least_open"})");
    ASSERT_EQ(created.status, 201) << created.body;
    int to_busy = 0;
    for (const auto& call : created.json["data"]["calls"].GetArray()) {
        to_busy += call["user_id"].GetInt() == 2 ? 1 : 0;
    }
    // 4 open already: the idle rep takes calls until both have 4, then the tie goes to the
    // first rep named.
    EXPECT_EQ(to_busy, 1);
}

TEST_F(CallListsApi, BadRequestsNameTheField) {
    struct Case {
        std::string body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"name":"x","user_ids":[2]})", "filter_id"},
        {R"({"name":"x","filter_id":99,"user_ids":[2]})", "filter_id"},
        {R"({"name":"x","filter_id":)" + filter_id_ + R"(,"user_ids":[]})", "user_ids"},
        {R"({"name":"x","filter_id":)" + filter_id_ + R"(,"user_ids":[42]})", "user_ids"},
        {R"({"name":"x","filter_id":)" + filter_id_ + R"(,"user_ids":"2"})", "user_ids"},
        {R"({"name":"x","filter_id":)" + filter_id_ + R"(,"user_ids":[2],"strategy":"luck"})",
         "strategy"},
        {R"({"name":"x","filter_id":)" + filter_id_ + R"(,"user_ids":[2],"per_day":0})", "per_day"},
        {R"({"filter_id":)" + filter_id_ + R"(,"user_ids":[2]})", "name"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v1/callLists", c.body);
        EXPECT_EQ(response.status, 400) << c.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << response.body;
    }
    EXPECT_EQ(Call("GET", "/api/v1/callLists").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/activities").json["data"].Size(), 0u);  // nothing half-done
    EXPECT_EQ(Call("GET", "/api/v1/callLists/9/calls").status, 404);
}

}  // namespace
}  // namespace pipecrm::testing
