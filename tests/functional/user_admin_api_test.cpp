// User and team administration over HTTP (the settings page): add a user who can sign in,
// change a role, disable; teams and their members; refusals.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using UserAdminApi = ApiTest;

TEST_F(UserAdminApi, AdminAddsAUserWhoSignsInThenChangesTheRoleAndDisables) {
    JsonResponse added = Call("POST", "/api/v1/users",
                              R"({"email":"Lan@Example.com","name":"Trần Thị Lan",)"
                              R"("role":"manager","password":"mat-khau-dai"})");
    ASSERT_EQ(added.status, 201) << added.body;
    const int id = added.json["data"]["id"].GetInt();
    EXPECT_STREQ(added.json["data"]["email"].GetString(), "lan@example.com");
    EXPECT_STREQ(added.json["data"]["role"].GetString(), "manager");

    auto login = client_->Send("POST", "/api/v1/auth/login",
                               R"({"email":"lan@example.com","password":"mat-khau-dai"})");
    ASSERT_TRUE(login.ok());
    EXPECT_EQ(login->status, 200) << login->body;

    const std::string path = "/api/v1/users/" + std::to_string(id);
    JsonResponse member = Call("PUT", path, R"({"role":"member"})");
    ASSERT_EQ(member.status, 200) << member.body;
    EXPECT_STREQ(member.json["data"]["role"].GetString(), "member");
    JsonResponse disabled =
        Call("PUT", "/v1/users/" + std::to_string(id), R"({"active_flag":false})");
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_FALSE(disabled.json["data"]["active_flag"].GetBool());
    auto again = client_->Send("POST", "/api/v1/auth/login",
                               R"({"email":"lan@example.com","password":"mat-khau-dai"})");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->status, 401);
}

TEST_F(UserAdminApi, BadUserRequestsAreRefusedNamingTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    for (const Case& c :
         {Case{R"({"name":"x"})", "email"}, Case{R"({"email":"not-an-email"})", "email"},
          Case{R"({"email":"a@example.com","role":"owner"})", "role"},
          Case{R"({"email":"a@example.com","password":"short"})", "password"}}) {
        JsonResponse refused = Call("POST", "/api/v1/users", c.body);
        EXPECT_EQ(refused.status, 400) << c.body;
        EXPECT_STREQ(refused.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("POST", "/api/v1/users", R"({"email":"admin@example.com"})").status, 409);
    JsonResponse last_admin = Call("PUT", "/api/v1/users/1", R"({"role":"member"})");
    EXPECT_EQ(last_admin.status, 409) << "the last admin stays an admin";
    EXPECT_EQ(Call("PUT", "/api/v1/users/1", R"({"active_flag":true})").status, 400);
    EXPECT_EQ(Call("PUT", "/api/v1/users/1", "{}").status, 400);
    EXPECT_EQ(Call("PUT", "/api/v1/users/99", R"({"role":"member"})").status, 404);
}

TEST_F(UserAdminApi, TeamsAreAddedFilledAndListed) {
    JsonResponse rep = Call("POST", "/api/v1/users", R"({"email":"rep@example.com"})");
    ASSERT_EQ(rep.status, 201) << rep.body;
    const int rep_id = rep.json["data"]["id"].GetInt();
    JsonResponse team = Call("POST", "/api/v1/teams", R"({"name":"Miền Bắc","manager_id":1})");
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = std::to_string(team.json["data"]["id"].GetInt());
    EXPECT_EQ(team.json["data"]["manager_id"].GetInt(), 1);

    JsonResponse filled = Call("POST", "/api/v1/teams/" + team_id + "/users",
                               R"({"users":[)" + std::to_string(rep_id) + "]}");
    ASSERT_EQ(filled.status, 200) << filled.body;
    ASSERT_EQ(filled.json["data"]["users"].Size(), 1u);
    EXPECT_EQ(filled.json["data"]["users"][0].GetInt(), rep_id);

    JsonResponse list = Call("GET", "/v1/teams");
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.json["data"].Size(), 1u);
    EXPECT_STREQ(list.json["data"][0]["name"].GetString(), "Miền Bắc");

    EXPECT_EQ(Call("POST", "/api/v1/teams", R"({"name":"Miền Bắc"})").status, 409);
    EXPECT_EQ(Call("POST", "/api/v1/teams", R"({"name":""})").status, 400);
    EXPECT_EQ(Call("POST", "/api/v1/teams/999/users", R"({"users":[1]})").status, 404);
    JsonResponse unknown_user =
        Call("POST", "/api/v1/teams/" + team_id + "/users", R"({"users":[999]})");
    EXPECT_EQ(unknown_user.status, 400);
    EXPECT_STREQ(unknown_user.json["field"].GetString(), "users");
}

TEST_F(UserAdminApi, MembersMayNotAdministerUsersOrTeams) {
    ASSERT_EQ(Call("POST", "/api/v1/users", R"({"email":"rep@example.com"})").status, 201);
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    const std::string member = token.out.substr(0, token.out.find_first_of("\r\n"));
    EXPECT_EQ(CallWithToken(member, "POST", "/api/v1/users", R"({"email":"x@example.com"})").status,
              403);
    EXPECT_EQ(CallWithToken(member, "PUT", "/api/v1/users/1", R"({"role":"member"})").status, 403);
    EXPECT_EQ(CallWithToken(member, "POST", "/api/v1/teams", R"({"name":"T"})").status, 403);
    EXPECT_EQ(CallWithToken(member, "GET", "/api/v1/teams").status, 200);
}

}  // namespace
}  // namespace pipecrm::testing
