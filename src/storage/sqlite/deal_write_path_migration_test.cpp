// Migration 0007: the status check on deals, written as comparisons, allows what it allowed
// before and builds no temporary b-tree per insert; deal_events_at is gone; databases at
// schema 6 are upgraded. Migration 0021: a stage move sets no column with a foreign key.
#include <gtest/gtest.h>

#include <string>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/test_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage::sqlite {
namespace {

const Instant kNow = FromUnixSeconds(1767262800);

// One deal row with `status`, straight into the table.
std::string InsertDealSql(const domain::CreatedWorkspace& ws, const std::string& status) {
    const std::string w = std::to_string(ws.workspace_id);
    const std::string u = std::to_string(ws.admin_user_id);
    return "INSERT INTO deals(workspace_id, title, value, currency, status, pipeline_id, "
           "stage_id, owner_id, creator_user_id, visible_to, add_time, update_time) SELECT " +
           w + ", 'Check', 0, 'VND', '" + status + "', pipeline_id, id, " + u + ", " + u +
           ", 7, 0, 0 FROM stages WHERE workspace_id = " + w + " LIMIT 1";
}

// Column `column` of every row `sql` returns, each followed by a space.
std::string Joined(Connection& db, const std::string& sql, int column) {
    std::string joined;
    auto stmt = db.Cached(sql);
    EXPECT_TRUE(stmt.ok());
    for (;;) {
        auto row = (*stmt)->Step();
        EXPECT_TRUE(row.ok());
        if (!row.ok() || !*row) {
            break;
        }
        joined += (*stmt)->Text(column) + " ";
    }
    return joined;
}

// The opcodes SQLite would run for `sql`.
std::string Plan(Connection& db, const std::string& sql) {
    return Joined(db, "EXPLAIN " + sql, 1);
}

// The opcodes SQLite would run for a deal insert.
std::string InsertPlan(Connection& db, const domain::CreatedWorkspace& ws) {
    return Plan(db, InsertDealSql(ws, "open"));
}

bool HasIndex(Connection& db, const std::string& name) {
    auto stmt = db.Cached("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = ?");
    EXPECT_TRUE(stmt.ok());
    (*stmt)->Bind(1, name);
    auto row = (*stmt)->Step();
    EXPECT_TRUE(row.ok() && *row);
    const bool found = (*stmt)->Int(0) > 0;
    (*stmt)->Reset();
    return found;
}

std::string DealsDefinition(Connection& db) {
    auto stmt = db.Cached("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'deals'");
    EXPECT_TRUE(stmt.ok());
    auto row = (*stmt)->Step();
    EXPECT_TRUE(row.ok() && *row);
    std::string sql = (*stmt)->Text(0);
    (*stmt)->Reset();
    return sql;
}

// A new database (every migration) with one workspace, on a connection of its own.
struct NewDatabase {
    testing::TempDir dir;
    domain::CreatedWorkspace ws;
    std::unique_ptr<Connection> db;

