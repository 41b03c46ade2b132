// The reports served from derived data (docs/reports.md, "Performance") through the real
// server and the real CLI on one database: the API and the CLI agree before and after
// `pipecrm report rebuild`, a change made over HTTP is folded in by the next report, and a bad
// --db is refused.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class ReportFactsCli : public ApiTest {
  protected:
    // The report's JSON from the CLI (in the workspace's time zone, the admin's too).
    std::string Cli(const char* report) {
        CommandResult r = RunPipecrm({"report", report, "--db", db_, "--format", "json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out;
    }

    // The report's `data` from the API, as the CLI prints it.
    std::string Api(const char* report) {
        auto result = client_->Send("GET", std::string("/api/v1/reports/") + report, "",
                                    {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok());
        if (!result.ok()) {
            return {};
        }
        JsonResponse response = ToJsonResponse(*result);
        EXPECT_EQ(response.status, 200) << response.body;
        const std::string& body = response.body;
        const std::size_t start = body.find("\"data\":");
        const std::size_t end = body.rfind('}');
        if (start == std::string::npos || end == std::string::npos) {
            ADD_FAILURE() << body;
            return {};
        }
        return body.substr(start + 7, end - start - 7) + "\n";
    }

    void Patch(std::int64_t id, const std::string& body) {
        JsonResponse r = Call("PATCH", "/api/v2/deals/" + std::to_string(id), body);
        ASSERT_EQ(r.status, 200) << r.body;
    }
};

TEST_F(ReportFactsCli, ApiAndCliAgreeThroughARebuildAndFoldInChanges) {
    const auto a = CreateDeal(R"({"title":"a","value":1000000,"stage_id":1})");
    const auto b = CreateDeal(R"({"title":"b","value":2000000,"stage_id":2})");
    Patch(a, R"({"stage_id":3})");
    Patch(b, R"({"status":"won"})");
    Patch(a, R"({"expected_close_date":"2031-05-20","probability":40})");
    const std::string funnel = Api("funnel");
    const std::string leaderboard = Api("leaderboard");
    const std::string forecast = Api("forecast");
    EXPECT_NE(
        forecast.find(R"("month":"2031-05","open":1,"open_value":1000000,"weighted_value":400000)"),
        std::string::npos)
        << forecast;
    EXPECT_EQ(Cli("forecast"), forecast);
    EXPECT_NE(funnel.find("\"reached\":2"), std::string::npos) << funnel;
    EXPECT_EQ(Cli("funnel"), funnel);
    EXPECT_EQ(Cli("leaderboard"), leaderboard);
    // Stage-time's open visits are measured until now, in days with two decimals: seconds
    // apart, the CLI and the API print the same.
    const std::string stage_time = Api("stage-time");
    EXPECT_NE(stage_time.find("\"order\":1,\"left_count\":1,"), std::string::npos) << stage_time;
    EXPECT_NE(stage_time.find("\"order\":4,\"left_count\":0,"), std::string::npos) << stage_time;
    EXPECT_EQ(Cli("stage-time"), stage_time);

    CommandResult rebuilt = RunPipecrm({"report", "rebuild", "--db", db_});
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    EXPECT_NE(rebuilt.out.find("rebuilt 4 report data sets"), std::string::npos) << rebuilt.out;
    EXPECT_EQ(Cli("funnel"), funnel);
    EXPECT_EQ(Api("leaderboard"), leaderboard);
    EXPECT_EQ(Cli("stage-time"), stage_time);
    EXPECT_EQ(Api("forecast"), forecast);

    // A deal moved, one lost and one added over HTTP: the next reports fold them in.
    Patch(a, R"({"stage_id":4})");
    Patch(a, R"({"status":"lost","lost_reason":"price"})");
    CreateDeal(R"({"title":"c","value":500000,"stage_id":1})");
    const std::string moved = Api("funnel");
    EXPECT_NE(moved, funnel);
    EXPECT_NE(moved.find("\"reached\":3"), std::string::npos) << moved;
    EXPECT_EQ(Cli("funnel"), moved);
    const std::string after = Api("leaderboard");
    EXPECT_NE(after.find("\"lost\":1"), std::string::npos) << after;
    EXPECT_EQ(Cli("leaderboard"), after);
    const std::string visits = Api("stage-time");
    EXPECT_NE(visits.find("\"order\":4,\"left_count\":1,"), std::string::npos) << visits;
    EXPECT_NE(visits.find("\"order\":1,\"left_count\":1,"), std::string::npos) << visits;
    EXPECT_EQ(Cli("stage-time"), visits);
    // a is lost now: 2031-05 has no open deal left, and the stages a was in learned from it.
    const std::string closed = Api("forecast");
    EXPECT_EQ(closed.find("\"2031-05\""), std::string::npos) << closed;
    EXPECT_NE(closed, forecast);
    EXPECT_EQ(Cli("forecast"), closed);
}

TEST_F(ReportFactsCli, RebuildRefusesAMissingDatabase) {
    CommandResult r = RunPipecrm({"report", "rebuild", "--db", dir_.File("none.db")});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no database"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pipecrm::testing
