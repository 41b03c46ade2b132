// The names v1 deal shapes embed (owner, person, organization, stage order and probability),
// looked up for a list of deals.
#pragma once

#include <vector>

#include "domain/deal.hpp"
#include "domain/repositories.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {

struct NamedDeals {
    std::vector<domain::Deal> deals;
    std::vector<DealNames> names;  ///< names[i] belongs to deals[i]
};

/// Looks up the names once per distinct owner, person, organization and stage.
Result<NamedDeals> WithNames(domain::Repositories& repos,
                             Id workspace_id,
                             std::vector<domain::Deal> deals);

/// Fills names[i].next_activity: one grouped query for the ids, then one lookup per deal that
/// has a next activity (for a page of a board column).
Status AddNextActivities(domain::Repositories& repos, Id workspace_id, NamedDeals& named);

}  // namespace pipecrm::http
