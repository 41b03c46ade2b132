// Appending deal events: one (`BindDealEvent`, the column order of kDealEventTarget) or many in
// few statements (`AppendDealEvents`, for bulk writers such as the importer).
#pragma once

#include <vector>

#include "base/status.hpp"
#include "domain/deal_event.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// The table and columns an INSERT names; each row's values are kDealEventColumns parameters.
inline constexpr const char* kDealEventTarget =
    "main.deal_events(workspace_id, deal_id, kind, actor_user_id, at, "
    "from_stage_id, to_stage_id, from_pipeline_id, to_pipeline_id, from_value, to_value, "
    "currency, from_owner_id, to_owner_id, lost_reason)";
inline constexpr int kDealEventColumns = 15;

/// Binds the event's columns to parameters first … first + kDealEventColumns - 1.
void BindDealEvent(Statement& s, int first, const domain::DealEvent& e);

/// Appends the events in their order (so their ids ascend as with one INSERT each), many per
/// statement (InsertInChunks in query.hpp).
Status AppendDealEvents(Connection& db, const std::vector<domain::DealEvent>& events);

}  // namespace pipecrm::storage::sql
