// The import_jobs table (migration 0010): ImportJobRepository on one connection (either backend).
#pragma once

#include "domain/repositories.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like its connection.
class ImportJobTable final : public domain::ImportJobRepository {
  public:
    explicit ImportJobTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const domain::ImportJob& job) override;
    Result<domain::ImportJob> Get(Id workspace_id, Id id) override;
    Status Update(const domain::ImportJob& job) override;
    Result<std::vector<domain::ImportJob>> ListByUser(Id workspace_id,
                                                      Id user_id,
                                                      int offset,
                                                      int limit) override;
    Result<std::int64_t> FailRunning(const std::string& error, Instant now) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
