// v1 webhooks (under /api/v1 and /v1): list, register (with a signing secret shown once),
// remove, and each webhook's delivery log. Delivery itself is automation/webhook_worker.
#include "auth/credentials.hpp"
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

// A registration and the secret its deliveries are signed with.
struct NewWebhook {
    domain::WebhookChange change;
    std::string secret;
};
struct CreatedWebhook {
    domain::Webhook webhook;
    std::string secret;
};

void WriteDelivery(JsonWriter& w, const domain::WebhookDelivery& d) {
    w.StartObject();
    w.Key("id").Int(d.id);
    w.Key("webhook_id").Int(d.webhook_id);
    w.Key("event_id").Int(d.event_id);
    w.Key("event_object").String(d.event_object);
    w.Key("event_action").String(domain::ChangeActionName(d.event_action));
    w.Key("entity_id").Int(d.entity_id);
    w.Key("idempotency_key")
        .String("pipecrm-" + std::to_string(d.event_id) + "-" + std::to_string(d.webhook_id));
    w.Key("status").String(domain::DeliveryStateName(d.state));
    w.Key("attempts").Int(d.attempts);
    w.Key("last_http_status");
    if (d.last_status_code) {
        w.Int(*d.last_status_code);
    } else {
        w.Null();
    }
    w.Key("last_error").StringOrNull(d.last_error);
    w.Key("add_time").String(FormatSqlTime(d.add_time));
    w.Key("next_attempt_time");
    if (d.state == domain::DeliveryState::kPending || d.state == domain::DeliveryState::kSending) {
        w.String(FormatSqlTime(d.next_attempt_time));
    } else {
        w.Null();
    }
    w.Key("delivered_time");
    if (d.delivered_time) {
        w.String(FormatSqlTime(*d.delivered_time));
    } else {
        w.Null();
    }
    w.Key("update_time").String(FormatSqlTime(d.update_time));
    w.EndObject();
}

// GET .../webhooks/{id}/deliveries: newest first, offset-paged.
RouteHandler DeliveriesRoute(domain::Store& store) {
    return [&store](const RouteContext& ctx, Responder respond) {
        const Id workspace_id = ctx.principal->user.workspace_id;
        Id webhook_id = 0;
        std::pair<int, int> page;
        Status parsed = Take(ctx.IdParam(0), webhook_id);
        if (parsed.ok()) {
            parsed = Take(QueryOffsetPage(ctx.request), page);
        }
        if (!parsed.ok()) {
            respond(ErrorResponse(parsed));
            return;
        }
        ReadThen<std::vector<domain::WebhookDelivery>>(
            store,
            [&](domain::Repositories& repos) -> Result<std::vector<domain::WebhookDelivery>> {
                auto webhook = repos.Webhooks().Get(workspace_id, webhook_id);
                if (!webhook.ok()) {
                    return webhook.status();
                }
                return repos.WebhookOutbox().List(workspace_id, webhook_id, page.first,
                                                  page.second);
            },
            [&](std::vector<domain::WebhookDelivery>& rows) {
                const bool more = rows.size() > static_cast<std::size_t>(page.second);
                if (more) {
                    rows.pop_back();
                }
                return SuccessResponse(ToJsonArray(rows, WriteDelivery), 200,
                                       OffsetPagination(page.first, page.second, more));
            },
            respond);
    };
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
        // The secret is drawn before the write job, which may run more than once.
        router.Add(
            "POST", prefix + "/webhooks",
            WriteRoute<CreatedWebhook>(
                store, clock,
                [](const RouteContext& ctx) -> Result<NewWebhook> {
                    auto change = ParseWebhookBody(ctx);
                    if (!change.ok()) {
                        return change.status();
                    }
                    return NewWebhook{std::move(*change), "whsec_" + auth::NewSessionSecret()};
                },
                [](domain::Repositories& repos, const domain::Actor& actor, const NewWebhook& input,
                   Instant now) -> Result<CreatedWebhook> {
                    auto webhook = domain::CreateWebhook(repos, actor, input.change, now);
                    if (!webhook.ok()) {
                        return webhook.status();
                    }
                    PIPECRM_RETURN_IF_ERROR(repos.WebhookOutbox().SetSecret(
                        actor.workspace_id, webhook->id, input.secret));
                    return CreatedWebhook{std::move(*webhook), input.secret};
                },
                [](const CreatedWebhook& created) {
                    JsonWriter w;
                    WriteWebhookV1(w, created.webhook);
                    // Shown once, here: deliveries carry X-PipeCRM-Signature made with it.
                    std::string json = w.Take();
                    json.pop_back();
                    json += ",\"secret\":\"" + created.secret + "\"}";  // hex: no escaping
                    return SuccessResponse(json, 201);
                }),
            Access::kAdmin);
        router.Add("GET", prefix + "/webhooks/{id}/deliveries", DeliveriesRoute(store),
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
