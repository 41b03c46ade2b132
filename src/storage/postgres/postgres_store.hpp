// The store on PostgreSQL: the shared group-commit store (sql/group_commit_store.hpp) with its
// writer and readers on libpq connections. Several servers may share one database:
//  - writes run at REPEATABLE READ; a batch that conflicts with another server's transaction
//    (serialization failure, deadlock) is run again on a fresh snapshot, so the later write
//    applies on top of the earlier one (last write wins) and a deal's event log records every
//    acknowledged move with the stage it really left;
//  - reads run on REPEATABLE READ READ ONLY snapshots;
//  - DataVersion() reads a sequence every server bumps after each commit and before it
//    acknowledges the writes, so no response cache serves data older than an acknowledged write.
#pragma once

#include <memory>
#include <string>

#include "storage/sql/group_commit_store.hpp"

namespace pipecrm::storage::postgres {

/// True for a postgresql:// or postgres:// URL: the CLI's --db picks this store for one.
bool IsPostgresUrl(const std::string& db);

/// Whether PipeCRM's schema is in the database at `url`; kUnavailable when it cannot be asked.
Result<bool> HasSchema(const std::string& url);

/// Safe for concurrent use from any number of threads.
class PostgresStore final : public sql::GroupCommitStore {
  public:
    /// Connects to `url` (postgresql://USER@HOST:PORT/DBNAME), applies migrations and starts
    /// the writer. kInvalidArgument for a malformed URL, kUnavailable when the server cannot
    /// be reached, kFailedPrecondition for a newer schema.
    static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                       sql::StoreOptions options = {});

  private:
    using sql::GroupCommitStore::GroupCommitStore;
};

}  // namespace pipecrm::storage::postgres
