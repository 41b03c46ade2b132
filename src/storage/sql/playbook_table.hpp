// Stage playbooks on SQLite (migration 0012), in portable SQL.
#pragma once

#include "domain/playbook_repository.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class PlaybookTable final : public domain::PlaybookRepository {
  public:
    explicit PlaybookTable(Connection& db) : db_(db) {}
    Result<std::optional<domain::Playbook>> Get(Id workspace_id, Id stage_id) override;
    Status Put(Id workspace_id, const domain::Playbook& playbook, Instant now) override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
