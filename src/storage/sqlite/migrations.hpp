// Numbered schema migrations, embedded in the binary from src/storage/migrations/NNNN_*.sql.
#pragma once

#include <vector>

#include "base/status.hpp"
#include "storage/migration.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage {

/// Every migration, in number order (generated at build time).
const std::vector<Migration>& AllMigrations();

}  // namespace pipecrm::storage

namespace pipecrm::storage::sqlite {

/// Applies, in one transaction each, every migration newer than the database's
/// `PRAGMA user_version`. Fails with kFailedPrecondition for a database newer than this binary.
Status ApplyMigrations(Connection& db);

}  // namespace pipecrm::storage::sqlite
