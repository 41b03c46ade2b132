#include "domain/stage_order.hpp"

#include <algorithm>
#include <string>

#include "domain/pipeline_service.hpp"

namespace pipecrm::domain {

Result<std::vector<Stage>> ReorderStages(Repositories& repos,
                                         const Actor& actor,
                                         const StageOrder& order,
                                         Instant now) {
    PIPECRM_RETURN_IF_ERROR(GetLivePipeline(repos, actor.workspace_id, order.pipeline_id).status());
    ListOptions all;
    all.limit = 10000;
    auto stages = repos.Stages().List(actor.workspace_id, order.pipeline_id, all);
    if (!stages.ok()) {
        return stages.status();
    }
    std::vector<Id> wanted = order.stage_ids;
    std::vector<Id> live;
    for (const Stage& stage : *stages) {
        live.push_back(stage.id);
    }
    std::sort(wanted.begin(), wanted.end());
    std::sort(live.begin(), live.end());
    if (wanted != live) {
        return InvalidArgument("stage_ids must name every stage of pipeline " +
                                   std::to_string(order.pipeline_id) + " once (" +
                                   std::to_string(live.size()) + " stages)",
                               "stage_ids");
    }
    std::vector<Stage> out;
    for (std::size_t i = 0; i < order.stage_ids.size(); ++i) {
        auto stage = std::find_if(stages->begin(), stages->end(),
                                  [&](const Stage& s) { return s.id == order.stage_ids[i]; });
        const int position = static_cast<int>(i) + 1;
        if (stage->order_nr != position) {
            stage->order_nr = position;
            stage->update_time = now;
            PIPECRM_RETURN_IF_ERROR(repos.Stages().Update(*stage));
        }
        out.push_back(*stage);
    }
    return out;
}

}  // namespace pipecrm::domain
