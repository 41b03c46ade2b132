// The embedded SQLite store: the shared group-commit store (sql/group_commit_store.hpp) over
// one SQLite file, its writer on one connection and readers on read-only ones.
#pragma once

#include <memory>
#include <string>

#include "storage/sql/group_commit_store.hpp"

namespace pipecrm::storage::sqlite {

using StoreOptions = sql::StoreOptions;
using StoreStats = sql::StoreStats;

/// Safe for concurrent use from any number of threads.
class SqliteStore final : public sql::GroupCommitStore {
  public:
    /// Opens (creating if needed) the database, applies migrations and starts the writer.
    /// kUnavailable when the file cannot be opened; kFailedPrecondition for a newer schema.
    static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                     StoreOptions options = {});

  private:
    using sql::GroupCommitStore::GroupCommitStore;
};

/// Copies a live database to `to` with SQLite's online backup API; consistent even while a
/// server writes. Fails with kUnavailable when either file cannot be opened.
Status BackupDatabase(const std::string& from, const std::string& to);

}  // namespace pipecrm::storage::sqlite
