// Deal use cases over the storage ports: check references, apply the rules, write the deal
// and its events in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/bulk_writes.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "domain/repositories.hpp"
#include "domain/stage.hpp"

namespace pipecrm::domain {

/// A requested change as it arrives, before references are checked. Empty fields stay as they
/// are; an inner empty optional clears the field.
struct DealChange {
    std::optional<std::string> title;
    std::optional<std::string> value;  ///< decimal text, read in the (new) currency
    std::optional<std::string> currency;
    std::optional<Id> pipeline_id;
    std::optional<Id> stage_id;
    std::optional<Id> owner_id;
    std::optional<OptionalId> person_id;
    std::optional<OptionalId> org_id;
    std::optional<DealStatus> status;
    std::optional<std::string> lost_reason;
    std::optional<std::optional<Date>> expected_close_date;
    std::optional<std::optional<int>> probability;
    std::optional<Visibility> visible_to;
    std::optional<std::vector<Id>> label_ids;    ///< the whole new set; empty removes every label
    std::vector<FieldAssignment> custom_fields;  ///< by key; a null value clears
};

/// Creates a deal. Stage decides the pipeline; with only a pipeline, its first stage; with
/// neither, the first stage of the first pipeline. Owner defaults to the actor, currency to
/// the actor's default. Fails with kInvalidArgument naming the field for a bad or unknown
/// reference or value.
Result<Deal> CreateDeal(Repositories& repos,
                        const Actor& actor,
                        const DealChange& change,
                        Instant now);

/// The references of a new deal that its caller checked itself (an importer, against what it
/// read of the workspace and created in the same transaction): the live stage the deal goes to
/// (the first stage of the first pipeline when the change names none); the owner, person and
/// organization ids of the change are taken as live without being looked up.
struct CheckedDealReferences {
    Stage stage;
};

/// A later change of a new deal's status (won or lost, with the lost reason) and when it
/// happened.
struct DealClosing {
    DealChange change;
    Instant at;
};

/// A new deal as it happened: created at `add_time`, then, with `closing`, closed at its own
/// time. Writes what CreateDeal at `add_time` followed by UpdateDeal(closing) writes: the same
/// row, the same events in the same order. Faster for bulk callers: no reference is looked up
/// and the deal is inserted once, in its final state. With `bulk`, the deal's events
/// are added there (their deal id set) instead of appended: the caller appends them all
/// (DealEventLog::AppendMany) before anything else appends deal events in the transaction.
Result<Deal> CreateDealWithHistory(Repositories& repos,
                                   const Actor& actor,
                                   const DealChange& change,
                                   const CheckedDealReferences& checked,
                                   Instant add_time,
                                   const std::optional<DealClosing>& closing,
                                   BulkWrites* bulk = nullptr);

/// Changes a deal; kNotFound for an unknown or deleted deal.
Result<Deal> UpdateDeal(
    Repositories& repos, const Actor& actor, Id deal_id, const DealChange& change, Instant now);

/// Soft-deletes a deal; kNotFound for an unknown or already deleted deal.
Result<Deal> DeleteDeal(Repositories& repos, const Actor& actor, Id deal_id, Instant now);

}  // namespace pipecrm::domain
