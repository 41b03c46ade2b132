// The workspaces of a PostgreSQL database (domain::WorkspaceRepository).
#pragma once

#include "domain/repositories.hpp"
#include "storage/postgres/connection.hpp"

namespace pipecrm::storage::postgres {

/// Not safe for concurrent use, like its connection.
class WorkspaceRepository final : public domain::WorkspaceRepository {
  public:
    explicit WorkspaceRepository(Connection& db) : db_(db) {}

    Result<Id> Insert(const domain::Workspace& workspace) override;
    /// kNotFound when there is no such workspace.
    Result<domain::Workspace> Get(Id id) override;
    Status SetDefaultVisibility(Id id, domain::Visibility visibility) override;
    Result<std::vector<domain::Workspace>> List() override;

  private:
    Connection& db_;
};

}  // namespace pipecrm::storage::postgres
