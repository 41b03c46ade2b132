#include "storage/sqlite/migrations.hpp"

#include <string>

namespace pipecrm::storage::sqlite {

Status ApplyMigrations(Connection& db) {
    auto version_stmt = db.Cached("PRAGMA user_version");
    if (!version_stmt.ok()) {
        return version_stmt.status();
    }
    auto row = (*version_stmt)->Step();
    if (!row.ok()) {
        return row.status();
    }
    const int current = static_cast<int>((*version_stmt)->Int(0));
    (*version_stmt)->Reset();
    const auto& migrations = AllMigrations();
    const int newest = migrations.empty() ? 0 : migrations.back().number;
    if (current > newest) {
        return FailedPrecondition("the database is at schema version " + std::to_string(current) +
                                  ", newer than this pipecrm (" + std::to_string(newest) +
                                  "); upgrade pipecrm");
    }
    for (const Migration& migration : migrations) {
        if (migration.number <= current) {
            continue;
        }
        PIPECRM_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
        Status status = db.Exec(migration.sql);
        if (status.ok()) {
            status = db.Exec("PRAGMA user_version = " + std::to_string(migration.number));
        }
        if (!status.ok()) {
            (void)db.Exec("ROLLBACK");
            return Internal("migration " + std::string(migration.name) +
                            " failed: " + status.message());
        }
        PIPECRM_RETURN_IF_ERROR(db.Exec("COMMIT"));
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sqlite
