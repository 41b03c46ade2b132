#include "http/api.hpp"

#include "auth/credentials.hpp"
#include "base/encoding.hpp"
#include "domain/viewer.hpp"
#include "http/errors.hpp"

namespace pipecrm::http {
namespace {

// The API token from x-api-token, ?api_token= or "Authorization: Bearer".
std::string_view TokenOf(const Request& request) {
    if (const std::string* header = request.Header("x-api-token")) {
        return *header;
    }
    if (const std::string* query = request.Query("api_token")) {
        return *query;
    }
    if (const std::string* authorization = request.Header("authorization")) {
        constexpr std::string_view kBearer = "Bearer ";
        std::string_view value = *authorization;
        if (value.size() > kBearer.size() && value.substr(0, kBearer.size()) == kBearer) {
            return value.substr(kBearer.size());
        }
    }
    return {};
}

// A handler whose answer depends on the clock (reports measure time until now) marks it
// Cache-Control: no-store, and the response cache leaves it alone.
bool MayBeCached(const Response& response) {
    for (const auto& [name, value] : response.headers) {
        if (name == "Cache-Control" && value.find("no-store") != std::string::npos) {
            return false;
        }
    }
    return response.status == 200;
}

bool IsStateChanging(std::string_view method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

std::string_view SessionCookieOf(const Request& request) {
    for (const auto& [name, value] : request.headers) {
        if (name != "cookie") {
            continue;
        }
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto semicolon = rest.find(';');
            std::string_view pair = TrimSpaces(rest.substr(0, semicolon));
            rest = semicolon == std::string_view::npos ? "" : rest.substr(semicolon + 1);
            const auto eq = pair.find('=');
            if (eq != std::string_view::npos && TrimSpaces(pair.substr(0, eq)) == kSessionCookie) {
                return TrimSpaces(pair.substr(eq + 1));
            }
        }
    }
    return {};
}

std::string ClientAddress(const Request& request, bool trust_proxy) {
    if (trust_proxy) {
        if (const std::string* forwarded = request.Header("x-forwarded-for")) {
            const auto comma = forwarded->rfind(',');
            std::string_view last = TrimSpaces(
                comma == std::string::npos ? std::string_view(*forwarded)
                                           : std::string_view(*forwarded).substr(comma + 1));
            if (!last.empty()) {
                return std::string(last);
            }
        }
    }
    return request.remote_address;
}

Api::Api(ApiServices services) : services_(services) {
    AddHealthRoutes(router_, services_);
    // Before the /{id} routes they share prefixes with.
    AddSearchRoutes(router_, services_);
    AddDealReportRoutes(router_, services_);
    AddDealChangelogRoutes(router_, services_);
    AddUserRoutes(router_, services_);
    AddStageOrderRoutes(router_, services_);
    AddPipelineRoutes(router_, services_);
    AddStageRoutes(router_, services_);
    AddDealRoutes(router_, services_);
    AddContactRoutes(router_, services_);
    AddActivityRoutes(router_, services_);
    AddNoteRoutes(router_, services_);
    AddCurrencyRoutes(router_, services_);
    AddProductRoutes(router_, services_);
    AddDealProductRoutes(router_, services_);
    AddFieldRoutes(router_, services_);
    AddFilterRoutes(router_, services_);
    AddWebhookRoutes(router_, services_);
    AddAutomationRoutes(router_, services_);
    AddCallListRoutes(router_, services_);
    AddSuggestionRoutes(router_, services_);
    AddCampaignRoutes(router_, services_);
    AddAuditRoutes(router_, services_);
    AddAuthRoutes(router_, services_);
    AddMergeRoutes(router_, services_);
    AddImportRoutes(router_, services_);
    AddReportRoutes(router_, services_);
    AddLostReasonRoutes(router_, services_);
    AddDealLabelRoutes(router_, services_);
    AddApiTokenRoutes(router_, services_);
    AddUserAdminRoutes(router_, services_);
    if (services_.response_cache_bytes > 0) {
        cache_ = std::make_unique<ResponseCache>(services_.response_cache_bytes);
    }
}

std::optional<ResponseCache::Stats> Api::cache_stats() const {
    return cache_ ? std::optional(cache_->stats()) : std::nullopt;
}

void Api::Handle(Request&& request, Responder respond) const {
    Router::Match match = router_.Find(request.method, request.path);
    if (match.route == nullptr) {
        if (match.path_known) {
            respond(
                ErrorResponse({ErrorCode::kNotFound,
                               "method " + request.method + " is not allowed on " + request.path}));
            return;
        }
        respond(ErrorResponse(NotFound("no route for " + request.method + " " + request.path)));
        return;
    }
    const bool signed_in = match.route->access != Access::kPublic;
    // An API token wins over the cookie. A session is checked before the cache, because it
    // can expire without a commit; a token's validity changes only by a commit, which changes
    // the cache's version too.
    const std::string_view token = TokenOf(request);
    const std::string_view cookie = token.empty() ? SessionCookieOf(request) : std::string_view();
    std::optional<auth::Principal> principal;
    if (signed_in && !cookie.empty()) {
        auto authenticated = services_.sessions.Authenticate(cookie);
        if (!authenticated.ok()) {
            respond(ErrorResponse(authenticated.status()));
            return;
        }
        if (IsStateChanging(request.method)) {
            const std::string* csrf = request.Header("x-csrf-token");
            if (csrf == nullptr || !auth::SecretsEqual(*csrf, authenticated->session->csrf_token)) {
                respond(ErrorResponse(
                    {ErrorCode::kPermissionDenied,
                     "a request signed in with the session cookie must send the X-CSRF-Token "
                     "header with the csrf_token of GET /api/v1/auth/session",
                     "X-CSRF-Token"}));
                return;
            }
        }
        principal = std::move(*authenticated);
    }
    if (cache_ && signed_in && request.method == "GET") {
        auto version = services_.store.DataVersion();
        if (version.ok()) {
            std::string key =
                cookie.empty() ? "token:" + std::string(token) : "session:" + std::string(cookie);
            key += '\n';
            key += request.target;
            if (auto hit = cache_->Find(key, *version)) {
                // Valid when cached and nothing committed since, so still valid now.
                services_.authenticator.RecordUse(token);
                respond(std::move(*hit));
                return;
            }
            respond = [cache = cache_.get(), key = std::move(key), version = *version,
                       respond = std::move(respond)](Response response) {
                if (MayBeCached(response)) {
                    cache->Insert(key, version, response);
                }
                respond(std::move(response));
            };
        }
    }
    if (signed_in && !principal) {
        auto authenticated = services_.authenticator.AuthenticateToken(token);
        if (!authenticated.ok()) {
            respond(ErrorResponse(authenticated.status()));
            return;
        }
        principal = std::move(*authenticated);
    }
    if (match.route->access == Access::kAdmin && principal->user.role != domain::Role::kAdmin) {
        respond(ErrorResponse(
            PermissionDenied("only a workspace admin may " + request.method + " " + request.path)));
        return;
    }
    RouteContext context{request, principal ? &*principal : nullptr, std::move(match.params)};
    // Every store job the handler hands over from here on reads as this user.
    domain::ViewerScope viewer(
        principal ? std::optional(domain::Viewer{principal->user.workspace_id, principal->user.id,
                                                 principal->user.role})
                  : std::nullopt);
    match.route->handler(context, std::move(respond));
}

}  // namespace pipecrm::http
