#include "http/api.hpp"

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

}  // namespace

Api::Api(ApiServices services) : services_(services) {
    AddHealthRoutes(router_, services_);
    // Before the /{id} routes they share prefixes with.
    AddSearchRoutes(router_, services_);
    AddDealReportRoutes(router_, services_);
    AddUserRoutes(router_, services_);
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
    AddAuditRoutes(router_, services_);
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
    if (cache_ && match.route->access != Access::kPublic && request.method == "GET") {
        // The token is part of the key: whether it is valid can change only by a commit,
        // which changes the version too.
        auto version = services_.store.DataVersion();
        if (version.ok()) {
            std::string key = std::string(TokenOf(request)) + '\n' + request.target;
            if (auto hit = cache_->Find(key, *version)) {
                // Valid when cached and nothing committed since, so still valid now.
                services_.authenticator.RecordUse(TokenOf(request));
                respond(std::move(*hit));
                return;
            }
            respond = [cache = cache_.get(), key = std::move(key), version = *version,
                       respond = std::move(respond)](Response response) {
                if (response.status == 200) {
                    cache->Insert(key, version, response);
                }
                respond(std::move(response));
            };
        }
    }
    std::optional<auth::Principal> principal;
    if (match.route->access != Access::kPublic) {
        auto authenticated = services_.authenticator.AuthenticateToken(TokenOf(request));
        if (!authenticated.ok()) {
            respond(ErrorResponse(authenticated.status()));
            return;
        }
        principal = std::move(*authenticated);
        if (match.route->access == Access::kAdmin && principal->user.role != domain::Role::kAdmin) {
            respond(ErrorResponse(PermissionDenied("only a workspace admin may " + request.method +
                                                   " " + request.path)));
            return;
        }
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
