// API tokens over HTTP for the settings page: create (shown once), list, revoke, refusals.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using ApiTokensApi = ApiTest;

TEST_F(ApiTokensApi, AdminCreatesListsAndRevokesATokenThatWorksUntilRevoked) {
    JsonResponse created =
        Call("POST", "/api/v1/apiTokens", R"({"email":"admin@example.com","name":"Zapier"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string token = created.json["data"]["token"].GetString();
    ASSERT_GE(token.size(), 32u);
    EXPECT_EQ(CallWithToken(token, "GET", "/api/v1/users/me").status, 200);

    JsonResponse list = Call("GET", "/v1/apiTokens");
    ASSERT_EQ(list.status, 200);
    int id = 0;
    for (const auto& item : list.json["data"].GetArray()) {
        EXPECT_EQ(std::string(list.body).find(token), std::string::npos) << "never listed";
        if (std::string(item["name"].GetString()) == "Zapier") {
            id = item["id"].GetInt();
            EXPECT_STREQ(item["user_email"].GetString(), "admin@example.com");
            EXPECT_TRUE(item["revoked_time"].IsNull());
        }
    }
    ASSERT_GT(id, 0) << list.body;

    JsonResponse revoked = Call("DELETE", "/api/v1/apiTokens/" + std::to_string(id));
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(CallWithToken(token, "GET", "/api/v1/users/me").status, 401);
    EXPECT_EQ(Call("DELETE", "/api/v1/apiTokens/" + std::to_string(id)).status, 409);
    EXPECT_EQ(Call("DELETE", "/api/v1/apiTokens/9999").status, 404);
}

TEST_F(ApiTokensApi, BadRequestsAreRefused) {
    JsonResponse missing = Call("POST", "/api/v1/apiTokens", R"({"name":"x"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_STREQ(missing.json["field"].GetString(), "email");
    EXPECT_EQ(Call("POST", "/api/v1/apiTokens", R"({"email":"nobody@example.com"})").status, 404);
    EXPECT_EQ(Call("POST", "/api/v1/apiTokens", R"({"email":"admin@example.com","x":1})").status,
              400);
}

TEST_F(ApiTokensApi, MembersMayNotManageTokens) {
    CommandResult added =
        RunPipecrm({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    std::string member = token.out.substr(0, token.out.find_first_of("\r\n"));
    EXPECT_EQ(CallWithToken(member, "GET", "/api/v1/apiTokens").status, 403);
    EXPECT_EQ(
        CallWithToken(member, "POST", "/api/v1/apiTokens", R"({"email":"rep@example.com"})").status,
        403);
}

}  // namespace
}  // namespace pipecrm::testing
