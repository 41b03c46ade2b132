// Reports and exchange rates (issue 7) over real HTTP and through the real CLI, on one
// database: JSON and CSV, the same figures from both edges, rates that never rewrite closed
// deals, admin-only rate changes and bad input answered with the field's name.
#include <chrono>
#include <csignal>
#include <thread>

#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

// A day in Vietnam (UTC+7, the default zone) counted from today, "YYYY-MM-DD".
std::string DayInVietnam(int days) {
    const auto local =
        std::chrono::system_clock::now() + std::chrono::hours(7) + std::chrono::days(days);
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(local)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

std::string YesterdayInVietnam() {
    return DayInVietnam(-1);
}

class ReportsApi : public ApiTest {
  protected:
    void ExpectError(const JsonResponse& response, int status, const char* field) {
        EXPECT_EQ(response.status, status) << response.body;
        ASSERT_TRUE(response.json.IsObject()) << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), field) << response.body;
    }

    void Patch(std::int64_t id, const std::string& body) {
        JsonResponse r = Call("PATCH", "/api/v2/deals/" + std::to_string(id), body);
        ASSERT_EQ(r.status, 200) << r.body;
    }

    // The raw text of a GET (for CSV).
    HttpResult Raw(const std::string& target) {
        auto result = client_->Send("GET", target, "", {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok());
        return result.ok() ? *result : HttpResult{};
    }
};

