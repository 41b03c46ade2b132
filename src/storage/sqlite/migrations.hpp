// Numbered schema migrations, embedded in the binary from src/storage/migrations/NNNN_*.sql.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage {

struct Migration {
    int number;
    std::string_view name;
    std::string_view sql;
};

/// Every migration, in number order (generated at build time).
const std::vector<Migration>& AllMigrations();

}  // namespace pipecrm::storage

namespace pipecrm::storage::sqlite {

/// Applies, in one transaction each, every migration newer than the database's
/// `PRAGMA user_version`. Fails with kFailedPrecondition for a database newer than this binary.
Status ApplyMigrations(Connection& db);

}  // namespace pipecrm::storage::sqlite
