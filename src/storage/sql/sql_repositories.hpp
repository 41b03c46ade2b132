// The storage ports implemented on one connection of either backend (SQLite or PostgreSQL),
// in SQL that both run.
#pragma once

#include <memory>

#include "domain/repositories.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/write_batch_cache.hpp"

namespace pipecrm::storage::sql {

/// Every repository over one connection. Not safe for concurrent use, like the connection.
class SqlRepositories final : public domain::Repositories {
  public:
    explicit SqlRepositories(Connection& connection);
    ~SqlRepositories() override;

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
    domain::ImportJobRepository& ImportJobs() override;
    domain::WebhookOutboxRepository& WebhookOutbox() override;
    domain::AutomationRepository& Automations() override;
    domain::SegmentRepository& Segments() override;
    domain::CallListRepository& CallLists() override;
    domain::PlaybookRepository& Playbooks() override;
    domain::CampaignRepository& Campaigns() override;
    domain::ReportSource& Reports() override;
    domain::ReportFactStore& ReportFacts() override;
    domain::StageTimeFactStore& StageTimeFacts() override;
    domain::ForecastFactStore& ForecastFacts() override;
    domain::LostReasonRepository& LostReasons() override;
    domain::DealLabelRepository& DealLabels() override;
    domain::ProjectRepository& Projects() override;

    /// The writer turns it on for each write transaction (write_batch_cache.hpp).
    WriteBatchCache& batch_cache();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pipecrm::storage::sql
