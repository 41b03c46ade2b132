#include "domain/references.hpp"

namespace pipecrm::domain {

Status CheckOwner(Repositories& repos, Id workspace_id, Id user_id) {
    auto user = Referenced(
        repos.Users().Get(workspace_id, user_id), [](const User& u) { return u.active; }, "user",
        user_id, "owner_id");
    return user.ok() ? Status::Ok() : user.status();
}

Status CheckPerson(Repositories& repos, Id workspace_id, const OptionalId& id) {
    if (!id) {
        return Status::Ok();
    }
    auto person = Referenced(repos.Persons().Get(workspace_id, *id), NotDeleted<Person>, "person",
                             *id, "person_id");
    return person.ok() ? Status::Ok() : person.status();
}

Status CheckOrganization(Repositories& repos, Id workspace_id, const OptionalId& id) {
    if (!id) {
        return Status::Ok();
    }
    auto org = Referenced(repos.Organizations().Get(workspace_id, *id), NotDeleted<Organization>,
                          "organization", *id, "org_id");
    return org.ok() ? Status::Ok() : org.status();
}

Result<Deal> GetLiveDeal(Repositories& repos, Id workspace_id, Id deal_id) {
    return LiveOnly(
        repos.Deals().Get(workspace_id, deal_id),
        [](const Deal& d) { return d.status != DealStatus::kDeleted; }, "deal", deal_id);
}

Status CheckDeal(Repositories& repos, Id workspace_id, const OptionalId& id) {
    if (!id) {
        return Status::Ok();
    }
    auto deal = Referenced(
        repos.Deals().Get(workspace_id, *id),
        [](const Deal& d) { return d.status != DealStatus::kDeleted; }, "deal", *id, "deal_id");
    return deal.ok() ? Status::Ok() : deal.status();
}

}  // namespace pipecrm::domain
