// Reordering the stages of a pipeline (the settings page's up/down buttons).
#pragma once

#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/repositories.hpp"
#include "domain/stage.hpp"

namespace pipecrm::domain {

struct StageOrder {
    Id pipeline_id = 0;
    std::vector<Id> stage_ids;  ///< every live stage of the pipeline, once, in the new order
};

/// Gives the pipeline's stages order_nr 1..n in the order of `stage_ids`, and returns them in
/// that order. kNotFound for an unknown pipeline; kInvalidArgument naming stage_ids unless the
/// list names each live stage of the pipeline exactly once. Unchanged stages keep their
/// update_time.
Result<std::vector<Stage>> ReorderStages(Repositories& repos,
                                         const Actor& actor,
                                         const StageOrder& order,
                                         Instant now);

}  // namespace pipecrm::domain
