// v1 API tokens (under /api/v1 and /v1), for the settings page: the workspace's tokens, a new
// one for a user (shown once), revoking one. Admins only, like `pipecrm token`.
#include "auth/authenticator.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

void WriteToken(JsonWriter& w, const domain::TokenInfo& t) {
    w.StartObject();
    w.Key("id").Int(t.id);
    w.Key("user_id").Int(t.user_id);
    w.Key("user_email").String(t.user_email);
    w.Key("name").String(t.name);
    w.Key("add_time").String(FormatSqlTime(t.add_time));
    w.Key("last_used_time");
    t.last_used_time ? w.String(FormatSqlTime(*t.last_used_time)) : w.Null();
    w.Key("revoked_time");
    t.revoked_time ? w.String(FormatSqlTime(*t.revoked_time)) : w.Null();
    w.EndObject();
}

struct NewToken {
    std::string email;
    std::string name;
};

Result<NewToken> ParseNewToken(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"email", "name"}));
    std::optional<std::string> email;
    std::optional<std::string> name;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("email"), email));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), name));
    if (!email || email->empty()) {
        return InvalidArgument("email is required: the user the token acts as", "email");
    }
    if (name && name->size() > 255) {
        return InvalidArgument("name must be at most 255 bytes", "name");
    }
    return NewToken{*email, name.value_or("")};
}

}  // namespace

void AddApiTokenRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    auth::Authenticator& authenticator = services.authenticator;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "GET", prefix + "/apiTokens",
            [&store](const RouteContext& ctx, Responder respond) {
                const Id workspace_id = ctx.principal->user.workspace_id;
                ReadThen<std::vector<domain::TokenInfo>>(
                    store,
                    [&](domain::Repositories& repos) {
                        return repos.Tokens().List(workspace_id, std::nullopt);
                    },
                    [](const std::vector<domain::TokenInfo>& tokens) {
                        return SuccessResponse(ToJsonArray(tokens, WriteToken));
                    },
                    respond);
            },
            Access::kAdmin);
        router.Add(
            "POST", prefix + "/apiTokens",
            [&authenticator, &clock](const RouteContext& ctx, Responder respond) {
                auto input = ParseNewToken(ctx.request);
                if (!input.ok()) {
                    respond(ErrorResponse(input.status()));
                    return;
                }
                auto token =
                    authenticator.CreateToken(ActorOf(ctx), input->email, input->name, clock.Now());
                if (!token.ok()) {
                    respond(ErrorResponse(token.status()));
                    return;
                }
                JsonWriter w;
                w.StartObject().Key("token").String(*token).EndObject();
                respond(SuccessResponse(w.Take(), 201));
            },
            Access::kAdmin);
        router.Add(
            "DELETE", prefix + "/apiTokens/{id}",
            [&authenticator, &clock](const RouteContext& ctx, Responder respond) {
                auto id = ctx.IdParam(0);
                Status status = id.ok() ? authenticator.RevokeToken(ActorOf(ctx), *id, clock.Now())
                                        : id.status();
                respond(status.ok() ? SuccessResponse(IdObject(*id)) : ErrorResponse(status));
            },
            Access::kAdmin);
    }
}

}  // namespace pipecrm::http
