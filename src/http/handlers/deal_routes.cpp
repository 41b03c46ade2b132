// v2 deals: list with filters and cursor paging, get, create, update (stage moves, won/lost),
// delete.
#include "domain/deal_service.hpp"
#include "domain/pipeline_service.hpp"
#include "http/api.hpp"
#include "http/handlers/deal_names.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

Result<domain::DealChange> ParseDealBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"title", "owner_id", "person_id", "org_id", "pipeline_id", "stage_id", "value", "currency",
         "status", "probability", "lost_reason", "visible_to", "expected_close_date", "label_ids",
         "custom_fields"}));
    domain::DealChange change;
    std::optional<std::int64_t> owner_id;
    std::optional<std::int64_t> pipeline_id;
    std::optional<std::int64_t> stage_id;
    std::optional<std::string> status;
    std::optional<std::optional<std::string>> lost_reason;
    std::optional<std::optional<std::int64_t>> probability;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("title"), change.title));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("owner_id"), owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("person_id"), change.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("org_id"), change.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("pipeline_id"), pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("stage_id"), stage_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Number("value"), change.value));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("currency"), change.currency));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("status"), status));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("probability"), probability));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableString("lost_reason"), lost_reason));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    PIPECRM_RETURN_IF_ERROR(
        Take(body->NullableDate("expected_close_date"), change.expected_close_date));
    PIPECRM_RETURN_IF_ERROR(Take(body->CustomFields("custom_fields"), change.custom_fields));
    std::optional<std::vector<std::int64_t>> label_ids;
    PIPECRM_RETURN_IF_ERROR(Take(body->Ints("label_ids"), label_ids));
    if (label_ids) {
        change.label_ids = std::vector<Id>(label_ids->begin(), label_ids->end());
    }
    change.owner_id = owner_id;
    change.pipeline_id = pipeline_id;
    change.stage_id = stage_id;
    if (status) {
        auto parsed = OpenWonOrLost(*status);
        if (!parsed.ok()) {
            return parsed.status();
        }
        change.status = *parsed;
    }
    if (probability) {
        if (probability->has_value() && (**probability < 0 || **probability > 100)) {
            return InvalidArgument("probability must be between 0 and 100", "probability");
        }
        change.probability = probability->has_value()
                                 ? std::optional<int>(static_cast<int>(**probability))
                                 : std::optional<int>();
    }
    if (lost_reason) {
        change.lost_reason = lost_reason->value_or("");
        if (change.lost_reason->size() > 1000) {
            return InvalidArgument("lost_reason is longer than 1000 bytes", "lost_reason");
        }
    }
    return change;
}

Result<domain::DealQuery> ParseDealQuery(const RouteContext& ctx) {
    domain::DealQuery query;
    PIPECRM_RETURN_IF_ERROR(ReadCommonListParams(ctx, query));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "stage_id"), query.stage_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "pipeline_id"), query.pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "person_id"), query.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "org_id"), query.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "label_id"), query.label_id));
    for (const std::string& word : QueryWords(ctx.request, "status")) {
        auto status = domain::ParseDealStatus(word);
        if (!status) {
            return InvalidArgument("status must be a comma list of open, won, lost, deleted",
                                   "status");
        }
        query.statuses.push_back(*status);
    }
    return query;
}

// A deleted deal is still returned, with is_deleted true.
Result<domain::Deal> GetDeal(domain::Repositories& repos, Id workspace_id, Id id) {
    return repos.Deals().Get(workspace_id, id);
}

// GET /v1/stages/{id}/deals and /v1/pipelines/{id}/deals: the open deals of a board column or
// board, v1-shaped, offset-paged. Like Pipedrive, only the caller's deals unless `everyone=1`
// or `user_id` names another owner.
RouteHandler BoardDealsRoute(domain::Store& store, bool by_pipeline) {
    return [&store, by_pipeline](const RouteContext& ctx, Responder respond) {
        domain::DealQuery query;
        query.workspace_id = ctx.principal->user.workspace_id;
        query.statuses = {domain::DealStatus::kOpen};
        FilterParam filter;
        Status parsed = [&]() -> Status {
            Id id = 0;
            PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(0), id));
            (by_pipeline ? query.pipeline_id : query.stage_id) = id;
            if (by_pipeline) {
                PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "stage_id"), query.stage_id));
            }
            PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "user_id"), query.owner_id));
            PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "label_id"), query.label_id));
            std::optional<bool> everyone;
            PIPECRM_RETURN_IF_ERROR(Take(QueryFlag(ctx.request, "everyone"), everyone));
            if (everyone.value_or(false)) {
                query.owner_id.reset();
            } else if (!query.owner_id) {
                query.owner_id = ctx.principal->user.id;
            }
            PIPECRM_RETURN_IF_ERROR(
                Take(FilterParam::Read(ctx.request, domain::FilterType::kDeals), filter));
            std::pair<int, int> page;
            PIPECRM_RETURN_IF_ERROR(Take(QueryOffsetPage(ctx.request), page));
            query.options.offset = page.first;
            query.options.limit = page.second;
            return Status::Ok();
        }();
        if (!parsed.ok()) {
            respond(ErrorResponse(parsed));
            return;
        }
        ReadThen<NamedDeals>(
            store,
            [&](domain::Repositories& repos) -> Result<NamedDeals> {
                const Id parent = by_pipeline ? *query.pipeline_id : *query.stage_id;
                auto exists =
                    by_pipeline
                        ? domain::GetLivePipeline(repos, query.workspace_id, parent).status()
                        : domain::GetLiveStage(repos, query.workspace_id, parent).status();
                PIPECRM_RETURN_IF_ERROR(exists);
                PIPECRM_RETURN_IF_ERROR(filter.ApplyTo(repos, query));
                auto deals =
                    domain::WithCustomFields(repos, query.workspace_id, repos.Deals().List(query));
                if (!deals.ok()) {
                    return deals.status();
                }
                auto named = WithNames(repos, query.workspace_id, std::move(*deals));
                if (named.ok()) {
                    PIPECRM_RETURN_IF_ERROR(AddNextActivities(repos, query.workspace_id, *named));
                }
                return named;
            },
            [&](NamedDeals& found) {
                const auto limit = static_cast<std::size_t>(query.options.limit);
                const bool more = found.deals.size() > limit;
                JsonWriter w;
                w.StartArray();
                for (std::size_t i = 0; i < found.deals.size() && i < limit; ++i) {
                    WriteDealV1Strict(w, found.deals[i], found.names[i]);
                }
                w.EndArray();
                return SuccessResponse(
                    w.Take(), 200,
                    OffsetPagination(query.options.offset, query.options.limit, more));
            },
            respond);
    };
}

}  // namespace

void AddDealRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/deals",
               CursorListRoute<domain::Deal>(
                   store, ParseDealQuery,
                   [](domain::Repositories& repos, const domain::DealQuery& query) {
                       return domain::WithCustomFields(repos, query.workspace_id,
                                                       repos.Deals().List(query));
                   },
                   WriteDealV2, domain::FilterType::kDeals));

    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/stages/{id}/deals", BoardDealsRoute(store, false));
        router.Add("GET", prefix + "/pipelines/{id}/deals", BoardDealsRoute(store, true));
    }

    AddItemRoutes<domain::Deal, domain::DealChange>(
        router, store, clock,
        {"/api/v2/deals", ParseDealBody, AndCustomFields<GetDeal>,
         AndCustomFields<domain::CreateDeal>, AndCustomFields<domain::UpdateDeal>,
         domain::DeleteDeal, WriteDealV2});
}

}  // namespace pipecrm::http
