#include "domain/bulk_writes.hpp"

namespace pipecrm::domain {

Result<std::optional<BulkWrites::NextIds>> BulkWrites::ReadNextIds(Repositories& repos) {
    auto org = repos.Organizations().NextId();
    if (!org.ok()) {
        return org.status();
    }
    auto person = repos.Persons().NextId();
    if (!person.ok()) {
        return person.status();
    }
    auto deal = repos.Deals().NextId();
    if (!deal.ok()) {
        return deal.status();
    }
    if (!*org || !*person || !*deal) {
        return std::optional<NextIds>();
    }
    return std::optional<NextIds>(NextIds{**org, **person, **deal});
}

Result<bool> BulkWrites::Reserve(Repositories& repos) {
    if (reserved_ || unsupported_) {
        return reserved_;
    }
    auto next = ReadNextIds(repos);
    if (!next.ok()) {
        return next.status();
    }
    if (!*next) {
        unsupported_ = true;
        return false;
    }
    ReserveFrom(**next);
    return true;
}

void BulkWrites::ReserveFrom(const NextIds& next) {
    next_org_id_ = next.organization;
    next_person_id_ = next.person;
    next_deal_id_ = next.deal;
    reserved_ = true;
}

Id BulkWrites::AddOrganization(Organization org) {
    org.id = next_org_id_++;
    organizations_.push_back(std::move(org));
    return organizations_.back().id;
}

Id BulkWrites::AddPerson(Person person) {
    person.id = next_person_id_++;
    persons_.push_back(std::move(person));
    return persons_.back().id;
}

Id BulkWrites::AddDeal(Deal deal) {
    deal.id = next_deal_id_++;
    deals_.push_back(std::move(deal));
    return deals_.back().id;
}

void BulkWrites::AddEvents(const std::vector<DealEvent>& events, Id deal_id) {
    for (DealEvent event : events) {
        event.deal_id = deal_id;
        events_.push_back(std::move(event));
    }
}

std::size_t BulkWrites::size() const {
    return organizations_.size() + persons_.size() + deals_.size() + events_.size();
}

Status BulkWrites::Flush(Repositories& repos) {
    Status status = Insert(repos);
    Clear();
    return status;
}

Status BulkWrites::Insert(Repositories& repos) const {
    Status status = Status::Ok();
    if (!organizations_.empty()) {
        status = repos.Organizations().InsertMany(organizations_);
    }
    if (status.ok() && !persons_.empty()) {
        status = repos.Persons().InsertMany(persons_);
    }
    if (status.ok() && !deals_.empty()) {
        status = repos.Deals().InsertMany(deals_);
    }
    if (status.ok() && !events_.empty()) {
        status = repos.DealEvents().AppendMany(events_);
    }
    return status;
}

void BulkWrites::Clear() {
    reserved_ = false;
    organizations_.clear();
    persons_.clear();
    deals_.clear();
    events_.clear();
}

}  // namespace pipecrm::domain
