// LostReasonRepository on SQLite (migration 0011).
#pragma once

#include "domain/repositories.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Not safe for concurrent use, like its connection.
class LostReasonTable final : public domain::LostReasonRepository {
  public:
    explicit LostReasonTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const domain::LostReason& reason) override;
    Result<domain::LostReason> Get(Id workspace_id, Id id) override;
    Status Update(const domain::LostReason& reason) override;
    Result<std::vector<domain::LostReason>> List(Id workspace_id) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
