// Change-event snapshots as JSON text, the form the webhook outbox stores them in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/change_event.hpp"

namespace pipecrm::storage {

/// Appends `text` as a quoted JSON string (control characters escaped; UTF-8 kept as is).
void AppendJsonString(std::string& out, std::string_view text);
/// A JSON object with the snapshot's fields in order; "null" when absent.
std::string SnapshotJson(const std::optional<domain::Snapshot>& snapshot);
/// {"previous_stage_id":..,"current_stage_id":..,"previous_pipeline_id":..,
/// "current_pipeline_id":..,"seconds_in_previous_stage":..,"actor_user_id":..}; "null" when absent.
std::string StageMoveJson(const std::optional<domain::StageMove>& change);

}  // namespace pipecrm::storage
