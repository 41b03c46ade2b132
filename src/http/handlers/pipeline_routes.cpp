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
               GetByIdRoute<domain::Pipeline>(store, domain::GetLivePipeline,
                                              [](const domain::Pipeline& p) { return One(p); }));

    router.Add(
        "POST", "/api/v2/pipelines",
        WriteRoute<domain::Pipeline>(
            store, clock, [](const RouteContext& ctx) { return ParsePipelineBody(ctx.request); },
            domain::CreatePipeline, [](const domain::Pipeline& p) { return One(p, 201); }));

    router.Add("PATCH", "/api/v2/pipelines/{id}",
               WriteRoute<domain::Pipeline>(
                   store, clock,
                   [](const RouteContext& ctx) {
                       return ParseIdAndBody<domain::PipelineChange>(ctx, ParsePipelineBody);
                   },
                   [](domain::Repositories& repos, const domain::Actor& actor,
                      const IdAndChange<domain::PipelineChange>& input, Instant now) {
                       return domain::UpdatePipeline(repos, actor, input.id, input.change, now);
                   },
                   [](const domain::Pipeline& p) { return One(p); }));

    router.Add("DELETE", "/api/v2/pipelines/{id}",
               WriteRoute<domain::Pipeline>(
                   store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                   domain::DeletePipeline,
                   [](const domain::Pipeline& p) { return SuccessResponse(IdObject(p.id)); }));
}

}  // namespace pipecrm::http
