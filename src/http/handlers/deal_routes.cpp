// v2 deals: list with filters and cursor paging, get, create, update (stage moves, won/lost),
// delete.
#include "domain/deal_service.hpp"
#include "http/api.hpp"
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
         "status", "probability", "lost_reason", "visible_to", "expected_close_date"}));
    domain::DealChange change;
    std::optional<std::int64_t> owner_id;
    std::optional<std::int64_t> pipeline_id;
    std::optional<std::int64_t> stage_id;
    std::optional<std::int64_t> visible_to;
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
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("visible_to"), visible_to));
    PIPECRM_RETURN_IF_ERROR(
        Take(body->NullableDate("expected_close_date"), change.expected_close_date));
    change.owner_id = owner_id;
    change.pipeline_id = pipeline_id;
    change.stage_id = stage_id;
    if (status) {
        auto parsed = domain::ParseDealStatus(*status);
        if (!parsed || *parsed == domain::DealStatus::kDeleted) {
            return InvalidArgument("status must be open, won or lost", "status");
        }
        change.status = parsed;
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
    if (visible_to) {
        change.visible_to = domain::VisibilityFromInt(*visible_to);
        if (!change.visible_to) {
            return InvalidArgument("visible_to must be 1, 3, 5 or 7", "visible_to");
        }
    }
    return change;
}

Result<domain::DealQuery> ParseDealQuery(const Request& request, Id workspace_id) {
    domain::DealQuery query;
    query.workspace_id = workspace_id;
    PIPECRM_RETURN_IF_ERROR(
        Take(QueryListOptions(request, {{"id", domain::SortField::kId},
                                        {"update_time", domain::SortField::kUpdateTime},
                                        {"add_time", domain::SortField::kAddTime}}),
             query.options));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "owner_id"), query.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "stage_id"), query.stage_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "pipeline_id"), query.pipeline_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "person_id"), query.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "org_id"), query.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryIdList(request, "ids"), query.ids));
    PIPECRM_RETURN_IF_ERROR(Take(QueryInstant(request, "updated_since"), query.updated_since));
    PIPECRM_RETURN_IF_ERROR(Take(QueryInstant(request, "updated_until"), query.updated_until));
    for (const std::string& word : QueryWords(request, "status")) {
        auto status = domain::ParseDealStatus(word);
        if (!status) {
            return InvalidArgument("status must be a comma list of open, won, lost, deleted",
                                   "status");
        }
        query.statuses.push_back(*status);
    }
    if (request.Query("filter_id") != nullptr) {
        return InvalidArgument("filter_id is not supported yet", "filter_id");
    }
    return query;
}

// A deleted deal is still returned, with is_deleted true.
Result<domain::Deal> GetDeal(domain::Repositories& repos, Id workspace_id, Id id) {
    return repos.Deals().Get(workspace_id, id);
}

}  // namespace

void AddDealRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;

    router.Add("GET", "/api/v2/deals", [&store](const RouteContext& ctx, Responder respond) {
        auto query = ParseDealQuery(ctx.request, ctx.principal->user.workspace_id);
        if (!query.ok()) {
            respond(ErrorResponse(query.status()));
            return;
        }
        ReadThen<std::vector<domain::Deal>>(
            store, [&](domain::Repositories& repos) { return repos.Deals().List(*query); },
            [&](std::vector<domain::Deal>& rows) {
                std::string more = TrimPage(rows, query->options, SortKeyOf<domain::Deal>);
                return SuccessResponse(ToJsonArray(rows, WriteDealV2), 200, more);
            },
            respond);
    });

    AddItemRoutes<domain::Deal, domain::DealChange>(
        router, store, clock,
        {"/api/v2/deals", ParseDealBody, GetDeal, domain::CreateDeal, domain::UpdateDeal,
         domain::DeleteDeal, WriteDealV2});
}

}  // namespace pipecrm::http
