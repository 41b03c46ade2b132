// v1 deal summary and deal timeline over real HTTP: totals keyed by currency, periods by a
// date field, in the user's time zone (Asia/Ho_Chi_Minh by default).
#include <chrono>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using DealReportsApi = ApiTest;

// Today in Vietnam (UTC+7, no daylight saving), "YYYY-MM-DD".
std::string TodayInVietnam() {
    const auto local = std::chrono::system_clock::now() + std::chrono::hours(7);
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(local)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

void ExpectError(const JsonResponse& response, const char* field) {
    EXPECT_EQ(response.status, 400) << response.body;
    ASSERT_TRUE(response.json.IsObject()) << response.body;
    ASSERT_TRUE(response.json.HasMember("field")) << response.body;
    EXPECT_STREQ(response.json["field"].GetString(), field) << response.body;
}

TEST_F(DealReportsApi, SummaryKeepsCurrenciesApartAndSkipsDeletedDeals) {
    CreateDeal(R"({"title":"A","value":1000,"currency":"USD","stage_id":2})");
    CreateDeal(R"({"title":"A2","value":200,"currency":"USD","stage_id":2,"probability":50})");
    CreateDeal(R"({"title":"B","value":2500000,"stage_id":2})");
    const auto won = CreateDeal(R"({"title":"C","value":1000000,"stage_id":1})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(won), R"({"status":"won"})").status,
              200);
    const auto deleted = CreateDeal(R"({"title":"D","value":7000000,"stage_id":1})");
    ASSERT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(deleted)).status, 200);

    JsonResponse all = Call("GET", "/v1/deals/summary");
    ASSERT_EQ(all.status, 200) << all.body;
    const auto& data = all.json["data"];
    EXPECT_EQ(data["total_count"].GetInt(), 4);
    const auto& usd = data["values_total"]["USD"];
    EXPECT_EQ(usd["value"].GetDouble(), 1200.0);
    EXPECT_EQ(usd["count"].GetInt(), 2);
    EXPECT_STREQ(usd["value_formatted"].GetString(), "$1,200");
    EXPECT_TRUE(usd["value_converted"].IsNull()) << "no exchange rates: USD does not become VND";
    const auto& vnd = data["values_total"]["VND"];
    EXPECT_EQ(vnd["value"].GetDouble(), 3500000.0);
    EXPECT_EQ(vnd["count"].GetInt(), 2);
    EXPECT_EQ(vnd["value_converted"].GetDouble(), 3500000.0);
    EXPECT_EQ(data["weighted_values_total"]["USD"]["value"].GetDouble(), 250.0 + 100.0)
        << "A at stage 2's 25%, A2 at its own 50%";
    EXPECT_EQ(data["weighted_values_total"]["VND"]["value"].GetDouble(), 625000.0 + 100000.0)
        << "B at 25%, C at stage 1's 10%";
    EXPECT_TRUE(data["total_currency_converted_value"].IsNull())
        << "a total across USD and VND would need a rate";

    JsonResponse won_only = Call("GET", "/api/v1/deals/summary?status=won");
    ASSERT_EQ(won_only.status, 200) << won_only.body;
    EXPECT_EQ(won_only.json["data"]["total_count"].GetInt(), 1);
    EXPECT_EQ(won_only.json["data"]["total_currency_converted_value"].GetDouble(), 1000000.0);
    EXPECT_STREQ(won_only.json["data"]["total_currency_converted_value_formatted"].GetString(),
                 "₫1,000,000");

    EXPECT_EQ(Call("GET", "/v1/deals/summary?stage_id=2").json["data"]["total_count"].GetInt(), 3);
    JsonResponse nobody = Call("GET", "/v1/deals/summary?user_id=99");
    EXPECT_EQ(nobody.json["data"]["total_count"].GetInt(), 0);
    EXPECT_EQ(nobody.json["data"]["values_total"].MemberCount(), 0u);
    EXPECT_EQ(nobody.json["data"]["total_currency_converted_value"].GetDouble(), 0.0);

    ExpectError(Call("GET", "/v1/deals/summary?status=deleted"), "status");
    ExpectError(Call("GET", "/v1/deals/summary?pipeline_id=abc"), "pipeline_id");
    ExpectError(Call("GET", "/v1/deals/summary?filter_id=x"), "filter_id");
    EXPECT_EQ(Call("GET", "/v1/deals/summary?filter_id=99").status, 404);

    // A saved filter narrows the sums: USD deals only.
    JsonResponse filter = Call(
        "POST", "/v1/filters",
        R"({"name":"USD","type":"deals","conditions":{"glue":"and","conditions":[{"glue":"and",)"
        R"("conditions":[{"object":"deal","field_id":"currency","operator":"=","value":"USD"}]}]}})");
    ASSERT_EQ(filter.status, 201) << filter.body;
    const std::string filter_id = std::to_string(filter.json["data"]["id"].GetInt());
    JsonResponse usd_only = Call("GET", "/v1/deals/summary?filter_id=" + filter_id);
    ASSERT_EQ(usd_only.status, 200) << usd_only.body;
    EXPECT_EQ(usd_only.json["data"]["total_count"].GetInt(), 2);
    EXPECT_FALSE(usd_only.json["data"]["values_total"].HasMember("VND"));
    JsonResponse timeline = Call("GET",
                                 "/v1/deals/timeline?start_date=2026-01-01&interval=month&"
                                 "amount=1&field_key=add_time&filter_id=" +
                                     filter_id);
    EXPECT_EQ(timeline.status, 200) << timeline.body;
}

