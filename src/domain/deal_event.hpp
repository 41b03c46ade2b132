// One entry of a deal's append-only history, written in the same transaction as the change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

enum class DealEventKind {
    kCreated,
    kStageMoved,
    kValueChanged,
    kOwnerChanged,
    kWon,
    kLost,
    kReopened,
    kDeleted,
};

std::string_view DealEventKindName(DealEventKind kind);
std::optional<DealEventKind> ParseDealEventKind(std::string_view text);

struct DealEvent {
    Id id = 0;
    Id workspace_id = 0;
    Id deal_id = 0;
    DealEventKind kind = DealEventKind::kCreated;
    Id actor_user_id = 0;
    Instant at;
    OptionalId from_stage_id;  ///< kStageMoved; kCreated carries only to_stage_id
    OptionalId to_stage_id;
    OptionalId from_pipeline_id;
    OptionalId to_pipeline_id;
    std::optional<std::int64_t> from_value;  ///< kValueChanged, minor units
    std::optional<std::int64_t> to_value;    ///< kValueChanged and kCreated
    std::string currency;                    ///< of to_value
    OptionalId from_owner_id;                ///< kOwnerChanged
    OptionalId to_owner_id;                  ///< kOwnerChanged and kCreated
    std::string lost_reason;                 ///< kLost
};

}  // namespace pipecrm::domain
