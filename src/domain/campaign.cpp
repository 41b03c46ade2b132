#include "domain/campaign.hpp"

namespace pipecrm::domain {

bool IsCampaignChannel(std::string_view channel) {
    for (std::string_view known : {"email", "sms", "call", "social", "event", "ads", "other"}) {
        if (channel == known) {
            return true;
        }
    }
    return false;
}

Status ValidateCampaign(const Campaign& campaign) {
    if (campaign.name.empty() || campaign.name.size() > 255) {
        return InvalidArgument("name is required (up to 255 bytes)", "name");
    }
    if (!IsCampaignChannel(campaign.channel)) {
        return InvalidArgument("channel must be email, sms, call, social, event, ads or other",
                               "channel");
    }
    if (campaign.end_date < campaign.start_date) {
        return InvalidArgument("end_date is before start_date", "end_date");
    }
    if (campaign.offer.size() > 2000) {
        return InvalidArgument("offer is longer than 2000 bytes", "offer");
    }
    return Status::Ok();
}

void SummarizeCampaign(CampaignReport& report) {
    report.deals = report.won = report.lost = 0;
    for (const CampaignTotals& t : report.by_currency) {
        report.deals += t.deals;
        report.won += t.won;
        report.lost += t.lost;
    }
    const std::int64_t closed = report.won + report.lost;
    report.win_rate =
        closed == 0 ? 0 : static_cast<double>(report.won) / static_cast<double>(closed);
    report.conversion =
        report.deals == 0 ? 0 : static_cast<double>(report.won) / static_cast<double>(report.deals);
}

}  // namespace pipecrm::domain
