// The managed list of lost reasons over real HTTP: listing, adding and removing (admins only),
// and the errors of bad input.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using LostReasonsApi = ApiTest;

TEST_F(LostReasonsApi, AdminAddsListsAndRemovesReasons) {
    EXPECT_EQ(Call("GET", "/api/v1/lostReasons").json["data"].Size(), 0u);
    JsonResponse price = Call("POST", "/api/v1/lostReasons", R"({"label":"  Giá quá cao  "})");
    ASSERT_EQ(price.status, 201) << price.body;
    EXPECT_STREQ(price.json["data"]["label"].GetString(), "Giá quá cao");
    JsonResponse timing = Call("POST", "/v1/lostReasons", R"({"label":"Chọn đối thủ"})");
    ASSERT_EQ(timing.status, 201) << timing.body;

    JsonResponse list = Call("GET", "/v1/lostReasons");
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.json["data"].Size(), 2u);
    EXPECT_STREQ(list.json["data"][0]["label"].GetString(), "Giá quá cao");
    EXPECT_STREQ(list.json["data"][1]["label"].GetString(), "Chọn đối thủ");

    const std::string id = std::to_string(price.json["data"]["id"].GetInt());
    JsonResponse removed = Call("DELETE", "/api/v1/lostReasons/" + id);
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.json["data"]["id"].GetInt(), price.json["data"]["id"].GetInt());
    EXPECT_EQ(Call("GET", "/api/v1/lostReasons").json["data"].Size(), 1u);
    EXPECT_EQ(Call("DELETE", "/api/v1/lostReasons/" + id).status, 404) << "already removed";
    // A removed label may be added again.
    EXPECT_EQ(Call("POST", "/api/v1/lostReasons", R"({"label":"Giá quá cao"})").status, 201);
}

TEST_F(LostReasonsApi, BadLabelsAreRefusedNamingTheField) {
    JsonResponse empty = Call("POST", "/api/v1/lostReasons", R"({"label":"   "})");
    EXPECT_EQ(empty.status, 400);
    EXPECT_STREQ(empty.json["field"].GetString(), "label");
    JsonResponse missing = Call("POST", "/api/v1/lostReasons", "{}");
    EXPECT_EQ(missing.status, 400);
    EXPECT_STREQ(missing.json["field"].GetString(), "label");
    JsonResponse unknown = Call("POST", "/api/v1/lostReasons", R"({"label":"x","color":"red"})");
    EXPECT_EQ(unknown.status, 400);
    JsonResponse too_long =
        Call("POST", "/api/v1/lostReasons", R"({"label":")" + std::string(256, 'a') + "\"}");
    EXPECT_EQ(too_long.status, 400);
    ASSERT_EQ(Call("POST", "/api/v1/lostReasons", R"({"label":"Timing"})").status, 201);
    JsonResponse twice = Call("POST", "/api/v1/lostReasons", R"({"label":"Timing"})");
    EXPECT_EQ(twice.status, 409);
    EXPECT_STREQ(twice.json["field"].GetString(), "label");
    EXPECT_EQ(Call("GET", "/api/v1/lostReasons").json["data"].Size(), 1u) << "nothing else written";
}

TEST_F(LostReasonsApi, MembersReadButCannotChangeTheList) {
    ASSERT_EQ(Call("POST", "/api/v1/lostReasons", R"({"label":"Budget"})").status, 201);
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
    EXPECT_EQ(CallWithToken(member, "GET", "/api/v1/lostReasons").json["data"].Size(), 1u);
    EXPECT_EQ(CallWithToken(member, "POST", "/api/v1/lostReasons", R"({"label":"Mine"})").status,
              403);
    EXPECT_EQ(CallWithToken(member, "DELETE", "/api/v1/lostReasons/1").status, 403);
}

}  // namespace
}  // namespace pipecrm::testing
