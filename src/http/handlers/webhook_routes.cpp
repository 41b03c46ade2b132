// v1 webhooks (under /api/v1 and /v1): list, register, remove. Only the registration is
// stored; delivering events comes with automation.
#include "domain/webhook_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

// Pipedrive's Webhook; the password is never shown.
void WriteWebhookV1(JsonWriter& w, const domain::Webhook& h) {
    w.StartObject();
    w.Key("id").Int(h.id);
    w.Key("company_id").Int(h.workspace_id);
    w.Key("owner_id").Int(h.user_id);
    w.Key("user_id").Int(h.user_id);
    w.Key("admin_id").Int(h.admin_id);
    w.Key("name").String(h.name);
    w.Key("event_action").String(h.event_action);
    w.Key("event_object").String(h.event_object);
    w.Key("subscription_url").String(h.subscription_url);
    w.Key("version").String(h.version);
    w.Key("is_active").Int(h.is_deleted ? 0 : 1);
    w.Key("add_time").String(FormatSqlTime(h.add_time));
    w.Key("remove_time");
    if (h.is_deleted) {
        w.String(FormatSqlTime(h.update_time));
    } else {
        w.Null();
    }
    w.Key("type").String("general");
    w.Key("http_auth_user").StringOrNull(h.http_auth_user);
    w.Key("http_auth_password").Null();
    w.Key("remove_reason").Null();
    w.Key("last_delivery_time").Null();
    w.Key("last_http_status").Null();
    w.EndObject();
}

Result<domain::WebhookChange> ParseWebhookBody(const RouteContext& ctx) {
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(
        body->OnlyKnownFields({"subscription_url", "event_action", "event_object", "name",
                               "user_id", "http_auth_user", "http_auth_password", "version"}));
    domain::WebhookChange change;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("subscription_url"), change.subscription_url));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("event_action"), change.event_action));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("event_object"), change.event_object));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), change.name));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("user_id"), change.user_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("http_auth_user"), change.http_auth_user));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("http_auth_password"), change.http_auth_password));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("version"), change.version));
    return change;
}

}  // namespace

void AddWebhookRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "GET", prefix + "/webhooks",
            [&store](const RouteContext& ctx, Responder respond) {
                const Id workspace_id = ctx.principal->user.workspace_id;
                ReadThen<std::vector<domain::Webhook>>(
                    store,
                    [&](domain::Repositories& repos) {
                        return repos.Webhooks().List(workspace_id);
                    },
                    [](const std::vector<domain::Webhook>& webhooks) {
                        return SuccessResponse(ToJsonArray(webhooks, WriteWebhookV1));
                    },
                    respond);
            },
            Access::kAdmin);
        router.Add("POST", prefix + "/webhooks",
                   WriteRoute<domain::Webhook>(
                       store, clock, ParseWebhookBody, domain::CreateWebhook,
                       [](const domain::Webhook& webhook) {
                           return SuccessResponse(ToJson(webhook, WriteWebhookV1), 201);
                       }),
                   Access::kAdmin);
        router.Add("DELETE", prefix + "/webhooks/{id}",
                   WriteRoute<domain::Webhook>(
                       store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                       domain::DeleteWebhook,
                       [](const domain::Webhook& webhook) {
                           return SuccessResponse(IdObject(webhook.id));
                       }),
                   Access::kAdmin);
    }
}

}  // namespace pipecrm::http
