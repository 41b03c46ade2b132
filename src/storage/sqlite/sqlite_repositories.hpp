// The storage ports implemented on one SQLite connection.
#pragma once

#include <memory>

#include "domain/repositories.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {

/// Every repository over one connection. Not safe for concurrent use, like the connection.
class SqliteRepositories final : public domain::Repositories {
  public:
    explicit SqliteRepositories(Connection& connection);
    ~SqliteRepositories() override;

    domain::WorkspaceRepository& Workspaces() override;
    domain::UserRepository& Users() override;
    domain::TokenRepository& Tokens() override;
    domain::TeamRepository& Teams() override;
    domain::AuditLogRepository& AuditLog() override;
    domain::SessionRepository& Sessions() override;
    domain::PipelineRepository& Pipelines() override;
    domain::StageRepository& Stages() override;
    domain::DealRepository& Deals() override;
    domain::DealEventLog& DealEvents() override;
    domain::PersonRepository& Persons() override;
    domain::OrganizationRepository& Organizations() override;
    domain::ActivityRepository& Activities() override;
    domain::NoteRepository& Notes() override;
    domain::ProductRepository& Products() override;
    domain::CustomFieldRepository& CustomFields() override;
    domain::FilterRepository& Filters() override;
    domain::WebhookRepository& Webhooks() override;
    domain::LostReasonRepository& LostReasons() override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pipecrm::storage::sqlite
