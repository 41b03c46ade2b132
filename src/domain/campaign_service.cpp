#include "domain/campaign_service.hpp"

#include "domain/filter_service.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {

Result<Campaign> CreateCampaign(Repositories& repos,
                                const Actor& actor,
                                const Campaign& input,
                                Instant now) {
    PIPECRM_RETURN_IF_ERROR(ValidateCampaign(input));
    if (input.filter_id) {
        auto filter = GetLiveFilter(repos, actor.workspace_id, *input.filter_id);
        if (!filter.ok() ||
            (filter->type != FilterType::kDeals && filter->type != FilterType::kPeople)) {
            return InvalidArgument("filter " + std::to_string(*input.filter_id) +
                                       " is not a live filter of deals or people",
                                   "filter_id");
        }
    }
    Campaign campaign = input;
    campaign.workspace_id = actor.workspace_id;
    campaign.created_by = actor.user_id;
    campaign.add_time = now;
    auto id = repos.Campaigns().Insert(campaign);
    if (!id.ok()) {
        return id.status();
    }
    campaign.id = *id;
    return campaign;
}

Result<std::int64_t> AttributeDeals(Repositories& repos,
                                    const Actor& actor,
                                    Id campaign_id,
                                    const Attribution& attribution,
                                    Instant now) {
    auto campaign = repos.Campaigns().Get(actor.workspace_id, campaign_id);
    if (!campaign.ok()) {
        return campaign.status();
    }
    std::vector<Id> deal_ids;
    for (Id id : attribution.deal_ids) {
        if (!GetLiveDeal(repos, actor.workspace_id, id).ok()) {
            return InvalidArgument("deal " + std::to_string(id) + " not found", "deal_ids");
        }
        deal_ids.push_back(id);
    }
    if (attribution.from_segment) {
        auto filter = campaign->filter_id
                          ? GetLiveFilter(repos, actor.workspace_id, *campaign->filter_id)
                          : Result<Filter>(NotFound("no segment"));
        if (!filter.ok() || filter->type != FilterType::kDeals) {
            return InvalidArgument("the campaign has no segment of deals", "segment");
        }
        DealQuery query;
        query.workspace_id = actor.workspace_id;
        query.filter = filter->conditions;
        query.options.limit = 2000;
        auto deals = repos.Deals().List(query);
        if (!deals.ok()) {
            return deals.status();
        }
        for (const Deal& deal : *deals) {
            deal_ids.push_back(deal.id);
        }
    }
    std::int64_t added = 0;
    for (Id id : deal_ids) {
        auto fresh = repos.Campaigns().AddDeal(actor.workspace_id, campaign_id, id, now);
        if (!fresh.ok()) {
            return fresh.status();
        }
        added += *fresh ? 1 : 0;
    }
    return added;
}

Result<CampaignReport> ReportCampaign(Repositories& repos, Id workspace_id, Id campaign_id) {
    auto campaign = repos.Campaigns().Get(workspace_id, campaign_id);
    if (!campaign.ok()) {
        return campaign.status();
    }
    auto totals = repos.Campaigns().Totals(workspace_id, campaign_id);
    if (!totals.ok()) {
        return totals.status();
    }
    CampaignReport report;
    report.campaign = std::move(*campaign);
    report.by_currency = std::move(*totals);
    SummarizeCampaign(report);
    return report;
}

}  // namespace pipecrm::domain
