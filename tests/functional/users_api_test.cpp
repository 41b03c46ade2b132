// v1 users over real HTTP, on a database with the demo's reps.
#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

class UsersApi : public ApiTest {
  protected:
    void SetUp() override {
        db_ = NewTestDatabase(dir_);
        token_ = InitDatabaseWithToken(db_);
        CommandResult demo = RunPipecrm({"demo", "--db", db_, "--deals", "5"});
        ASSERT_EQ(demo.exit_code, 0) << demo.err;
        server_ = std::make_unique<ServerProcess>(db_);
        ASSERT_TRUE(server_->started());
        client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
    }
};

TEST_F(UsersApi, ListsEveryUserOfTheWorkspace) {
    for (const char* prefix : {"/api/v1", "/v1"}) {
        JsonResponse users = Call("GET", std::string(prefix) + "/users");
        ASSERT_EQ(users.status, 200) << users.body;
        ASSERT_EQ(users.json["data"].Size(), 5u) << "the admin and the demo's four reps";
        EXPECT_TRUE(users.json["data"][0]["is_you"].GetBool());
        EXPECT_FALSE(users.json["data"][1]["is_you"].GetBool());
    }
}

TEST_F(UsersApi, GetsOneUserOr404) {
    JsonResponse one = Call("GET", "/api/v1/users/2");
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json["data"]["id"].GetInt(), 2);
    EXPECT_EQ(Call("GET", "/api/v1/users/999").status, 404);
}

TEST_F(UsersApi, FindsByNameOrEmail) {
    JsonResponse by_email =
        Call("GET", "/api/v1/users/find?term=ADMIN%40example&search_by_email=1");
    ASSERT_EQ(by_email.status, 200) << by_email.body;
    ASSERT_EQ(by_email.json["data"].Size(), 1u);
    EXPECT_STREQ(by_email.json["data"][0]["email"].GetString(), "admin@example.com");
    JsonResponse by_name = Call("GET", "/api/v1/users/find?term=admin");
    EXPECT_EQ(by_name.json["data"].Size(), 1u) << "the admin's name is its email";
    JsonResponse none = Call("GET", "/api/v1/users/find?term=zzzz");
    EXPECT_EQ(none.json["data"].Size(), 0u);
    JsonResponse missing = Call("GET", "/api/v1/users/find");
    EXPECT_EQ(missing.status, 400);
    EXPECT_STREQ(missing.json["field"].GetString(), "term");
}

}  // namespace
}  // namespace pipecrm::testing
