// Web sign-in under /api/v1/auth: login, logout, the current session and password change.
#include <cctype>

#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

// Secure only when the browser reached us over TLS, which a trusted proxy tells us.
bool OverTls(const Request& request, bool trust_proxy) {
    const std::string* proto = request.Header("x-forwarded-proto");
    if (!trust_proxy || proto == nullptr) {
        return false;
    }
    std::string first = proto->substr(0, proto->find(','));
    std::erase_if(first, [](unsigned char c) { return std::isspace(c) != 0; });
    for (char& c : first) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return first == "https";
}

std::string SessionCookie(std::string_view value, bool secure, bool clear) {
    std::string cookie =
        std::string(kSessionCookie) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
    if (clear) {
        cookie += "; Max-Age=0";
    }
    if (secure) {
        cookie += "; Secure";
    }
    return cookie;
}

auth::ClientInfo ClientOf(const Request& request, bool trust_proxy) {
    const std::string* agent = request.Header("user-agent");
    return {ClientAddress(request, trust_proxy), agent != nullptr ? *agent : std::string()};
}

// {"user": {...}, "csrf_token": ...}; the token is null for a request made with an API token.
std::string SessionJson(const domain::User& user, const std::string* csrf_token) {
    JsonWriter w;
    w.StartObject();
    w.Key("user").StartObject();
    w.Key("id").Int(user.id);
    w.Key("name").String(user.name);
    w.Key("email").String(user.email);
    w.Key("role").String(domain::RoleName(user.role));
    w.Key("workspace_id").Int(user.workspace_id);
    w.EndObject();
    w.Key("csrf_token");
    if (csrf_token != nullptr) {
        w.String(*csrf_token);
    } else {
        w.Null();
    }
    w.EndObject();
    return w.Take();
}

struct LoginInput {
    std::string email;
    std::string password;
    OptionalId workspace_id;
};

Result<LoginInput> ParseLogin(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"email", "password", "workspace_id"}));
    auto email = body->String("email");
    auto password = body->String("password");
    auto workspace_id = body->Int("workspace_id");
    for (const Status& status : {email.status(), password.status(), workspace_id.status()}) {
        PIPECRM_RETURN_IF_ERROR(status);
    }
    if (!*email || (*email)->empty()) {
        return InvalidArgument("email is required", "email");
    }
    if (!*password || (*password)->empty()) {
        return InvalidArgument("password is required", "password");
    }
    LoginInput input{std::move(**email), std::move(**password), std::nullopt};
    if (*workspace_id) {
        input.workspace_id = **workspace_id;
    }
    return input;
}

}  // namespace

void AddAuthRoutes(Router& router, const ApiServices& services) {
    auth::SessionManager& sessions = services.sessions;
    const bool trust_proxy = services.trust_proxy;
    router.Add(
        "POST", "/api/v1/auth/login",
        [&sessions, trust_proxy](const RouteContext& ctx, Responder respond) {
            auto input = ParseLogin(ctx.request);
            if (!input.ok()) {
                respond(ErrorResponse(input.status()));
                return;
            }
            const auth::ClientInfo client = ClientOf(ctx.request, trust_proxy);
            auto signed_in =
                sessions.SignIn(input->email, input->password, input->workspace_id, client);
            if (!signed_in.ok()) {
                Response response = ErrorResponse(signed_in.status());
                if (signed_in.status().code() == ErrorCode::kResourceExhausted) {
                    auto wait = sessions.RetryAfter(input->email, client.remote_address);
                    response.headers.emplace_back("Retry-After",
                                                  std::to_string(wait ? wait->count() : 60));
                }
                respond(std::move(response));
                return;
            }
            Response response =
                SuccessResponse(SessionJson(signed_in->user, &signed_in->csrf_token));
            response.headers.emplace_back(
                "Set-Cookie",
                SessionCookie(signed_in->session_secret, OverTls(ctx.request, trust_proxy), false));
            response.headers.emplace_back("Cache-Control", "no-store");
            respond(std::move(response));
        },
        Access::kPublic);
    router.Add("POST", "/api/v1/auth/logout",
               [&sessions, trust_proxy](const RouteContext& ctx, Responder respond) {
                   Status status =
                       sessions.SignOut(*ctx.principal, ClientOf(ctx.request, trust_proxy));
                   if (!status.ok()) {
                       respond(ErrorResponse(status));
                       return;
                   }
                   Response response = SuccessResponse("{\"signed_out\":true}");
                   response.headers.emplace_back(
                       "Set-Cookie", SessionCookie("", OverTls(ctx.request, trust_proxy), true));
                   respond(std::move(response));
               });
    router.Add("GET", "/api/v1/auth/session", [](const RouteContext& ctx, Responder respond) {
        const auth::Principal& principal = *ctx.principal;
        Response response = SuccessResponse(SessionJson(
            principal.user, principal.session ? &principal.session->csrf_token : nullptr));
        response.headers.emplace_back("Cache-Control", "no-store");
        respond(std::move(response));
    });
    router.Add("POST", "/api/v1/auth/password",
               [&sessions, trust_proxy](const RouteContext& ctx, Responder respond) {
                   auto body = JsonBody::Parse(ctx.request.body);
                   Status status = body.ok()
                                       ? body->OnlyKnownFields({"current_password", "new_password"})
                                       : body.status();
                   std::optional<std::string> current;
                   std::optional<std::string> next;
                   if (status.ok()) {
                       status = Take(body->String("current_password"), current);
                   }
                   if (status.ok()) {
                       status = Take(body->String("new_password"), next);
                   }
                   if (status.ok() && !current) {
                       status = InvalidArgument("current_password is required", "current_password");
                   }
                   if (status.ok() && !next) {
                       status = InvalidArgument("new_password is required", "new_password");
                   }
                   if (status.ok()) {
                       status = sessions.ChangePassword(*ctx.principal, *current, *next,
                                                        ClientOf(ctx.request, trust_proxy));
                   }
                   respond(status.ok() ? SuccessResponse("{\"password_changed\":true}")
                                       : ErrorResponse(status));
               });
}

}  // namespace pipecrm::http
