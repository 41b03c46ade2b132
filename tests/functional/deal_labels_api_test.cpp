// Deal labels over real HTTP: the managed list (admins only), label_ids on v2 deals and label
// on v1 ones, the label_id filter of deal lists, board columns and their totals, the errors of
// bad input, and a removed label leaving every deal.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using DealLabelsApi = ApiTest;

std::string IdOf(const JsonResponse& response) {
    return std::to_string(response.json["data"]["id"].GetInt());
}

std::vector<std::int64_t> LabelIds(const rapidjson::Value& deal) {
    std::vector<std::int64_t> ids;
    for (const auto& id : deal["label_ids"].GetArray()) {
        ids.push_back(id.GetInt64());
    }
    return ids;
}

TEST_F(DealLabelsApi, AdminAddsRenamesListsAndRemovesLabels) {
    EXPECT_EQ(Call("GET", "/api/v1/dealLabels").json["data"].Size(), 0u);
    JsonResponse hot = Call("POST", "/api/v1/dealLabels", R"({"name":"  Nóng  ","color":"red"})");
    ASSERT_EQ(hot.status, 201) << hot.body;
    EXPECT_STREQ(hot.json["data"]["name"].GetString(), "Nóng");
    EXPECT_STREQ(hot.json["data"]["color"].GetString(), "red");
    JsonResponse vip = Call("POST", "/v1/dealLabels", R"({"name":"VIP"})");
    ASSERT_EQ(vip.status, 201) << vip.body;
    EXPECT_STREQ(vip.json["data"]["color"].GetString(), "gray") << "the default colour";

    JsonResponse renamed =
        Call("PUT", "/api/v1/dealLabels/" + IdOf(vip), R"({"name":"Key account","color":"blue"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_STREQ(renamed.json["data"]["name"].GetString(), "Key account");

    JsonResponse list = Call("GET", "/v1/dealLabels");
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.json["data"].Size(), 2u);
    EXPECT_STREQ(list.json["data"][0]["name"].GetString(), "Nóng");
    EXPECT_STREQ(list.json["data"][1]["name"].GetString(), "Key account");
    EXPECT_STREQ(list.json["data"][1]["color"].GetString(), "blue");

    JsonResponse removed = Call("DELETE", "/api/v1/dealLabels/" + IdOf(hot));
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(Call("GET", "/api/v1/dealLabels").json["data"].Size(), 1u);
    EXPECT_EQ(Call("DELETE", "/api/v1/dealLabels/" + IdOf(hot)).status, 404);
    EXPECT_EQ(Call("PUT", "/api/v1/dealLabels/" + IdOf(hot), R"({"name":"x"})").status, 404);
}

