// Campaigns and their deals on SQLite (migration 0012), in portable SQL.
#pragma once

#include "domain/campaign_repository.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Bound to one connection; not safe for concurrent use.
class CampaignTable final : public domain::CampaignRepository {
  public:
    explicit CampaignTable(Connection& db) : db_(db) {}
    Result<Id> Insert(const domain::Campaign& campaign) override;
    Result<domain::Campaign> Get(Id workspace_id, Id id) override;
    Result<std::vector<domain::Campaign>> List(Id workspace_id) override;
    Result<bool> AddDeal(Id workspace_id, Id campaign_id, Id deal_id, Instant now) override;
    Result<std::vector<domain::CampaignTotals>> Totals(Id workspace_id, Id campaign_id) override;

  private:
    Result<std::vector<domain::Campaign>> Select(const std::string& where, Id workspace_id, Id id);
    Connection& db_;
};

}  // namespace pipecrm::storage::sql
