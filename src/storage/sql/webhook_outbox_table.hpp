// The webhook outbox and delivery log on SQLite (migration 0012), in portable SQL.
#pragma once

#include "domain/webhook_delivery.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/write_batch_cache.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class WebhookOutboxTable final : public domain::WebhookOutboxRepository {
  public:
    WebhookOutboxTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<bool> Subscribed(const domain::ChangeEvent& event) override;
    Status Enqueue(const domain::ChangeEvent& event) override;
    Status EnqueueFor(Id webhook_id, const domain::ChangeEvent& event) override;
    Result<bool> AnyDue(Instant now) override;
    Result<std::vector<domain::ClaimedDelivery>> Claim(Instant now,
                                                       Instant lease_until,
                                                       int limit) override;
    Status Finish(const domain::DeliveryOutcome& outcome) override;
    Result<std::vector<domain::WebhookDelivery>> List(Id workspace_id,
                                                      Id webhook_id,
                                                      int offset,
                                                      int limit) override;
    Status SetSecret(Id workspace_id, Id webhook_id, const std::string& secret) override;

  private:
    /// Writes the event row and returns its id.
    Result<Id> InsertEvent(const domain::ChangeEvent& event);
    Connection& db_;
    WriteBatchCache& cache_;
};

}  // namespace pipecrm::storage::sql