    NewDatabase() {
        const std::string path = dir.File("crm.db");
        auto store = OpenTestStore(path);
        ws = AddTestWorkspace(*store, "owner@example.com", kNow);
        store.reset();
        auto opened = Connection::Open(path, Connection::Mode::kReadWrite);
        EXPECT_TRUE(opened.ok());
        if (opened.ok()) {
            db = std::move(*opened);
        }
    }
};

TEST(DealWritePathMigration, AllowsTheFourStatusesAndRefusesAnyOther) {
    NewDatabase fresh;
    const auto& ws = fresh.ws;
    ASSERT_TRUE(fresh.db != nullptr);
    Connection& db = *fresh.db;
    for (const char* status : {"open", "won", "lost", "deleted"}) {
        EXPECT_TRUE(db.Exec(InsertDealSql(ws, status)).ok()) << status;
    }
    for (const char* status : {"bogus", "Open", ""}) {
        Status refused = db.Exec(InsertDealSql(ws, status));
        EXPECT_FALSE(refused.ok()) << status;
        EXPECT_NE(refused.message().find("CHECK constraint failed"), std::string::npos)
            << refused.message();
    }
}

TEST(DealWritePathMigration, ADealInsertBuildsNoTemporaryTable) {
    NewDatabase fresh;
    const auto& ws = fresh.ws;
    ASSERT_TRUE(fresh.db != nullptr);
    Connection& db = *fresh.db;
    const std::string plan = InsertPlan(db, ws);
    EXPECT_NE(plan.find("Insert"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("OpenEphemeral"), std::string::npos) << plan;
}

TEST(DealWritePathMigration, UpgradesADatabaseAtSchemaSix) {
    testing::TempDir dir;
    const std::string path = dir.File("old.db");
    {
        auto db = Connection::Open(path, Connection::Mode::kReadWrite);
        ASSERT_TRUE(db.ok());
        for (const Migration& migration : AllMigrations()) {
            if (migration.number <= 6) {
                ASSERT_TRUE((*db)->Exec(migration.sql).ok()) << migration.name;
            }
        }
        ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 6").ok());
        EXPECT_NE(DealsDefinition(**db).find("status IN ("), std::string::npos);
        EXPECT_TRUE(HasIndex(**db, "deal_events_at"));
    }
    auto store = OpenTestStore(path);
    const auto ws = AddTestWorkspace(*store, "owner@example.com", kNow);
    store.reset();
    auto db = Connection::Open(path, Connection::Mode::kReadWrite);
    ASSERT_TRUE(db.ok());
    const std::string definition = DealsDefinition(**db);
    EXPECT_EQ(definition.find("status IN ("), std::string::npos) << definition;
    EXPECT_NE(definition.find("status = 'deleted'"), std::string::npos) << definition;
    EXPECT_EQ(InsertPlan(**db, ws).find("OpenEphemeral"), std::string::npos);
    EXPECT_FALSE(HasIndex(**db, "deal_events_at"));
    EXPECT_TRUE(HasIndex(**db, "deal_events_deal"));
    EXPECT_FALSE((*db)->Exec(InsertDealSql(ws, "bogus")).ok());
    auto check = (*db)->Cached("PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    auto row = (*check)->Step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ((*check)->Text(0), "ok");
    (*check)->Reset();
}

// SQLite runs an UPDATE that sets a column with a foreign key inside a statement journal (its
// plan counts key violations with FkCounter). A stage move sets stage_id and, between
// pipelines, pipeline_id: since 0021 neither has a key, and the other keys still refuse.
TEST(DealWritePathMigration, AStageMoveSetsNoColumnWithAForeignKey) {
    NewDatabase fresh;
    const auto& ws = fresh.ws;
    ASSERT_TRUE(fresh.db != nullptr);
    Connection& db = *fresh.db;
    const std::string move = Plan(db,
                                  "UPDATE main.deals SET stage_id = ?1, pipeline_id = ?2, "
                                  "update_time = ?3 WHERE workspace_id = ?4 AND id = ?5");
    EXPECT_NE(move.find("Insert"), std::string::npos) << move;
    EXPECT_EQ(move.find("FkCounter"), std::string::npos) << move;
    EXPECT_NE(Plan(db, "UPDATE main.deals SET owner_id = ?1 WHERE id = ?2").find("FkCounter"),
              std::string::npos)
        << "the owner's key stays";

    EXPECT_EQ(Joined(db, "SELECT \"table\" FROM pragma_foreign_key_list('deals') ORDER BY 1", 0),
              "organizations persons users users workspaces ");

    ASSERT_TRUE(db.Exec(InsertDealSql(ws, "open")).ok());
    Status unknown_owner = db.Exec("UPDATE deals SET owner_id = 999999");
    EXPECT_FALSE(unknown_owner.ok());
    EXPECT_NE(unknown_owner.message().find("FOREIGN KEY"), std::string::npos)
        << unknown_owner.message();
}

}  // namespace
}  // namespace pipecrm::storage::sqlite