TEST_F(DealReportsApi, TimelineGroupsOpenAndWonDealsByExpectedCloseMonth) {
    CreateDeal(R"({"title":"Jan open","value":100,"currency":"USD","stage_id":1,)"
               R"("expected_close_date":"2026-01-15"})");
    const auto won = CreateDeal(
        R"({"title":"Jan won","value":2000000,"stage_id":2,"expected_close_date":"2026-01-31"})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(won), R"({"status":"won"})").status,
              200);
    CreateDeal(
        R"({"title":"Feb open","value":500000,"stage_id":2,"expected_close_date":"2026-02-01"})");
    const auto lost = CreateDeal(R"({"title":"Mar lost","expected_close_date":"2026-03-05"})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(lost), R"({"status":"lost"})").status,
              200);
    CreateDeal(R"({"title":"April","expected_close_date":"2026-04-01"})");
    CreateDeal(R"({"title":"No date"})");

    const std::string query =
        "/v1/deals/timeline?start_date=2026-01-01&interval=month&amount=3&field_key="
        "expected_close_date";
    JsonResponse timeline = Call("GET", query);
    ASSERT_EQ(timeline.status, 200) << timeline.body;
    const auto& periods = timeline.json["data"];
    ASSERT_EQ(periods.Size(), 3u);
    EXPECT_STREQ(periods[0]["period_start"].GetString(), "2026-01-01 00:00:00");
    EXPECT_STREQ(periods[0]["period_end"].GetString(), "2026-01-31 23:59:59");
    EXPECT_STREQ(periods[1]["period_end"].GetString(), "2026-02-28 23:59:59");

    const auto& january = periods[0];
    ASSERT_EQ(january["deals"].Size(), 2u);
    EXPECT_STREQ(january["deals"][0]["title"].GetString(), "Jan open");
    EXPECT_STREQ(january["deals"][1]["title"].GetString(), "Jan won");
    const auto& totals = january["totals"];
    EXPECT_EQ(totals["count"].GetInt(), 2);
    EXPECT_EQ(totals["values"]["USD"].GetDouble(), 100.0);
    EXPECT_EQ(totals["values"]["VND"].GetDouble(), 2000000.0);
    EXPECT_EQ(totals["weighted_values"]["USD"].GetDouble(), 10.0) << "stage 1: 10%";
    EXPECT_EQ(totals["open_count"].GetInt(), 1);
    EXPECT_FALSE(totals["open_values"].HasMember("VND"));
    EXPECT_EQ(totals["won_count"].GetInt(), 1);
    EXPECT_EQ(totals["won_values"]["VND"].GetDouble(), 2000000.0);

    EXPECT_EQ(periods[1]["totals"]["count"].GetInt(), 1);
    EXPECT_EQ(periods[1]["totals"]["weighted_open_values"]["VND"].GetDouble(), 125000.0);
    EXPECT_EQ(periods[2]["totals"]["count"].GetInt(), 0) << "lost deals are not on the timeline";

    JsonResponse totals_only = Call("GET", query + "&exclude_deals=1");
    ASSERT_EQ(totals_only.status, 200) << totals_only.body;
    EXPECT_EQ(totals_only.json["data"][0]["deals"].Size(), 0u);
    EXPECT_EQ(totals_only.json["data"][0]["totals"]["count"].GetInt(), 2);

    JsonResponse quarter =
        Call("GET",
             "/api/v1/deals/timeline?start_date=2026-01-01&interval=quarter&amount=2&field_key="
             "expected_close_date&user_id=1");
    ASSERT_EQ(quarter.status, 200) << quarter.body;
    EXPECT_EQ(quarter.json["data"][0]["totals"]["count"].GetInt(), 3);
    EXPECT_EQ(quarter.json["data"][1]["totals"]["count"].GetInt(), 1) << "April";
    EXPECT_STREQ(quarter.json["data"][1]["period_end"].GetString(), "2026-06-30 23:59:59");
}

