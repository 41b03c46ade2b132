// A pipeline: an ordered list of stages that deals move through.
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Pipeline {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    int order_nr = 0;
    bool is_deal_probability_enabled = true;
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;
};

}  // namespace pipecrm::domain
