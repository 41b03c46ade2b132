// A deal: one sales opportunity moving through a pipeline's stages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/money.hpp"
#include "base/time.hpp"
#include "domain/custom_field.hpp"
#include "domain/included_field.hpp"
#include "domain/visibility.hpp"

namespace pipecrm::domain {

enum class DealStatus { kOpen, kWon, kLost, kDeleted };

std::string_view DealStatusName(DealStatus status);
std::optional<DealStatus> ParseDealStatus(std::string_view text);

/// Pipedrive's visibility values: 1 owner, 3 owner's team, 5 owner and followers, 7 everyone.

struct Deal {
    Id id = 0;
    Id workspace_id = 0;
    std::string title;
    Money value;
    DealStatus status = DealStatus::kOpen;
    Id pipeline_id = 0;
    Id stage_id = 0;
    Id owner_id = 0;
    Id creator_user_id = 0;
    OptionalId person_id;
    OptionalId org_id;
    std::optional<Date> expected_close_date;
    std::optional<int> probability;
    std::string lost_reason;
    Visibility visible_to = Visibility::kEveryone;
    Instant add_time;
    Instant update_time;
    std::optional<Instant> stage_change_time;
    std::optional<Instant> won_time;
    std::optional<Instant> lost_time;
    std::optional<Instant> close_time;
    /// The deal's labels (DealLabel ids), ascending, each once.
    std::vector<Id> label_ids;
    /// Every live custom field and its value; filled only by LoadCustomFields.
    std::vector<CustomFieldValue> custom_fields;
    /// The optional fields asked for with include_fields; filled only by LoadIncludedFields.
    std::vector<IncludedField> included_fields;
};

}  // namespace pipecrm::domain