TEST_F(DealReportsApi, TimelineDaysAreTheUsersLocalDays) {
    const std::string before = TodayInVietnam();
    CreateDeal(R"({"title":"Today","value":300000})");
    JsonResponse today = Call(
        "GET", "/v1/deals/timeline?interval=day&amount=2&field_key=add_time&start_date=" + before);
    if (TodayInVietnam() != before) {
        GTEST_SKIP() << "midnight in Vietnam passed during the test";
    }
    ASSERT_EQ(today.status, 200) << today.body;
    EXPECT_EQ(today.json["data"][0]["totals"]["count"].GetInt(), 1);
    EXPECT_EQ(today.json["data"][1]["totals"]["count"].GetInt(), 0);
}

TEST_F(DealReportsApi, TimelineNamesEachBadParameter) {
    const std::string ok = "start_date=2026-01-01&interval=week&amount=4&field_key=add_time";
    ASSERT_EQ(Call("GET", "/v1/deals/timeline?" + ok).status, 200);
    ExpectError(Call("GET", "/v1/deals/timeline?interval=week&amount=4&field_key=add_time"),
                "start_date");
    ExpectError(Call("GET",
                     "/v1/deals/timeline?start_date=2026-02-30&interval=week&amount=4&"
                     "field_key=add_time"),
                "start_date");
    ExpectError(Call("GET",
                     "/v1/deals/timeline?start_date=2026-01-01&interval=year&amount=4&"
                     "field_key=add_time"),
                "interval");
    ExpectError(Call("GET",
                     "/v1/deals/timeline?start_date=2026-01-01&interval=week&amount=0&"
                     "field_key=add_time"),
                "amount");
    ExpectError(Call("GET",
                     "/v1/deals/timeline?start_date=2026-01-01&interval=week&"
                     "amount=1001&field_key=add_time"),
                "amount");
    ExpectError(Call("GET",
                     "/v1/deals/timeline?start_date=2026-01-01&interval=week&amount=4&"
                     "field_key=title"),
                "field_key");
    ExpectError(Call("GET", "/v1/deals/timeline?" + ok + "&exclude_deals=yes"), "exclude_deals");
    ExpectError(Call("GET", "/v1/deals/timeline?" + ok + "&totals_convert_currency=USD"),
                "totals_convert_currency");
    EXPECT_EQ(CallWithToken("wrong", "GET", "/v1/deals/timeline?" + ok).status, 401);
}

}  // namespace
}  // namespace pipecrm::testing