TEST_F(ReportsApi, FunnelAndConversionFollowTheDealsThroughTheStages) {
    // Stages 1..5 of the first pipeline. a: 1 -> 3 (skips 2) -> won; b: 1 -> 2 -> 1 -> lost;
    // c: created in 2; d: created and deleted.
    const auto a = CreateDeal(R"({"title":"a","value":1000000,"stage_id":1})");
    const auto b = CreateDeal(R"({"title":"b","value":2000000,"stage_id":1})");
    CreateDeal(R"({"title":"c","value":300000,"stage_id":2})");
    const auto d = CreateDeal(R"({"title":"d","value":9000000,"stage_id":1})");
    Patch(a, R"({"stage_id":3})");
    Patch(a, R"({"status":"won"})");
    Patch(b, R"({"stage_id":2})");
    Patch(b, R"({"stage_id":1})");
    Patch(b, R"({"status":"lost","lost_reason":"price"})");
    ASSERT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(d)).status, 200);

    JsonResponse funnel = Call("GET", "/api/v1/reports/funnel");
    ASSERT_EQ(funnel.status, 200) << funnel.body;
    const auto& data = funnel.json["data"];
    EXPECT_STREQ(data["report"].GetString(), "funnel");
    EXPECT_STREQ(data["base_currency"].GetString(), "VND");
    const auto& rows = data["rows"];
    ASSERT_EQ(rows.Size(), 5u);
    EXPECT_EQ(rows[0]["reached"].GetInt64(), 3) << "a, b and c (created past it); not d";
    EXPECT_EQ(rows[0]["reached_value"].GetDouble(), 3300000.0);
    EXPECT_EQ(rows[0]["lost"].GetInt64(), 1);
    EXPECT_EQ(rows[1]["reached"].GetInt64(), 3) << "a skipped through it, b once, c";
    EXPECT_EQ(rows[1]["moved_on"].GetInt64(), 1);
    EXPECT_EQ(rows[2]["reached"].GetInt64(), 1);
    EXPECT_EQ(rows[2]["won"].GetInt64(), 1);
    EXPECT_EQ(rows[2]["won_value"].GetDouble(), 1000000.0);
    EXPECT_TRUE(rows[4]["moved_on"].IsNull());

    JsonResponse conversion = Call("GET", "/api/v1/reports/conversion");
    ASSERT_EQ(conversion.status, 200) << conversion.body;
    EXPECT_EQ(conversion.json["data"]["summary"]["win_rate"].GetDouble(), 0.5);

    JsonResponse lost = Call("GET", "/api/v1/reports/lost-reasons");
    ASSERT_EQ(lost.status, 200) << lost.body;
    EXPECT_STREQ(lost.json["data"]["rows"][0]["reason"].GetString(), "price");

    for (const char* name : {"stage-time", "stalled", "leaderboard", "forecast"}) {
        JsonResponse r = Call("GET", std::string("/api/v1/reports/") + name);
        EXPECT_EQ(r.status, 200) << name << ": " << r.body;
    }

    // CSV: the same rows, a header line first; and the CLI prints the same CSV.
    HttpResult csv = Raw("/api/v1/reports/funnel?format=csv");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.rfind("stage_id,stage,order,reached,reached_value,", 0), 0u) << csv.body;
    EXPECT_NE(csv.body.find("\r\n1,Prospecting,1,3,3300000,"), std::string::npos) << csv.body;
    EXPECT_EQ(csv.Header("cache-control"), nullptr) << "kept until the data changes";
    const HttpResult timed = Raw("/api/v1/reports/stage-time");
    ASSERT_NE(timed.Header("cache-control"), nullptr) << "measured until now: never kept";
    EXPECT_EQ(*timed.Header("cache-control"), "no-store");
    CommandResult cli = RunPipecrm({"report", "funnel", "--db", db_, "--format", "csv"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(cli.out, csv.body);
    CommandResult json = RunPipecrm({"report", "conversion", "--db", db_, "--format", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    EXPECT_NE(json.out.find("\"win_rate\":0.5"), std::string::npos) << json.out;
    CommandResult table = RunPipecrm({"report", "stage-time", "--db", db_});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("bottleneck_stage"), std::string::npos) << table.out;
}

TEST_F(ReportsApi, BadOptionsAreRefusedNamingTheField) {
    ExpectError(Call("GET", "/api/v1/reports/funnel?from=2026-13-01"), 400, "from");
    ExpectError(Call("GET", "/api/v1/reports/funnel?from=2026-03-02&to=2026-03-01"), 400, "to");
    ExpectError(Call("GET", "/api/v1/reports/funnel?pipeline_id=999"), 400, "pipeline_id");
    ExpectError(Call("GET", "/api/v1/reports/funnel?owner_id=999"), 400, "owner_id");
    ExpectError(Call("GET", "/api/v1/reports/funnel?team_id=x"), 400, "team_id");
    ExpectError(Call("GET", "/api/v1/reports/funnel?format=xml"), 400, "format");
    EXPECT_EQ(Call("GET", "/api/v1/reports/nonsense").status, 404);
    CommandResult cli = RunPipecrm({"report", "funnel", "--db", db_, "--format", "xml"});
    EXPECT_NE(cli.exit_code, 0);
    EXPECT_NE(cli.err.find("--format"), std::string::npos) << cli.err;
    cli = RunPipecrm({"report", "funnel", "--db", db_, "--pipeline", "999"});
    EXPECT_NE(cli.exit_code, 0);
    EXPECT_NE(cli.err.find("no pipeline 999"), std::string::npos) << cli.err;
}

TEST_F(ReportsApi, ChangingARateNeverRewritesClosedDeals) {
    const std::string day = YesterdayInVietnam();
    JsonResponse added = Call("POST", "/api/v1/exchange-rates",
                              R"({"currency":"usd","date":")" + day + R"(","rate":"25000.0"})");
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_STREQ(added.json["data"]["currency"].GetString(), "USD");
    EXPECT_EQ(added.json["data"]["rate"].GetDouble(), 25000.0);

    const auto won = CreateDeal(R"({"title":"won","value":100,"currency":"USD","stage_id":1})");
    Patch(won, R"({"status":"won"})");
    CreateDeal(R"({"title":"open","value":10,"currency":"USD","stage_id":1})");
    auto values = [&] {
        JsonResponse funnel = Call("GET", "/api/v1/reports/funnel");
        EXPECT_EQ(funnel.status, 200) << funnel.body;
        return std::pair{funnel.json["data"]["rows"][0]["won_value"].GetDouble(),
                         funnel.json["data"]["rows"][0]["open_value"].GetDouble()};
    };
    EXPECT_EQ(values(), std::pair(2500000.0, 250000.0));

    // The same day's rate corrected: open deals follow it, the won deal keeps its value.
    ASSERT_EQ(Call("POST", "/api/v1/exchange-rates",
                   R"({"currency":"USD","date":")" + day + R"(","rate":30000})")
                  .status,
              201);
    EXPECT_EQ(values(), std::pair(2500000.0, 300000.0));
    JsonResponse listed = Call("GET", "/api/v1/exchange-rates");
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json["data"].Size(), 1u) << "one rate in force per currency and day";
    EXPECT_EQ(listed.json["data"][0]["rate"].GetDouble(), 30000.0);
    EXPECT_STREQ(listed.json["additional_data"]["base_currency"].GetString(), "VND");

    // The CLI sees and sets the same rates.
    CommandResult set = RunPipecrm(
        {"rate", "set", "--db", db_, "--currency", "EUR", "--date", day, "--rate", "27000"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    CommandResult list = RunPipecrm({"rate", "list", "--db", db_});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("USD       " + day + "  30000"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("EUR"), std::string::npos) << list.out;
}

TEST_F(ReportsApi, RatesAreCheckedAndOnlyAdminsChangeThem) {
    ExpectError(Call("POST", "/api/v1/exchange-rates",
                     R"({"currency":"XYZ","date":"2026-01-01","rate":1})"),
                400, "currency");
    ExpectError(Call("POST", "/api/v1/exchange-rates",
                     R"({"currency":"VND","date":"2026-01-01","rate":1})"),
                400, "currency");
    ExpectError(Call("POST", "/api/v1/exchange-rates", R"({"currency":"USD","rate":1})"), 400,
                "date");
    ExpectError(Call("POST", "/api/v1/exchange-rates",
                     R"({"currency":"USD","date":"2026-01-01","rate":"-2"})"),
                400, "rate");
    ExpectError(Call("POST", "/api/v1/exchange-rates",
                     R"({"currency":"USD","date":"2026-01-01","rate":0})"),
                400, "rate");
    ExpectError(Call("POST", "/api/v1/exchange-rates",
                     R"({"currency":"USD","date":"2026-01-01","rate":1,"extra":1})"),
                400, "extra");
    EXPECT_EQ(Call("GET", "/api/v1/exchange-rates").json["data"].Size(), 0u) << "nothing stored";

    CommandResult user =
        RunPipecrm({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"},
                   {"PIPECRM_USER_PASSWORD=rep-password-1"});
    ASSERT_EQ(user.exit_code, 0) << user.err;
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    std::string rep = token.out.substr(0, token.out.find_first_of("\r\n"));
    EXPECT_EQ(CallWithToken(rep, "POST", "/api/v1/exchange-rates",
                            R"({"currency":"USD","date":"2026-01-01","rate":1})")
                  .status,
              403);
    EXPECT_EQ(CallWithToken(rep, "GET", "/api/v1/exchange-rates").status, 200);
    EXPECT_EQ(CallWithToken(rep, "GET", "/api/v1/reports/funnel").status, 200);
}

TEST_F(ReportsApi, ForecastSnapshotsAreTakenOnDemandAndShownBesideTheMonth) {
    // Expected to close today (in Vietnam), so the snapshot taken now is of this month.
    const std::string today = DayInVietnam(0);
    CreateDeal(R"({"title":"soon","value":1000000,"stage_id":4,"expected_close_date":")" + today +
               R"("})");
    JsonResponse taken = Call("POST", "/api/v1/reports/forecast/snapshots");
    ASSERT_EQ(taken.status, 201) << taken.body;
    EXPECT_EQ(taken.json["data"]["rows"].GetInt(), 1);
    JsonResponse forecast = Call("GET", "/api/v1/reports/forecast");
    ASSERT_EQ(forecast.status, 200) << forecast.body;
    const auto& row = forecast.json["data"]["rows"][0];
    EXPECT_STREQ(row["month"].GetString(), today.substr(0, 7).c_str());
    EXPECT_TRUE(row["forecast_taken"].IsString()) << forecast.body;
    EXPECT_EQ(row["forecast_open_value"].GetDouble(), 1000000.0);
    EXPECT_EQ(row["forecast_weighted_value"].GetDouble(), 600000.0) << "stage 4 is 60%";

    CommandResult cli = RunPipecrm({"forecast", "snapshot", "--db", db_});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_NE(cli.out.find("1 rows"), std::string::npos) << cli.out;

    CommandResult user =
        RunPipecrm({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"},
                   {"PIPECRM_USER_PASSWORD=rep-password-1"});
    ASSERT_EQ(user.exit_code, 0) << user.err;
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    const std::string rep = token.out.substr(0, token.out.find_first_of("\r\n"));
    EXPECT_EQ(CallWithToken(rep, "POST", "/api/v1/reports/forecast/snapshots").status, 403);
}

TEST_F(ReportsApi, AStartingServerTakesTheDaysSnapshotOnlyWhenItIsDue) {
    const std::string taken_today = "SELECT COUNT(DISTINCT snapshot) FROM forecast_snapshots";
    // Nothing to snapshot: the server started by the fixture wrote none.
    CreateDeal(R"({"title":"no date"})");
    EXPECT_EQ(QueryColumn(db_, taken_today), std::vector<std::string>{"0"});
    CreateDeal(R"({"title":"soon","value":500,"expected_close_date":")" + DayInVietnam(3) +
               R"("})");
    const auto restart = [this] {
        server_->Signal(SIGTERM);
        ASSERT_EQ(server_->Wait(), 0);
        server_ = std::make_unique<ServerProcess>(db_);
        ASSERT_TRUE(server_->started());
    };
    restart();
    // Taken by a thread of the server: wait for it (up to 10 s).
    std::vector<std::string> count;
    for (int i = 0; i < 200; ++i) {
        count = QueryColumn(db_, taken_today);
        if (count != std::vector<std::string>{"0"}) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(count, std::vector<std::string>{"1"});
    // Another start the same day adds none (given the time a snapshot took above).
    restart();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(QueryColumn(db_, taken_today), std::vector<std::string>{"1"});
}

TEST_F(ReportsApi, GoalsAreAddedByAdminsAndShowProgress) {
    const std::string today = DayInVietnam(0);
    const std::string month_start = today.substr(0, 8) + "01";
    JsonResponse added = Call("POST", "/api/v1/goals",
                              R"({"assignee_type":"workspace","metric":"won_value",)"
                              R"("target":"2000000","period":"month","start_date":")" +
                                  month_start + R"("})");
    ASSERT_EQ(added.status, 201) << added.body;
    const auto goal_id = added.json["data"]["id"].GetInt64();
    EXPECT_EQ(added.json["data"]["target"].GetDouble(), 2000000.0);
    const auto won = CreateDeal(R"({"title":"w","value":500000,"stage_id":1})");
    Patch(won, R"({"status":"won"})");

    JsonResponse report = Call("GET", "/api/v1/reports/goals");
    ASSERT_EQ(report.status, 200) << report.body;
    const auto& row = report.json["data"]["rows"][0];
    EXPECT_EQ(row["goal_id"].GetInt64(), goal_id);
    EXPECT_STREQ(row["period_start"].GetString(), month_start.c_str());
    EXPECT_EQ(row["actual"].GetDouble(), 500000.0);
    EXPECT_EQ(row["progress"].GetDouble(), 0.25);

    ExpectError(Call("POST", "/api/v1/goals",
                     R"({"assignee_type":"user","metric":"deals_won","target":3,)"
                     R"("start_date":"2026-01-01"})"),
                400, "assignee_id");
    ExpectError(Call("POST", "/api/v1/goals",
                     R"({"assignee_type":"user","assignee_id":999,"metric":"deals_won",)"
                     R"("target":3,"start_date":"2026-01-01"})"),
                400, "assignee_id");
    ExpectError(Call("POST", "/api/v1/goals",
                     R"({"assignee_type":"workspace","metric":"calls","target":3,)"
                     R"("start_date":"2026-01-01"})"),
                400, "metric");
    ExpectError(Call("POST", "/api/v1/goals",
                     R"({"assignee_type":"workspace","metric":"deals_won","target":2.5,)"
                     R"("start_date":"2026-01-01"})"),
                400, "target");
    ExpectError(Call("POST", "/api/v1/goals",
                     R"({"assignee_type":"workspace","metric":"deals_won","target":2,)"
                     R"("period":"week","start_date":"2026-01-01"})"),
                400, "period");
    EXPECT_EQ(Call("GET", "/api/v1/goals").json["data"].Size(), 1u) << "nothing else stored";

    CommandResult cli =
        RunPipecrm({"goal", "add", "--db", db_, "--assignee-type", "user", "--assignee-id", "1",
                    "--metric", "deals_won", "--target", "5", "--start", month_start});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    cli = RunPipecrm({"report", "goals", "--db", db_, "--format", "csv"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_NE(cli.out.find(",deals_won,month," + month_start + ","), std::string::npos) << cli.out;
    EXPECT_EQ(Call("DELETE", "/api/v1/goals/" + std::to_string(goal_id)).status, 200);
    EXPECT_EQ(Call("DELETE", "/api/v1/goals/" + std::to_string(goal_id)).status, 404);
    cli = RunPipecrm({"goal", "list", "--db", db_});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_NE(cli.out.find("deals_won"), std::string::npos) << cli.out;
    EXPECT_EQ(cli.out.find("won_value"), std::string::npos) << cli.out;
}

}  // namespace
}  // namespace pipecrm::testing
