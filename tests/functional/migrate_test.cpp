// pipecrm migrate --from PATH.sqlite --to postgresql://…: a demo database copied with its
// history, checked on both sides, then served from PostgreSQL; and the CLI's other answers for
// a PostgreSQL --db (backup refuses, naming pg_dump; an unreachable server is "unavailable").
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

// Runs once, in the SQLite run of the suite: it needs a SQLite file and a PostgreSQL database
// either way.
#define PIPECRM_ONCE()                                                    \
    do {                                                                  \
        if (TestOnPostgres()) {                                           \
            GTEST_SKIP() << "uses both backends; runs in the SQLite run"; \
        }                                                                 \
    } while (false)

std::size_t DealCount(const std::string& db, const std::string& token) {
    ServerProcess server(db);
    EXPECT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto result = client.Send("GET", "/api/v2/deals?limit=500", "", {{"x-api-token", token}});
    EXPECT_TRUE(result.ok());
    if (!result.ok()) {
        return 0;
    }
    EXPECT_EQ(result->status, 200) << result->body;
    rapidjson::Document json;
    json.Parse(result->body.c_str());
    return json.HasMember("data") && json["data"].IsArray() ? json["data"].Size() : 0;
}

TEST(Migrate, CopiesEverythingChecksBothSidesAndServesFromPostgres) {
    PIPECRM_ONCE();
    TempDir dir;
    const std::string sqlite = dir.File("crm.db");
    const std::string token = InitDatabaseWithToken(sqlite);
    ASSERT_EQ(RunPipecrm({"demo", "--db", sqlite, "--deals", "60"}).exit_code, 0);
    const std::string pg = NewPostgresDatabase();
    ASSERT_FALSE(pg.empty());

    CommandResult migrated = RunPipecrm({"migrate", "--from", sqlite, "--to", pg});
    ASSERT_EQ(migrated.exit_code, 0) << migrated.err << migrated.out;
    EXPECT_NE(migrated.out.find("ok        rows in deals: "), std::string::npos) << migrated.out;
    EXPECT_NE(migrated.out.find("ok        rows in deal_events: "), std::string::npos);
    EXPECT_NE(migrated.out.find("ok        deal totals per workspace"), std::string::npos);
    EXPECT_EQ(migrated.out.find("MISMATCH"), std::string::npos) << migrated.out;
    EXPECT_NE(migrated.out.find("all equal"), std::string::npos) << migrated.out;
    EXPECT_NE(migrated.err.find("copied deals: "), std::string::npos) << migrated.err;

    // The same rows, history and totals on both sides, read directly...
    for (const char* sql : {"SELECT COUNT(*) FROM deals", "SELECT COUNT(*) FROM deal_events",
                            "SELECT COUNT(*) FROM persons", "SELECT COUNT(*) FROM api_tokens",
                            "SELECT SUM(value) FROM deals WHERE status = 'open'",
                            "SELECT MAX(id) FROM deal_events"}) {
        EXPECT_EQ(QueryColumn(sqlite, sql), QueryColumn(pg, sql)) << sql;
    }
    // ...and through the API: the same token works against the copy, and new rows get new ids.
    const std::size_t deals = DealCount(sqlite, token);
    EXPECT_GT(deals, 0u);
    EXPECT_EQ(DealCount(pg, token), deals);
    ServerProcess server(pg);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto created = client.Send("POST", "/api/v2/deals", R"({"title":"After the move"})",
                               {{"x-api-token", token}});
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created->status, 201) << created->body;

    // Into a database that already holds workspaces: refused, nothing written.
    CommandResult again = RunPipecrm({"migrate", "--from", sqlite, "--to", pg});
    EXPECT_EQ(again.exit_code, 4);
    EXPECT_NE(again.err.find("already holds workspaces"), std::string::npos) << again.err;
    EXPECT_EQ(QueryColumn(pg, "SELECT COUNT(*) FROM deals"),
              std::vector<std::string>{std::to_string(deals + 1)});
}

TEST(Migrate, BadArgumentsAreRefused) {
    PIPECRM_ONCE();
    TempDir dir;
    CommandResult missing = RunPipecrm(
        {"migrate", "--from", dir.File("none.db"), "--to", "postgresql://x@127.0.0.1/y"});
    EXPECT_EQ(missing.exit_code, 3);
    EXPECT_NE(missing.err.find("no database at"), std::string::npos) << missing.err;
    const std::string sqlite = dir.File("crm.db");
    InitDatabaseWithToken(sqlite);
    CommandResult not_url = RunPipecrm({"migrate", "--from", sqlite, "--to", dir.File("b.db")});
    EXPECT_EQ(not_url.exit_code, 2);
    EXPECT_NE(not_url.err.find("--to must be a PostgreSQL URL"), std::string::npos) << not_url.err;
}

TEST(PostgresCli, BackupRefusesNamingPgDumpAndAnUnreachableServerIsUnavailable) {
    PIPECRM_ONCE();
    TempDir dir;
    const std::string pg = NewPostgresDatabase();
    ASSERT_FALSE(pg.empty());
    InitDatabaseWithToken(pg);
    CommandResult backup = RunPipecrm({"backup", "--db", pg, "--to", dir.File("copy.db")});
    EXPECT_EQ(backup.exit_code, 5);
    EXPECT_NE(backup.err.find("pg_dump"), std::string::npos) << backup.err;

    // Port 1 on loopback: nothing listens there.
    CommandResult unreachable =
        RunPipecrm({"user", "list", "--db", "postgresql://pipecrm@127.0.0.1:1/crm"});
    EXPECT_EQ(unreachable.exit_code, 9) << unreachable.err;
    EXPECT_NE(unreachable.err.find("cannot connect to PostgreSQL"), std::string::npos)
        << unreachable.err;
}

}  // namespace
}  // namespace pipecrm::testing
