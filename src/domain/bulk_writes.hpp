// Rows a bulk writer (the importer) creates in one write transaction, kept to be inserted many
// per statement: new organizations, persons and deals get their ids here ahead of their insert
// (each repository's NextId, counted on), the deals' events are appended after them. The rows
// are those the services would insert one by one, with the same ids; only the statements differ.
#pragma once

#include <optional>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

class BulkWrites {
  public:
    /// The ids the next organization, person and deal take.
    struct NextIds {
        Id organization = 0;
        Id person = 0;
        Id deal = 0;
        bool operator==(const NextIds&) const = default;
    };
    /// The ids the repositories give next; none where the backend cannot tell them ahead.
    static Result<std::optional<NextIds>> ReadNextIds(Repositories& repos);

    /// Takes the next ids of organizations, persons and deals, unless already held. False where
    /// the backend cannot tell them ahead (then, and until Reserve, creates insert at once and
    /// only deal events are kept).
    Result<bool> Reserve(Repositories& repos);
    /// Takes ids from `next` on: for rows prepared outside the transaction that inserts them,
    /// which must check that these are still the next ids.
    void ReserveFrom(const NextIds& next);
    /// The ids the next rows kept take (while reserved).
    NextIds next_ids() const { return {next_org_id_, next_person_id_, next_deal_id_}; }
    /// Whether new rows are kept (ids are held).
    bool reserved() const { return reserved_; }

    /// Keep a row (only while reserved) and return the id it was given.
    Id AddOrganization(Organization org);
    Id AddPerson(Person person);
    Id AddDeal(Deal deal);
    /// Keep a deal's events (whether reserved or not), their deal id set to `deal_id`.
    void AddEvents(const std::vector<DealEvent>& events, Id deal_id);

    /// Rows kept so far, of every kind.
    std::size_t size() const;
    /// Inserts what is kept in the order of their references (organizations, persons, deals,
    /// the deals' events) and lets the ids go: whatever is inserted next one by one takes the
    /// next id itself, and Reserve must be asked again. Called before anything else writes
    /// those tables in the transaction.
    Status Flush(Repositories& repos);
    /// Inserts what is kept as Flush does, and keeps it (for a write job that may run again).
    Status Insert(Repositories& repos) const;
    /// Forgets what is kept (the transaction was rolled back).
    void Clear();

  private:
    bool reserved_ = false;
    bool unsupported_ = false;  ///< the backend said it cannot tell ids ahead
    Id next_org_id_ = 0;
    Id next_person_id_ = 0;
    Id next_deal_id_ = 0;
    std::vector<Organization> organizations_;
    std::vector<Person> persons_;
    std::vector<Deal> deals_;
    std::vector<DealEvent> events_;
};

}  // namespace pipecrm::domain
