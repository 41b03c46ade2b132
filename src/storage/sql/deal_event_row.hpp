// One row of deal_events as the domain's DealEvent, shared by the event log and the reports'
// source. The SELECT names the columns in this order: id, workspace_id, deal_id, kind,
// actor_user_id, at, from_stage_id, to_stage_id, from_pipeline_id, to_pipeline_id, from_value,
// to_value, currency, from_owner_id, to_owner_id, lost_reason.
#pragma once

#include "domain/deal_event.hpp"
#include "storage/sql/statement.hpp"

namespace pipecrm::storage::sql {

domain::DealEvent ReadDealEvent(const Statement& s);

}  // namespace pipecrm::storage::sql