TEST_F(DealLabelsApi, BadLabelsAreRefusedNamingTheField) {
    JsonResponse missing = Call("POST", "/api/v1/dealLabels", R"({"color":"red"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_STREQ(missing.json["field"].GetString(), "name");
    JsonResponse empty = Call("POST", "/api/v1/dealLabels", R"({"name":"  "})");
    EXPECT_EQ(empty.status, 400);
    EXPECT_STREQ(empty.json["field"].GetString(), "name");
    JsonResponse colour = Call("POST", "/api/v1/dealLabels", R"({"name":"A","color":"pink"})");
    EXPECT_EQ(colour.status, 400);
    EXPECT_STREQ(colour.json["field"].GetString(), "color");
    EXPECT_EQ(Call("POST", "/api/v1/dealLabels", R"({"name":"A","size":1})").status, 400);
    ASSERT_EQ(Call("POST", "/api/v1/dealLabels", R"({"name":"A"})").status, 201);
    JsonResponse twice = Call("POST", "/api/v1/dealLabels", R"({"name":"A"})");
    EXPECT_EQ(twice.status, 409);
    EXPECT_STREQ(twice.json["field"].GetString(), "name");
    EXPECT_EQ(Call("GET", "/api/v1/dealLabels").json["data"].Size(), 1u) << "nothing else written";
}

TEST_F(DealLabelsApi, DealsCarryLabelsAndListsFilterOnThem) {
    const std::string hot = IdOf(Call("POST", "/api/v1/dealLabels", R"({"name":"Hot"})"));
    const std::string vip = IdOf(Call("POST", "/api/v1/dealLabels", R"({"name":"VIP"})"));
    const auto a = CreateDeal(R"({"title":"A","value":100,"stage_id":2,"label_ids":[)" + vip + "," +
                              hot + "," + vip + "]}");
    const auto b = CreateDeal(R"({"title":"B","value":50,"stage_id":2,"label_ids":[)" + vip + "]}");
    CreateDeal(R"({"title":"C","value":7,"stage_id":2})");

    JsonResponse got = Call("GET", "/api/v2/deals/" + std::to_string(a));
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(LabelIds(got.json["data"]),
              (std::vector<std::int64_t>{std::stoll(hot), std::stoll(vip)}))
        << "ascending, each once";

    JsonResponse vip_deals = Call("GET", "/api/v2/deals?label_id=" + vip);
    ASSERT_EQ(vip_deals.status, 200) << vip_deals.body;
    ASSERT_EQ(vip_deals.json["data"].Size(), 2u);
    JsonResponse hot_deals = Call("GET", "/api/v2/deals?label_id=" + hot);
    ASSERT_EQ(hot_deals.json["data"].Size(), 1u);
    EXPECT_STREQ(hot_deals.json["data"][0]["title"].GetString(), "A");

    // The board column and its totals filter alike; v1 gives the ids as a comma list too.
    JsonResponse column = Call("GET", "/v1/stages/2/deals?everyone=1&label_id=" + hot);
    ASSERT_EQ(column.status, 200) << column.body;
    ASSERT_EQ(column.json["data"].Size(), 1u);
    EXPECT_EQ(column.json["data"][0]["label"].GetString(), hot + "," + vip);
    EXPECT_EQ(Call("GET", "/v1/stages/2/deals?everyone=1").json["data"].Size(), 3u);
    JsonResponse totals =
        Call("GET", "/api/v1/deals/summary?status=open&stage_id=2&label_id=" + vip);
    ASSERT_EQ(totals.status, 200) << totals.body;
    EXPECT_EQ(totals.json["data"]["total_count"].GetInt(), 2) << totals.body;
    EXPECT_EQ(Call("GET", "/v1/pipelines/1/deals?everyone=1&label_id=" + hot).json["data"].Size(),
              1u);

    // Changing the set replaces it; [] removes every label.
    JsonResponse moved =
        Call("PATCH", "/api/v2/deals/" + std::to_string(b), R"({"label_ids":[)" + hot + "]}");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(LabelIds(moved.json["data"]), (std::vector<std::int64_t>{std::stoll(hot)}));
    EXPECT_EQ(Call("GET", "/api/v2/deals?label_id=" + hot).json["data"].Size(), 2u);
    JsonResponse cleared =
        Call("PATCH", "/api/v2/deals/" + std::to_string(b), R"({"label_ids":[]})");
    EXPECT_TRUE(cleared.json["data"]["label_ids"].Empty());
    EXPECT_TRUE(Call("GET", "/v1/stages/2/deals?everyone=1&label_id=" + vip)
                    .json["data"][0]["label"]
                    .IsString());
}

TEST_F(DealLabelsApi, UnknownLabelIdsAreRefusedAndChangeNothing) {
    const std::string hot = IdOf(Call("POST", "/api/v1/dealLabels", R"({"name":"Hot"})"));
    const auto deal = CreateDeal(R"({"title":"A","label_ids":[)" + hot + "]}");
    JsonResponse unknown =
        Call("PATCH", "/api/v2/deals/" + std::to_string(deal), R"({"label_ids":[999]})");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_STREQ(unknown.json["field"].GetString(), "label_ids");
    JsonResponse created = Call("POST", "/api/v2/deals", R"({"title":"B","label_ids":[999]})");
    EXPECT_EQ(created.status, 400);
    EXPECT_STREQ(created.json["field"].GetString(), "label_ids");
    JsonResponse not_ints = Call("POST", "/api/v2/deals", R"({"title":"B","label_ids":["x"]})");
    EXPECT_EQ(not_ints.status, 400);
    EXPECT_STREQ(not_ints.json["field"].GetString(), "label_ids");
    EXPECT_EQ(Call("GET", "/api/v2/deals?label_id=x").status, 400);
    EXPECT_EQ(Call("GET", "/api/v2/deals").json["data"].Size(), 1u) << "B was not created";
    EXPECT_EQ(LabelIds(Call("GET", "/api/v2/deals/" + std::to_string(deal)).json["data"]),
              (std::vector<std::int64_t>{std::stoll(hot)}));

    // A removed label can no longer be given, and leaves the deals that carried it.
    ASSERT_EQ(Call("DELETE", "/api/v1/dealLabels/" + hot).status, 200);
    EXPECT_TRUE(
        Call("GET", "/api/v2/deals/" + std::to_string(deal)).json["data"]["label_ids"].Empty());
    EXPECT_EQ(Call("GET", "/api/v2/deals?label_id=" + hot).json["data"].Size(), 0u);
    EXPECT_EQ(Call("POST", "/api/v2/deals", R"({"title":"C","label_ids":[)" + hot + "]}").status,
              400);
}

TEST_F(DealLabelsApi, MembersReadButCannotChangeTheList) {
    ASSERT_EQ(Call("POST", "/api/v1/dealLabels", R"({"name":"Hot"})").status, 201);
    CommandResult added =
        RunPipecrm({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    std::string member = token.out;
    while (!member.empty() && (member.back() == '\n' || member.back() == '\r')) {
        member.pop_back();
    }
    EXPECT_EQ(CallWithToken(member, "GET", "/api/v1/dealLabels").json["data"].Size(), 1u);
    EXPECT_EQ(CallWithToken(member, "POST", "/api/v1/dealLabels", R"({"name":"Mine"})").status,
              403);
    EXPECT_EQ(CallWithToken(member, "PUT", "/api/v1/dealLabels/1", R"({"name":"Mine"})").status,
              403);
    EXPECT_EQ(CallWithToken(member, "DELETE", "/api/v1/dealLabels/1").status, 403);
    // A member may still label their own deal with the workspace's labels.
    JsonResponse own =
        CallWithToken(member, "POST", "/api/v2/deals", R"({"title":"Mine","label_ids":[1]})");
    EXPECT_EQ(own.status, 201) << own.body;
}

}  // namespace
}  // namespace pipecrm::testing
