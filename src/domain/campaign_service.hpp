// Campaign use cases over the storage ports.
#pragma once

#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/campaign.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// ValidateCampaign's errors, and kInvalidArgument("filter_id") for a target segment that is
/// not a live filter of deals or people.
Result<Campaign> CreateCampaign(Repositories& repos,
                                const Actor& actor,
                                const Campaign& campaign,
                                Instant now);

struct Attribution {
    std::vector<Id> deal_ids;   ///< deals to attribute
    bool from_segment = false;  ///< also every deal of the campaign's segment (deals filter)
};

/// Attributes deals to the campaign; returns how many were newly attributed. kNotFound for no
/// campaign; kInvalidArgument("deal_ids") for an unknown deal, ("segment") when the campaign
/// has no deals segment. At most 2000 deals from a segment.
Result<std::int64_t> AttributeDeals(Repositories& repos,
                                    const Actor& actor,
                                    Id campaign_id,
                                    const Attribution& attribution,
                                    Instant now);

/// The campaign's deals, won value and conversion. kNotFound for no campaign.
Result<CampaignReport> ReportCampaign(Repositories& repos, Id workspace_id, Id campaign_id);

}  // namespace pipecrm::domain
