#include "http/api.hpp"

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
    AddSearchRoutes(router_, services_);  // before the /{id} routes it shares prefixes with
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
    std::optional<auth::Principal> principal;
    if (match.route->needs_auth) {
        auto authenticated = services_.authenticator.AuthenticateToken(TokenOf(request));
        if (!authenticated.ok()) {
            respond(ErrorResponse(authenticated.status()));
            return;
        }
        principal = std::move(*authenticated);
    }
    RouteContext context{request, principal ? &*principal : nullptr, std::move(match.params)};
    match.route->handler(context, std::move(respond));
}

}  // namespace pipecrm::http
