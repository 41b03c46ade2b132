// A committed change to a record, as subscribers (webhooks, automation rules) see it: what
// changed, who changed it, and the record before and after.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class ChangeAction { kCreate, kChange, kDelete };

/// "create", "change", "delete" (webhooks v2).
std::string_view ChangeActionName(ChangeAction action);
/// "added", "updated", "deleted" (webhooks v1).
std::string_view ChangeActionV1Name(ChangeAction action);

/// A decimal number kept as its exact text ("1500.50"), for money amounts.
struct DecimalText {
    std::string text;
};

/// One field's value in a snapshot: null, a whole number, a decimal, text or a flag.
using SnapshotValue = std::variant<std::monostate, std::int64_t, DecimalText, std::string, bool>;

struct SnapshotField {
    std::string key;
    SnapshotValue value;
};

/// A record's fields in a fixed order, as plain values.
using Snapshot = std::vector<SnapshotField>;

/// What a stage move adds to a deal's change.
struct StageMove {
    Id previous_stage_id = 0;
    Id current_stage_id = 0;
    Id previous_pipeline_id = 0;
    Id current_pipeline_id = 0;
    std::int64_t seconds_in_previous_stage = 0;
    Id actor_user_id = 0;  ///< who moved the deal
};

/// What a change of status adds to a deal's change ("open", "won", "lost", "deleted").
struct StatusChange {
    std::string previous;
    std::string current;
};

struct ChangeEvent {
    Id workspace_id = 0;
    std::string object;  ///< "deal", "person", "organization", "activity"
    ChangeAction action = ChangeAction::kCreate;
    Id entity_id = 0;
    Id actor_user_id = 0;
    Instant at;
    std::optional<Snapshot> current;   ///< empty for a deletion
    std::optional<Snapshot> previous;  ///< empty for a creation
    std::optional<StageMove> stage_change;
    std::optional<StatusChange> status_change;  ///< a deal's, when its status differs
    int automation_depth = 0;  ///< the actor's: how deep in a chain of rule runs the change is
};

}  // namespace pipecrm::domain
