// The PostgreSQL schema migrations, embedded in the binary from
// src/storage/migrations/postgres/NNNN_*.sql (the same numbers and names as the SQLite ones).
#pragma once

#include <vector>

#include "base/status.hpp"
#include "storage/migration.hpp"
#include "storage/postgres/connection.hpp"

namespace pipecrm::storage::postgres {

/// Every PostgreSQL migration, in number order (generated at build time).
const std::vector<Migration>& AllMigrations();

/// Applies every migration not yet recorded in the `schema_migrations` table, each in one
/// transaction together with its row there. Safe when several processes migrate at once (a
/// transaction-level advisory lock serializes them). Returns how many it applied; fails with
/// kFailedPrecondition for a database newer than this binary, kInternal when a migration fails
/// (and nothing of it is applied), or the connection's error.
Result<int> ApplyMigrations(Connection& db);

}  // namespace pipecrm::storage::postgres
