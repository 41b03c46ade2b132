#include "storage/sql/deal_event_append.hpp"

#include "base/time.hpp"
#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {

void BindDealEvent(Statement& s, int first, const domain::DealEvent& e) {
    s.Bind(first, e.workspace_id)
        .Bind(first + 1, e.deal_id)
        .Bind(first + 2, domain::DealEventKindName(e.kind))
        .Bind(first + 3, e.actor_user_id)
        .Bind(first + 4, ToUnixSeconds(e.at))
        .Bind(first + 5, e.from_stage_id)
        .Bind(first + 6, e.to_stage_id)
        .Bind(first + 7, e.from_pipeline_id)
        .Bind(first + 8, e.to_pipeline_id)
        .Bind(first + 9, e.from_value)
        .Bind(first + 10, e.to_value)
        .Bind(first + 11, e.currency)
        .Bind(first + 12, e.from_owner_id)
        .Bind(first + 13, e.to_owner_id)
        .Bind(first + 14, e.lost_reason);
}

Status AppendDealEvents(Connection& db, const std::vector<domain::DealEvent>& events) {
    return InsertInChunks(db, kDealEventTarget, kDealEventColumns, events, BindDealEvent);
}

}  // namespace pipecrm::storage::sql
