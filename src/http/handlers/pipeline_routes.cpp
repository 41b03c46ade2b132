// v2 pipelines: list, get, create, update, delete.
#include "domain/pipeline_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

Result<domain::PipelineChange> ParsePipelineBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"name", "is_deal_probability_enabled"}));
    domain::PipelineChange change;
    auto name = body->String("name");
    if (!name.ok()) {
        return name.status();
    }
    change.name = *name;
    auto enabled = body->Bool("is_deal_probability_enabled");
    if (!enabled.ok()) {
        return enabled.status();
    }
    change.is_deal_probability_enabled = *enabled;
    return change;
}

Response One(const domain::Pipeline& pipeline, int status = 200) {
    return SuccessResponse(ToJson(pipeline, WritePipelineV2), status);
}

}  // namespace

void AddPipelineRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/pipelines", [&store](const RouteContext& ctx, Responder respond) {
        auto options =
            QueryListOptions(ctx.request, {{"id", domain::SortField::kId},
                                           {"update_time", domain::SortField::kUpdateTime},
                                           {"add_time", domain::SortField::kAddTime}});
        if (!options.ok()) {
            respond(ErrorResponse(options.status()));
            return;
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<std::vector<domain::Pipeline>>(
            store,
            [&](domain::Repositories& repos) {
                return repos.Pipelines().List(workspace_id, *options);
            },
            [&](std::vector<domain::Pipeline>& rows) {
                std::string more = TrimPage(rows, *options, SortKeyOf<domain::Pipeline>);
                return SuccessResponse(ToJsonArray(rows, WritePipelineV2), 200, more);
            },
            respond);
    });

    router.Add("GET", "/api/v2/pipelines/{id}",
               [&store](const RouteContext& ctx, Responder respond) {
                   auto id = ctx.IdParam(0);
                   if (!id.ok()) {
                       respond(ErrorResponse(id.status()));
                       return;
                   }
                   const Id workspace_id = ctx.principal->user.workspace_id;
                   ReadThen<domain::Pipeline>(
                       store,
                       [&](domain::Repositories& repos) {
                           return domain::GetLivePipeline(repos, workspace_id, *id);
                       },
                       [](const domain::Pipeline& p) { return One(p); }, respond);
               });

    router.Add("POST", "/api/v2/pipelines",
               [&store, &clock](const RouteContext& ctx, Responder respond) {
                   auto change = ParsePipelineBody(ctx.request);
                   if (!change.ok()) {
                       respond(ErrorResponse(change.status()));
                       return;
                   }
                   WriteThen<domain::Pipeline>(
                       store,
                       [actor = ActorOf(ctx), change = *change,
                        now = clock.Now()](domain::Repositories& repos) {
                           return domain::CreatePipeline(repos, actor, change, now);
                       },
                       [](const domain::Pipeline& p) { return One(p, 201); }, std::move(respond));
               });

    router.Add("PATCH", "/api/v2/pipelines/{id}",
               [&store, &clock](const RouteContext& ctx, Responder respond) {
                   auto id = ctx.IdParam(0);
                   auto change = ParsePipelineBody(ctx.request);
                   if (!id.ok() || !change.ok()) {
                       respond(ErrorResponse(!id.ok() ? id.status() : change.status()));
                       return;
                   }
                   WriteThen<domain::Pipeline>(
                       store,
                       [actor = ActorOf(ctx), id = *id, change = *change,
                        now = clock.Now()](domain::Repositories& repos) {
                           return domain::UpdatePipeline(repos, actor, id, change, now);
                       },
                       [](const domain::Pipeline& p) { return One(p); }, std::move(respond));
               });

    router.Add(
        "DELETE", "/api/v2/pipelines/{id}",
        [&store, &clock](const RouteContext& ctx, Responder respond) {
            auto id = ctx.IdParam(0);
            if (!id.ok()) {
                respond(ErrorResponse(id.status()));
                return;
            }
            WriteThen<domain::Pipeline>(
                store,
                [actor = ActorOf(ctx), id = *id, now = clock.Now()](domain::Repositories& repos) {
                    return domain::DeletePipeline(repos, actor, id, now);
                },
                [](const domain::Pipeline& p) { return SuccessResponse(IdObject(p.id)); },
                std::move(respond));
        });
}

}  // namespace pipecrm::http
