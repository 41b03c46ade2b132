// PATCH /api/v2/pipelines/{id}/stageOrder: puts a pipeline's stages in a new order (admins).
#include "domain/stage_order.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

Result<domain::StageOrder> ParseStageOrder(const RouteContext& ctx) {
    domain::StageOrder order;
    PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(0), order.pipeline_id));
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"stage_ids"}));
    std::optional<std::vector<std::int64_t>> ids;
    PIPECRM_RETURN_IF_ERROR(Take(body->Ints("stage_ids"), ids));
    if (!ids || ids->empty()) {
        return InvalidArgument("stage_ids is required: the pipeline's stage ids in their new order",
                               "stage_ids");
    }
    order.stage_ids.assign(ids->begin(), ids->end());
    return order;
}

}  // namespace

void AddStageOrderRoutes(Router& router, const ApiServices& services) {
    router.Add("PATCH", "/api/v2/pipelines/{id}/stageOrder",
               WriteRoute<std::vector<domain::Stage>>(
                   services.store, services.clock, ParseStageOrder, domain::ReorderStages,
                   [](const std::vector<domain::Stage>& stages) {
                       return SuccessResponse(ToJsonArray(stages, WriteStageV2));
                   }),
               Access::kAdmin);
}

}  // namespace pipecrm::http
