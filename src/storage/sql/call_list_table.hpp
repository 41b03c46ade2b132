// Call lists and their items on SQLite (migration 0012), in portable SQL.
#pragma once

#include "domain/call_list_repository.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class CallListTable final : public domain::CallListRepository {
  public:
    explicit CallListTable(Connection& db) : db_(db) {}
    Result<Id> Insert(const domain::CallList& list) override;
    Result<Id> InsertItem(Id workspace_id, const domain::CallListItem& item) override;
    Result<domain::CallList> Get(Id workspace_id, Id id) override;
    Result<std::vector<domain::CallList>> List(Id workspace_id) override;
    Result<std::vector<domain::CallListItem>> Items(Id workspace_id,
                                                    Id call_list_id,
                                                    OptionalId user_id) override;

  private:
    Result<std::vector<domain::CallList>> Select(const std::string& where, Id workspace_id, Id id);
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
