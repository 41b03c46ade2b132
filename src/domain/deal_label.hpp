// A deal label: a named colour from the workspace's managed list; a deal carries any number
// of them (Deal::label_ids), shown as chips and used to filter the board and deal lists.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// The colours a label may have: Pipedrive's label colours.
inline constexpr std::array<std::string_view, 6> kDealLabelColors = {"green",  "blue",   "red",
                                                                     "yellow", "purple", "gray"};

struct DealLabel {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string color = "gray";  ///< one of kDealLabelColors
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
