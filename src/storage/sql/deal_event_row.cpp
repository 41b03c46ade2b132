#include "storage/sql/deal_event_row.hpp"

namespace pipecrm::storage::sql {

domain::DealEvent ReadDealEvent(const Statement& s) {
    domain::DealEvent e;
    e.id = s.Int(0);
    e.workspace_id = s.Int(1);
    e.deal_id = s.Int(2);
    e.kind = domain::ParseDealEventKind(s.Text(3)).value_or(domain::DealEventKind::kCreated);
    e.actor_user_id = s.Int(4);
    e.at = FromUnixSeconds(s.Int(5));
    e.from_stage_id = s.OptionalInt(6);
    e.to_stage_id = s.OptionalInt(7);
    e.from_pipeline_id = s.OptionalInt(8);
    e.to_pipeline_id = s.OptionalInt(9);
    e.from_value = s.OptionalInt(10);
    e.to_value = s.OptionalInt(11);
    e.currency = s.Text(12);
    e.from_owner_id = s.OptionalInt(13);
    e.to_owner_id = s.OptionalInt(14);
    e.lost_reason = s.Text(15);
    return e;
}

}  // namespace pipecrm::storage::sql
