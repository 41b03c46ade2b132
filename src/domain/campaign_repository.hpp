// The storage port of campaigns and their deals.
#pragma once

#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/campaign.hpp"

namespace pipecrm::domain {

class CampaignRepository {
  public:
    virtual ~CampaignRepository() = default;
    virtual Result<Id> Insert(const Campaign& campaign) = 0;
    virtual Result<Campaign> Get(Id workspace_id, Id id) = 0;
    /// Newest first.
    virtual Result<std::vector<Campaign>> List(Id workspace_id) = 0;
    /// Attributes the deal to the campaign; true when it was not yet.
    virtual Result<bool> AddDeal(Id workspace_id, Id campaign_id, Id deal_id, Instant now) = 0;
    /// Per currency: the attributed deals (not deleted) by status, and the won value.
    virtual Result<std::vector<CampaignTotals>> Totals(Id workspace_id, Id campaign_id) = 0;
};

}  // namespace pipecrm::domain
