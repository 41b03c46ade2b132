// The real binary's command line: init, token, demo, backup, and its errors.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

std::string IntegrityCheck(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string result;
    sqlite3_exec(
        db, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) += values[0] ? values[0] : "";
            return 0;
        },
        &result, nullptr);
    sqlite3_close(db);
    return result;
}

std::int64_t CountRows(const std::string& path, const std::string& table) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::int64_t count = -1;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + table).c_str(), -1, &stmt, nullptr);
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        count = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
}

TEST(Cli, HelpListsTheCommands) {
    PIPECRM_SQLITE_FILE_TEST();
    CommandResult help = RunPipecrm({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* command :
         {"init", "serve", "demo", "token create", "token list", "token revoke", "user add",
          "user list", "user disable", "user reset-password", "user set-role", "team add",
          "team list", "team add-member", "workspace create", "audit list", "backup"}) {
        EXPECT_NE(help.out.find(command), std::string::npos) << command;
    }
}

TEST(Cli, InitInVietnameseNamesTheStagesInVietnamese) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db = dir.File("vi.db");
    CommandResult init =
        RunPipecrm({"init", "--db", db, "--admin-email", "chu@congty.vn", "--lang", "vi"},
                   {"PIPECRM_ADMIN_PASSWORD=mat-khau-dai"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    CommandResult token = RunPipecrm({"token", "create", "--db", db, "--email", "CHU@congty.vn"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    ASSERT_EQ(token.out.size(), 41u) << "only the token and a newline: " << token.out;
    ServerProcess server(db);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto stages = client.Send("GET", "/api/v2/stages?sort_by=order_nr", "",
                              {{"x-api-token", token.out.substr(0, 40)}});
    ASSERT_TRUE(stages.ok());
    EXPECT_NE(stages->body.find("Tìm kiếm khách hàng"), std::string::npos) << stages->body;
    EXPECT_NE(stages->body.find("Chốt đơn"), std::string::npos);
}

TEST(Cli, InitTwiceIsRefusedAndKeepsTheData) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db = dir.File("crm.db");
    InitDatabaseWithToken(db);
    CommandResult again = RunPipecrm({"init", "--db", db, "--admin-email", "b@example.com"},
                                     {"PIPECRM_ADMIN_PASSWORD=another-password"});
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("already initialised"), std::string::npos) << again.err;
    EXPECT_EQ(CountRows(db, "users"), 1);
}

TEST(Cli, ErrorsGoToStderrWithNonZeroExit) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db = dir.File("crm.db");
    CommandResult no_db = RunPipecrm({"token", "create", "--db", db, "--email", "a@b.c"});
    EXPECT_NE(no_db.exit_code, 0);
    EXPECT_TRUE(no_db.out.empty());
    EXPECT_NE(no_db.err.find("no database"), std::string::npos) << no_db.err;

    InitDatabaseWithToken(db);
    CommandResult unknown_user = RunPipecrm({"token", "create", "--db", db, "--email", "x@y.z"});
    EXPECT_NE(unknown_user.exit_code, 0);
    EXPECT_TRUE(unknown_user.out.empty());
    EXPECT_NE(unknown_user.err.find("no user"), std::string::npos) << unknown_user.err;

    CommandResult short_password =
        RunPipecrm({"init", "--db", dir.File("b.db"), "--admin-email", "a@b.c"},
                   {"PIPECRM_ADMIN_PASSWORD=short"});
    EXPECT_NE(short_password.exit_code, 0);
    EXPECT_NE(short_password.err.find("at least 8"), std::string::npos) << short_password.err;

    CommandResult no_password =
        RunPipecrm({"init", "--db", dir.File("c.db"), "--admin-email", "a@b.c"});
    EXPECT_NE(no_password.exit_code, 0);
    EXPECT_NE(no_password.err.find("PIPECRM_ADMIN_PASSWORD"), std::string::npos);

    CommandResult busy_port = RunPipecrm({"serve", "--db", db, "--listen", "256.1.1.1:1"});
    EXPECT_NE(busy_port.exit_code, 0);
    EXPECT_FALSE(busy_port.err.empty());

    CommandResult bad_cache = RunPipecrm({"serve", "--db", db, "--cache-mb", "-1"});
    EXPECT_EQ(bad_cache.exit_code, 2);
    EXPECT_NE(bad_cache.err.find("--cache-mb"), std::string::npos) << bad_cache.err;
}

TEST(Cli, DemoCreatesARealisticDatabase) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db = dir.File("demo.db");
    CommandResult demo = RunPipecrm({"demo", "--db", db, "--deals", "120"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    EXPECT_NE(demo.out.find("Sign in as admin@demo.pipecrm.local"), std::string::npos) << demo.out;
    EXPECT_EQ(CountRows(db, "deals"), 120);
    EXPECT_GT(CountRows(db, "deal_events"), 120) << "deals carry stage histories";
    EXPECT_GT(CountRows(db, "persons"), 50);
    EXPECT_GT(CountRows(db, "organizations"), 10);
    EXPECT_GT(CountRows(db, "activities"), 100);
    EXPECT_GT(CountRows(db, "notes"), 10);
    EXPECT_EQ(IntegrityCheck(db), "ok");
}

TEST(Cli, BackupWhileServingIsConsistent) {
    PIPECRM_SQLITE_FILE_TEST();
    TempDir dir;
    const std::string db = dir.File("live.db");
    const std::string token = InitDatabaseWithToken(db);
    ASSERT_EQ(RunPipecrm({"demo", "--db", db, "--deals", "100"}).exit_code, 0);
    ServerProcess server(db);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    for (int i = 0; i < 20; ++i) {
        auto created = client.Send("POST", "/api/v2/deals", R"({"title":"during backup"})",
                                   {{"x-api-token", token}});
        ASSERT_TRUE(created.ok());
        ASSERT_EQ(created->status, 201);
    }
    const std::string copy = dir.File("copy.db");
    CommandResult backup = RunPipecrm({"backup", "--db", db, "--to", copy});
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    EXPECT_EQ(IntegrityCheck(copy), "ok");
    EXPECT_EQ(CountRows(copy, "deals"), 120);
    CommandResult again = RunPipecrm({"backup", "--db", db, "--to", copy});
    EXPECT_NE(again.exit_code, 0) << "an existing file is never overwritten";
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
}

}  // namespace
}  // namespace pipecrm::testing
