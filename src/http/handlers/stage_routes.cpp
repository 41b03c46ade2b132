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

struct StageListQuery {
    Id workspace_id = 0;
    OptionalId pipeline_id;
    domain::ListOptions options;
};

Result<StageListQuery> ParseStageListQuery(const RouteContext& ctx) {
    StageListQuery query{ctx.principal->user.workspace_id, {}, {}};
    PIPECRM_RETURN_IF_ERROR(
        Take(QueryListOptions(ctx.request, {{"id", domain::SortField::kId},
                                            {"update_time", domain::SortField::kUpdateTime},
                                            {"add_time", domain::SortField::kAddTime},
                                            {"order_nr", domain::SortField::kOrderNr}}),
             query.options));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "pipeline_id"), query.pipeline_id));
    return query;
}

}  // namespace

void AddStageRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/stages",
               CursorListRoute<domain::Stage>(
                   store, ParseStageListQuery,
                   [](domain::Repositories& repos, const StageListQuery& query) {
                       return repos.Stages().List(query.workspace_id, query.pipeline_id,
                                                  query.options);
                   },
                   WriteStageV2));

    AddItemRoutes<domain::Stage, domain::StageChange>(
        router, store, clock,
        {"/api/v2/stages", ParseStageBody, domain::GetLiveStage, domain::CreateStage,
         domain::UpdateStage, domain::DeleteStage, WriteStageV2, Access::kAdmin});
}

}  // namespace pipecrm::http
