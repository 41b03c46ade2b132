#include "storage/postgres/migrations.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "storage/postgres/test_database.hpp"
#include "storage/sqlite/migrations.hpp"

namespace pipecrm::storage::postgres {
namespace {

using PostgresMigrations = PostgresTest;

TEST(PostgresMigrationList, HasTheSameNumbersAndNamesAsSqlite) {
    const auto& postgres = AllMigrations();
    const auto& sqlite = storage::AllMigrations();
    ASSERT_EQ(postgres.size(), sqlite.size());
    for (std::size_t i = 0; i < postgres.size(); ++i) {
        EXPECT_EQ(postgres[i].number, sqlite[i].number);
        EXPECT_EQ(postgres[i].name, sqlite[i].name);
    }
}

TEST_F(PostgresMigrations, AppliesAllOnceThenNothing) {
    auto first = ApplyMigrations(*db_);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(*first, static_cast<int>(AllMigrations().size()));

    for (const char* table : {"workspaces",     "users",
                              "api_tokens",     "pipelines",
                              "stages",         "organizations",
                              "persons",        "person_contacts",
                              "deals",          "deal_events",
                              "activity_types", "activities",
                              "notes",          "products",
                              "product_prices", "deal_products",
                              "custom_fields",  "custom_field_values",
                              "filters",        "filter_conditions",
                              "webhooks",       "teams",
                              "team_members",   "audit_log",
                              "sessions"}) {
        auto rows = db_->Query("SELECT to_regclass($1) IS NOT NULL", Params().Add(table));
        ASSERT_TRUE(rows.ok()) << rows.status().ToString();
        EXPECT_EQ(rows->Text(0, 0), "t") << table;
    }
    auto versions = db_->Query("SELECT version, name FROM schema_migrations ORDER BY version");
    ASSERT_TRUE(versions.ok()) << versions.status().ToString();
    ASSERT_EQ(versions->size(), static_cast<int>(AllMigrations().size()));
    EXPECT_EQ(versions->Int(0, 0), 1);
    EXPECT_EQ(versions->Text(0, 1), "0001_initial");

    auto second = ApplyMigrations(*db_);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(*second, 0);
}

TEST_F(PostgresMigrations, TwoProcessesMigratingAtOnceApplyEachMigrationOnce) {
    auto other = Connection::Open(cluster_.Url());
    ASSERT_TRUE(other.ok()) << other.status().ToString();
    Result<int> from_other = Internal("not run");
    std::thread thread([&] { from_other = ApplyMigrations(**other); });
    auto from_this = ApplyMigrations(*db_);
    thread.join();
    ASSERT_TRUE(from_this.ok()) << from_this.status().ToString();
    ASSERT_TRUE(from_other.ok()) << from_other.status().ToString();
    EXPECT_EQ(*from_this + *from_other, static_cast<int>(AllMigrations().size()));
}

TEST_F(PostgresMigrations, RefusesADatabaseNewerThanTheBinary) {
    ASSERT_TRUE(ApplyMigrations(*db_).ok());
    ASSERT_TRUE(db_->Exec("INSERT INTO schema_migrations (version, name) VALUES (9999, 'x')").ok());
    auto again = ApplyMigrations(*db_);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(again.status().message().find("newer than this pipecrm"), std::string::npos);
}

TEST_F(PostgresMigrations, KeepsDealEventsAppendOnly) {
    ASSERT_TRUE(ApplyMigrations(*db_).ok());
    ASSERT_TRUE(db_->Exec("INSERT INTO workspaces (id, name, language, default_currency, "
                          "phone_region, time_zone, add_time) VALUES (1, 'W', 'en', 'EUR', 'DE', "
                          "'UTC', 0); UPDATE workspaces SET workspace_id = id;"
                          "INSERT INTO users (id, workspace_id, name, email, role, "
                          "default_currency, locale, time_zone, add_time, update_time) VALUES "
                          "(1, 1, 'A', 'a@example.com', 'admin', 'EUR', 'en', 'UTC', 0, 0);"
                          "INSERT INTO pipelines (id, workspace_id, name, order_nr, add_time, "
                          "update_time) VALUES (1, 1, 'P', 1, 0, 0);"
                          "INSERT INTO stages (id, workspace_id, pipeline_id, name, order_nr, "
                          "deal_probability, add_time, update_time) VALUES (1, 1, 1, 'S', 1, 100, "
                          "0, 0);"
                          "INSERT INTO deals (id, workspace_id, title, value, currency, status, "
                          "pipeline_id, stage_id, owner_id, creator_user_id, visible_to, "
                          "add_time, update_time) VALUES (1, 1, 'D', 0, 'EUR', 'open', 1, 1, 1, "
                          "1, 7, 0, 0);"
                          "INSERT INTO deal_events (workspace_id, deal_id, kind, actor_user_id, "
                          "at) VALUES (1, 1, 'add', 1, 0)")
                    .ok());
    for (const char* change :
         {"UPDATE deal_events SET kind = 'x'", "DELETE FROM deal_events", "TRUNCATE deal_events"}) {
        Status status = db_->Exec(change);
        EXPECT_EQ(status.code(), ErrorCode::kFailedPrecondition) << change;
        EXPECT_NE(status.message().find("append-only"), std::string::npos) << status.message();
    }
}

}  // namespace
}  // namespace pipecrm::storage::postgres
