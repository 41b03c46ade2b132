// The GET response cache over real HTTP: a repeated GET is answered from memory only until
// something is committed, by this server or by another process writing the database.
#include <sqlite3.h>

#include "functional/api_fixture.hpp"

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

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const std::string sql =
        "UPDATE deals SET title = 'Edited elsewhere' WHERE id = " + std::to_string(id);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

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
