// `pipecrm migrate`: copies a SQLite database into an empty PostgreSQL database, every table
// with its ids and the full deal history, then checks both sides against each other.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::storage::postgres {

/// One thing compared after the copy: a table's row count or a report total, as each side has
/// it.
struct MigrationCheck {
    std::string what;
    std::string source;
    std::string target;
    bool ok() const { return source == target; }
};

/// Told after each block of rows: the table, rows copied of it, and its row count.
using MigrationProgress =
    std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

/// Copies the database at `sqlite_path` (migrated to this version first, as any command does)
/// into the PostgreSQL database at `url`, in one transaction: every row of every table, ids
/// kept, identity sequences moved past them. The target must hold no workspace yet
/// (kAlreadyExists otherwise, nothing written). Then compares, on both sides, every table's row
/// count and the deal totals a report shows (count and value per workspace, pipeline, stage,
/// status and currency; events per kind); a mismatch is in the result, not an error.
Result<std::vector<MigrationCheck>> MigrateSqliteToPostgres(const std::string& sqlite_path,
                                                            const std::string& url,
                                                            const MigrationProgress& progress);

}  // namespace pipecrm::storage::postgres
