// Campaigns and promotions over real HTTP: a campaign with an offer, window, segment and
// channel; deals attributed by hand, from the segment and by an automation rule; the report.
#include <chrono>
#include <thread>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using CampaignsApi = ApiTest;

TEST_F(CampaignsApi, DealsAttributedToACampaignMakeItsReport) {
    JsonResponse filter =
        Call("POST", "/v1/filters",
             R"({"name":"Big","type":"deals","conditions":{"glue":"and","conditions":[)"
             R"({"glue":"and","conditions":[{"object":"deal","field_id":"value","operator":">=",)"
             R"("value":1000}]},{"glue":"or","conditions":[]}]}})");
    ASSERT_EQ(filter.status, 201) << filter.body;
    const std::string filter_id = std::to_string(filter.json["data"]["id"].GetInt());
    JsonResponse created =
        Call("POST", "/api/v1/campaigns",
             R"({"name":"Tết promotion","offer":"10% off until Tết","channel":"email",)"
             R"("start_date":"2027-01-10","end_date":"2027-02-10","filter_id":)" +
                 filter_id + "}");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_STREQ(created.json["data"]["offer"].GetString(), "10% off until Tết");
    const std::string id = std::to_string(created.json["data"]["id"].GetInt());

    const auto a = CreateDeal(R"({"title":"A","value":5000,"currency":"USD"})");
    const auto b = CreateDeal(R"({"title":"B","value":2000,"currency":"USD"})");
    const auto c = CreateDeal(R"({"title":"C","value":10,"currency":"USD"})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(a), R"({"status":"won"})").status,
              200);
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(b), R"({"status":"lost"})").status,
              200);

    JsonResponse from_segment =
        Call("POST", "/api/v1/campaigns/" + id + "/deals", R"({"segment":true})");
    ASSERT_EQ(from_segment.status, 200) << from_segment.body;
    EXPECT_EQ(from_segment.json["data"]["added"].GetInt(), 2);  // A and B
    JsonResponse by_hand =
        Call("POST", "/api/v1/campaigns/" + id + "/deals",
             R"({"deal_ids":[)" + std::to_string(a) + "," + std::to_string(c) + "]}");
    EXPECT_EQ(by_hand.json["data"]["added"].GetInt(), 1);  // A was already in

    // A rule attributes new deals too.
    ASSERT_EQ(Call("POST", "/api/v1/automations",
                   R"({"name":"Attribute","trigger":{"type":"deal_created"},)"
                   R"("actions":[{"type":"add_to_campaign","campaign_id":)" +
                       id + "}]}")
                  .status,
              201);
    CreateDeal(R"({"title":"D","value":300,"currency":"USD"})");

    JsonResponse report;
    for (int i = 0; i < 100; ++i) {
        report = Call("GET", "/api/v1/campaigns/" + id + "/report");
        if (report.status == 200 && report.json["data"]["deals"].GetInt() == 4) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(report.status, 200) << report.body;
    const auto& r = report.json["data"];
    EXPECT_EQ(r["deals"].GetInt(), 4) << report.body;
    EXPECT_EQ(r["won"].GetInt(), 1);
    EXPECT_EQ(r["lost"].GetInt(), 1);
    EXPECT_DOUBLE_EQ(r["win_rate"].GetDouble(), 0.5);
    EXPECT_DOUBLE_EQ(r["conversion"].GetDouble(), 0.25);
    ASSERT_EQ(r["by_currency"].Size(), 1u);
    EXPECT_DOUBLE_EQ(r["by_currency"][0]["won_value"].GetDouble(), 5000);
    EXPECT_EQ(r["by_currency"][0]["open"].GetInt(), 2);

    EXPECT_EQ(Call("GET", "/api/v1/campaigns").json["data"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/api/v1/campaigns/99/report").status, 404);
}

TEST_F(CampaignsApi, BadCampaignsNameTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"channel":"email","start_date":"2027-01-01","end_date":"2027-01-02"})", "name"},
        {R"({"name":"n","channel":"pigeon","start_date":"2027-01-01","end_date":"2027-01-02"})",
         "channel"},
        {R"({"name":"n","channel":"sms","start_date":"2027-01-05","end_date":"2027-01-02"})",
         "end_date"},
        {R"({"name":"n","channel":"sms","end_date":"2027-01-02"})", "start_date"},
        {R"({"name":"n","channel":"sms","start_date":"2027-01-01","end_date":"2027-01-02",)"
         R"("filter_id":77})",
         "filter_id"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v1/campaigns", c.body);
        EXPECT_EQ(response.status, 400) << c.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << response.body;
    }
    EXPECT_EQ(Call("GET", "/api/v1/campaigns").json["data"].Size(), 0u);
    JsonResponse added = Call("POST", "/api/v1/campaigns",
                              R"({"name":"n","channel":"call","start_date":"2027-01-01",)"
                              R"("end_date":"2027-01-01"})");
    ASSERT_EQ(added.status, 201);
    EXPECT_STREQ(
        Call("POST", "/api/v1/campaigns/1/deals", R"({"deal_ids":[42]})").json["field"].GetString(),
        "deal_ids");
    EXPECT_STREQ(
        Call("POST", "/api/v1/campaigns/1/deals", R"({"segment":true})").json["field"].GetString(),
        "segment");
}

}  // namespace
}  // namespace pipecrm::testing
