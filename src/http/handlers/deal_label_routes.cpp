// v1 deal labels (under /api/v1 and /v1): the workspace's managed list of coloured labels that
// deals carry in label_ids. Everyone may read it; admins add, change and remove labels.
#include "domain/deal_label_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

void WriteDealLabel(JsonWriter& w, const domain::DealLabel& l) {
    w.StartObject();
    w.Key("id").Int(l.id);
    w.Key("name").String(l.name);
    w.Key("color").String(l.color);
    w.Key("add_time").String(FormatSqlTime(l.add_time));
    w.Key("update_time").String(FormatSqlTime(l.update_time));
    w.EndObject();
}

Result<domain::DealLabelChange> ParseLabelBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"name", "color"}));
    domain::DealLabelChange change;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("color"), change.color));
    return change;
}

Response OneLabel(const domain::DealLabel& label, int status) {
    return SuccessResponse(ToJson(label, WriteDealLabel), status);
}

}  // namespace

void AddDealLabelRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/dealLabels",
                   [&store](const RouteContext& ctx, Responder respond) {
                       const Id workspace_id = ctx.principal->user.workspace_id;
                       ReadThen<std::vector<domain::DealLabel>>(
                           store,
                           [&](domain::Repositories& repos) {
                               return repos.DealLabels().List(workspace_id);
                           },
                           [](const std::vector<domain::DealLabel>& labels) {
                               return SuccessResponse(ToJsonArray(labels, WriteDealLabel));
                           },
                           respond);
                   });
        router.Add(
            "POST", prefix + "/dealLabels",
            WriteRoute<domain::DealLabel>(
                store, clock, [](const RouteContext& ctx) { return ParseLabelBody(ctx.request); },
                domain::AddDealLabel,
                [](const domain::DealLabel& label) { return OneLabel(label, 201); }),
            Access::kAdmin);
        router.Add("PUT", prefix + "/dealLabels/{id}",
                   WriteRoute<domain::DealLabel>(
                       store, clock,
                       [](const RouteContext& ctx) {
                           return ParseIdAndBody<domain::DealLabelChange>(ctx, ParseLabelBody);
                       },
                       [](domain::Repositories& repos, const domain::Actor& actor,
                          const IdAndChange<domain::DealLabelChange>& input, Instant now) {
                           return domain::UpdateDealLabel(repos, actor, input.id, input.change,
                                                          now);
                       },
                       [](const domain::DealLabel& label) { return OneLabel(label, 200); }),
                   Access::kAdmin);
        router.Add(
            "DELETE", prefix + "/dealLabels/{id}",
            WriteRoute<domain::DealLabel>(
                store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                domain::DeleteDealLabel,
                [](const domain::DealLabel& label) { return SuccessResponse(IdObject(label.id)); }),
            Access::kAdmin);
    }
}

}  // namespace pipecrm::http
