// Campaigns and promotions: a named offer to a target segment over a time window on one
// channel; deals are attributed to it, and its report counts what they became.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// email, sms, call, social, event, ads, other.
bool IsCampaignChannel(std::string_view channel);

struct Campaign {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string offer;
    std::string channel;
    Date start_date;
    Date end_date;
    OptionalId filter_id;  ///< the target segment
    Id created_by = 0;
    Instant add_time;
};

/// One currency's figures of a campaign's deals.
struct CampaignTotals {
    std::string currency;
    std::int64_t deals = 0;
    std::int64_t open = 0;
    std::int64_t won = 0;
    std::int64_t lost = 0;
    std::int64_t won_value = 0;  ///< minor units
};

struct CampaignReport {
    Campaign campaign;
    std::vector<CampaignTotals> by_currency;  ///< sorted by currency
    std::int64_t deals = 0;
    std::int64_t won = 0;
    std::int64_t lost = 0;
    /// won / (won + lost), 0 when none is closed; and won / deals.
    double win_rate = 0;
    double conversion = 0;
};

/// Checks a campaign without storage: name, channel, a window whose end is not before its
/// start. kInvalidArgument naming the field.
Status ValidateCampaign(const Campaign& campaign);

/// Sums per-currency figures into the report's totals and rates.
void SummarizeCampaign(CampaignReport& report);

}  // namespace pipecrm::domain
