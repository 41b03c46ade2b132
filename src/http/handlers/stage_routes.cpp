// v2 stages: list (optionally of one pipeline), get, create, update, delete.
#include "domain/pipeline_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

Result<domain::StageChange> ParseStageBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"name", "pipeline_id", "deal_probability", "is_deal_rot_enabled", "days_to_rotten"}));
    domain::StageChange change;
    auto name = body->String("name");
    auto pipeline_id = body->Int("pipeline_id");
    auto probability = body->Int("deal_probability");
    auto rot = body->Bool("is_deal_rot_enabled");
    auto days = body->NullableInt("days_to_rotten");
    for (const Status* status : {&name.status(), &pipeline_id.status(), &probability.status(),
                                 &rot.status(), &days.status()}) {
        if (!status->ok()) {
            return *status;
        }
    }
    change.name = *name;
    change.pipeline_id = *pipeline_id;
    if (*probability) {
        if (**probability < 0 || **probability > 100) {
            return InvalidArgument("deal_probability must be between 0 and 100",
                                   "deal_probability");
        }
        change.deal_probability = static_cast<int>(**probability);
    }
    change.is_deal_rot_enabled = *rot;
    if (*days) {
        if (days->value() && (***days < 1 || ***days > 100000)) {
            return InvalidArgument("days_to_rotten must be between 1 and 100000", "days_to_rotten");
        }
        change.days_to_rotten =
            days->value() ? std::optional<int>(static_cast<int>(***days)) : std::optional<int>();
    }
    return change;
}

}  // namespace

void AddStageRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/stages", [&store](const RouteContext& ctx, Responder respond) {
        auto options =
            QueryListOptions(ctx.request, {{"id", domain::SortField::kId},
                                           {"update_time", domain::SortField::kUpdateTime},
                                           {"add_time", domain::SortField::kAddTime},
                                           {"order_nr", domain::SortField::kOrderNr}});
        auto pipeline_id = QueryId(ctx.request, "pipeline_id");
        if (!options.ok() || !pipeline_id.ok()) {
            respond(ErrorResponse(!options.ok() ? options.status() : pipeline_id.status()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::Stage>>(
            store,
            [&](domain::Repositories& repos) {
                return repos.Stages().List(workspace_id, *pipeline_id, *options);
            },
            [&](std::vector<domain::Stage>& rows) {
                std::string more = TrimPage(rows, *options, SortKeyOf<domain::Stage>);
                return SuccessResponse(ToJsonArray(rows, WriteStageV2), 200, more);
            },
            respond);
    });

    AddItemRoutes<domain::Stage, domain::StageChange>(
        router, store, clock,
        {"/api/v2/stages", ParseStageBody, domain::GetLiveStage, domain::CreateStage,
         domain::UpdateStage, domain::DeleteStage, WriteStageV2});
}

}  // namespace pipecrm::http
