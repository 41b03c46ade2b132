// The GET response cache over real HTTP: a repeated GET is answered from memory only until
// something is committed, by this server or by another process writing the database.
#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

using ResponseCacheApi = ApiTest;

std::string TitleOf(const JsonResponse& response) {
    return response.json["data"]["title"].GetString();
}

TEST_F(ResponseCacheApi, AWriteThroughTheApiIsSeenAtOnce) {
    const std::string path = "/api/v2/deals/" + std::to_string(CreateDeal(R"({"title":"Old"})"));
    ASSERT_EQ(TitleOf(Call("GET", path)), "Old");
    ASSERT_EQ(TitleOf(Call("GET", path)), "Old");  // now from the cache
    ASSERT_EQ(Call("PATCH", path, R"({"title":"New"})").status, 200);
    EXPECT_EQ(TitleOf(Call("GET", path)), "New");
    JsonResponse list = Call("GET", "/api/v2/deals");
    ASSERT_EQ(list.json["data"].Size(), 1u);
    EXPECT_STREQ(list.json["data"][0]["title"].GetString(), "New");
}

TEST_F(ResponseCacheApi, AWriteByAnotherProcessIsSeenAtOnce) {
    const auto id = CreateDeal(R"({"title":"Before"})");
    const std::string path = "/api/v2/deals/" + std::to_string(id);
    ASSERT_EQ(TitleOf(Call("GET", path)), "Before");
    ASSERT_EQ(TitleOf(Call("GET", path)), "Before");

    // On PostgreSQL a writer outside PipeCRM bumps the data version after committing, as
    // every pipecrm process does (docs/operations.md); SQLite notices any commit by itself.
    std::string sql =
        "UPDATE deals SET title = 'Edited elsewhere' WHERE id = " + std::to_string(id);
    if (TestOnPostgres()) {
        sql += "; SELECT nextval('data_version')";
    }
    EXPECT_TRUE(ExecSql(db_, sql));

    EXPECT_EQ(TitleOf(Call("GET", path)), "Edited elsewhere");
}

TEST_F(ResponseCacheApi, EntriesBelongToOneToken) {
    ASSERT_EQ(Call("GET", "/api/v2/deals").status, 200);
    ASSERT_EQ(Call("GET", "/api/v2/deals").status, 200);
    EXPECT_EQ(
        CallWithToken("0123456789abcdef0123456789abcdef01234567", "GET", "/api/v2/deals").status,
        401);
    EXPECT_EQ(CallWithToken("", "GET", "/api/v2/deals").status, 401);
}

}  // namespace
}  // namespace pipecrm::testing
