#include "storage/postgres/migrations.hpp"

#include <string>

namespace pipecrm::storage::postgres {
namespace {

// Any fixed number; every pipecrm process migrating this database takes the same lock.
constexpr std::int64_t kMigrationLock = 0x706970656372;  // "pipecr"

Result<std::int64_t> NewestApplied(Connection& db) {
    auto rows = db.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows.ok()) {
        return rows.status();
    }
    return rows->Int(0, 0);
}

}  // namespace

Result<int> ApplyMigrations(Connection& db) {
    // Under the lock too: two concurrent CREATE TABLE IF NOT EXISTS can both try to create it.
    Status created =
        db.Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) +
                "); CREATE SCHEMA IF NOT EXISTS main; "
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); COMMIT");
    if (!created.ok()) {
        (void)db.Exec("ROLLBACK");
        return created;
    }
    const auto& migrations = AllMigrations();
    const int newest = migrations.empty() ? 0 : migrations.back().number;
    int applied = 0;
    for (const Migration& migration : migrations) {
        PIPECRM_RETURN_IF_ERROR(db.Exec("BEGIN"));
        // Under the lock, another process's migrations are either all visible or not started.
        auto locked = db.Query("SELECT pg_advisory_xact_lock($1)", Params().Add(kMigrationLock));
        auto current = locked.ok() ? NewestApplied(db) : Result<std::int64_t>(locked.status());
        if (!current.ok()) {
            (void)db.Exec("ROLLBACK");
            return current.status();
        }
        if (*current > newest) {
            (void)db.Exec("ROLLBACK");
            return FailedPrecondition("the database is at schema version " +
                                      std::to_string(*current) + ", newer than this pipecrm (" +
                                      std::to_string(newest) + "); upgrade pipecrm");
        }
        if (migration.number <= *current) {
            PIPECRM_RETURN_IF_ERROR(db.Exec("COMMIT"));
            continue;
        }
        Status status = db.Exec(migration.sql);
        if (status.ok()) {
            auto recorded =
                db.Query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                         Params().Add(migration.number).Add(migration.name));
            status = recorded.status();
        }
        if (!status.ok()) {
            (void)db.Exec("ROLLBACK");
            return Internal("migration " + std::string(migration.name) +
                            " failed: " + status.message());
        }
        PIPECRM_RETURN_IF_ERROR(db.Exec("COMMIT"));
        ++applied;
    }
    return applied;
}

}  // namespace pipecrm::storage::postgres
