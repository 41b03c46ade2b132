// v1 lost reasons (under /api/v1 and /v1): the workspace's managed list offered when a deal is
// marked lost. Everyone may read it; admins add and remove reasons.
#include "domain/lost_reason_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

void WriteLostReason(JsonWriter& w, const domain::LostReason& r) {
    w.StartObject();
    w.Key("id").Int(r.id);
    w.Key("label").String(r.label);
    w.Key("add_time").String(FormatSqlTime(r.add_time));
    w.EndObject();
}

Result<std::string> ParseLabel(const RouteContext& ctx) {
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"label"}));
    std::optional<std::string> label;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("label"), label));
    if (!label) {
        return InvalidArgument("label is required", "label");
    }
    return *label;
}

}  // namespace

void AddLostReasonRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/lostReasons",
                   [&store](const RouteContext& ctx, Responder respond) {
                       const Id workspace_id = ctx.principal->user.workspace_id;
                       ReadThen<std::vector<domain::LostReason>>(
                           store,
                           [&](domain::Repositories& repos) {
                               return repos.LostReasons().List(workspace_id);
                           },
                           [](const std::vector<domain::LostReason>& reasons) {
                               return SuccessResponse(ToJsonArray(reasons, WriteLostReason));
                           },
                           respond);
                   });
        router.Add("POST", prefix + "/lostReasons",
                   WriteRoute<domain::LostReason>(store, clock, ParseLabel, domain::AddLostReason,
                                                  [](const domain::LostReason& reason) {
                                                      return SuccessResponse(
                                                          ToJson(reason, WriteLostReason), 201);
                                                  }),
                   Access::kAdmin);
        router.Add("DELETE", prefix + "/lostReasons/{id}",
                   WriteRoute<domain::LostReason>(
                       store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                       domain::DeleteLostReason,
                       [](const domain::LostReason& reason) {
                           return SuccessResponse(IdObject(reason.id));
                       }),
                   Access::kAdmin);
    }
}

}  // namespace pipecrm::http
