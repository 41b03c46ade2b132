// The rules of a deal's life, with no I/O: stage moves, won/lost/reopen, and the events each
// change writes to the deal's history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/money.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/stage.hpp"

namespace pipecrm::domain {

/// A change to a deal whose references were already checked against storage. Fields left
/// empty stay as they are; an inner empty optional clears the field.
struct ResolvedDealChange {
    std::optional<std::string> title;
    std::optional<Money> value;
    std::optional<Stage> stage;  ///< the target stage; it also decides the pipeline
    std::optional<Id> owner_id;
    std::optional<OptionalId> person_id;
    std::optional<OptionalId> org_id;
    std::optional<DealStatus> status;
    std::optional<std::string> lost_reason;
    std::optional<std::optional<Date>> expected_close_date;
    std::optional<std::optional<int>> probability;
    std::optional<Visibility> visible_to;
    std::optional<std::vector<Id>> label_ids;  ///< checked live labels, ascending, unique
};

/// Builds a new open (or won/lost) deal from a change that names its stage and owner, and
/// returns the events of its creation. Fails with kInvalidArgument naming the field when the
/// title is empty or lost_reason comes without status lost.
Result<std::vector<DealEvent>> BuildNewDeal(Deal& deal,
                                            const ResolvedDealChange& change,
                                            Id actor_user_id,
                                            Instant now);

/// What a change did: whether any field changed, and the history events it produced.
struct DealChangeOutcome {
    bool changed = false;
    std::vector<DealEvent> events;
};

/// Applies `change` to `deal`. Moving to a stage moves the deal to that stage's pipeline; won
/// and lost set their times and close_time; reopening clears them. Fails with
/// kInvalidArgument naming the field, or kNotFound for a deleted deal.
Result<DealChangeOutcome> ApplyDealChange(Deal& deal,
                                          const ResolvedDealChange& change,
                                          Id actor_user_id,
                                          Instant now);

/// Marks the deal deleted and returns the kDeleted event. Fails with kNotFound if it already is.
Result<DealEvent> MarkDealDeleted(Deal& deal, Id actor_user_id, Instant now);

}  // namespace pipecrm::domain
