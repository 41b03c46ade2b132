#include "http/handlers/deal_names.hpp"

#include <map>
#include <string>
#include <utility>

namespace pipecrm::http {

Result<NamedDeals> WithNames(domain::Repositories& repos,
                             Id workspace_id,
                             std::vector<domain::Deal> deals) {
    std::map<Id, std::string> owners, persons, orgs;
    std::map<Id, std::pair<int, int>> stages;  // order_nr, probability
    NamedDeals out;
    for (const domain::Deal& deal : deals) {
        DealNames names;
        if (!owners.count(deal.owner_id)) {
            auto user = repos.Users().Get(workspace_id, deal.owner_id);
            owners[deal.owner_id] = user.ok() ? user->name : "";
        }
        names.owner_name = owners[deal.owner_id];
        if (deal.person_id && !persons.count(*deal.person_id)) {
            auto person = repos.Persons().Get(workspace_id, *deal.person_id);
            persons[*deal.person_id] = person.ok() ? person->name : "";
        }
        names.person_name = deal.person_id ? persons[*deal.person_id] : "";
        if (deal.org_id && !orgs.count(*deal.org_id)) {
            auto org = repos.Organizations().Get(workspace_id, *deal.org_id);
            orgs[*deal.org_id] = org.ok() ? org->name : "";
        }
        names.org_name = deal.org_id ? orgs[*deal.org_id] : "";
        if (!stages.count(deal.stage_id)) {
            auto stage = repos.Stages().Get(workspace_id, deal.stage_id);
            stages[deal.stage_id] = stage.ok() ? std::pair{stage->order_nr, stage->deal_probability}
                                               : std::pair{0, 100};
        }
        names.stage_order_nr = stages[deal.stage_id].first;
        names.stage_probability = stages[deal.stage_id].second;
        out.names.push_back(std::move(names));
    }
    out.deals = std::move(deals);
    return out;
}

Status AddNextActivities(domain::Repositories& repos, Id workspace_id, NamedDeals& named) {
    std::vector<Id> ids;
    for (const domain::Deal& deal : named.deals) {
        ids.push_back(deal.id);
    }
    domain::ExtrasWanted wanted;
    wanted.activities = true;
    auto extras = repos.Deals().Extras(workspace_id, ids, wanted);
    PIPECRM_RETURN_IF_ERROR(extras.status());
    // One lookup by id each: a list filtered by many ids scans the activities table.
    for (std::size_t i = 0; i < extras->size() && i < named.names.size(); ++i) {
        const OptionalId next = (*extras)[i].next_activity_id;
        if (!next) {
            continue;
        }
        auto activity = repos.Activities().Get(workspace_id, *next);
        if (activity.ok()) {
            named.names[i].next_activity = std::move(*activity);
        } else if (activity.status().code() != ErrorCode::kNotFound) {
            return activity.status();
        }
    }
    return Status::Ok();
}

}  // namespace pipecrm::http
