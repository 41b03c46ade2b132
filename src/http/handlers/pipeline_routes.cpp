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
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"name", "is_deal_probability_enabled", "kind", "language"}));
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
    std::optional<std::string> kind;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("kind"), kind));
    if (kind) {
        change.kind = domain::ParsePipelineKind(*kind);
        if (!change.kind) {
            return InvalidArgument("kind must be deal or project", "kind");
        }
    }
    PIPECRM_RETURN_IF_ERROR(Take(body->String("language"), change.language));
    return change;
}

struct PipelineListQuery {
    Id workspace_id = 0;
    domain::ListOptions options;
};

Result<PipelineListQuery> ParsePipelineListQuery(const RouteContext& ctx) {
    PipelineListQuery query{ctx.principal->user.workspace_id, {}};
    PIPECRM_RETURN_IF_ERROR(
        Take(QueryListOptions(ctx.request, {{"id", domain::SortField::kId},
                                            {"update_time", domain::SortField::kUpdateTime},
                                            {"add_time", domain::SortField::kAddTime}}),
             query.options));
    return query;
}

}  // namespace

void AddPipelineRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/pipelines",
               CursorListRoute<domain::Pipeline>(
                   store, ParsePipelineListQuery,
                   [](domain::Repositories& repos, const PipelineListQuery& query) {
                       return repos.Pipelines().List(query.workspace_id, query.options);
                   },
                   WritePipelineV2));

    AddItemRoutes<domain::Pipeline, domain::PipelineChange>(
        router, store, clock,
        {"/api/v2/pipelines", ParsePipelineBody, domain::GetLivePipeline, domain::CreatePipeline,
         domain::UpdatePipeline, domain::DeletePipeline, WritePipelineV2, Access::kAdmin});
}

}  // namespace pipecrm::http
