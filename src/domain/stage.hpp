// A stage of one pipeline, with its order, win probability and rotting limit.
#pragma once

#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Stage {
    Id id = 0;
    Id workspace_id = 0;
    Id pipeline_id = 0;
    std::string name;
    int order_nr = 0;            ///< 1..n within the pipeline
    int deal_probability = 100;  ///< 0..100
    bool is_deal_rot_enabled = false;
    std::optional<int> days_to_rotten;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
