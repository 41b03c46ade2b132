// The PipeCRM HTTP API: routes, authentication and the handlers of each resource.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "auth/authenticator.hpp"
#include "auth/session_manager.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace pipecrm::http {

/// What handlers need from the layers below. All members are safe for concurrent use.
struct ApiServices {
    domain::Store& store;
    auth::Authenticator& authenticator;
    auth::SessionManager& sessions;
    const Clock& clock;
    /// Budget of the GET response cache in bytes; 0 turns it off.
    std::size_t response_cache_bytes = 0;
    /// Whether a reverse proxy in front sets X-Forwarded-Proto and X-Forwarded-For truthfully
    /// (serve --trust-proxy); otherwise both are ignored.
    bool trust_proxy = false;
};

/// Builds the route table and answers requests. Safe for concurrent use once built.
class Api {
  public:
    explicit Api(ApiServices services);

    /// The server's entry point: route, authenticate (API token, or the session cookie with
    /// X-CSRF-Token on state-changing methods), run the handler. An authenticated GET
    /// answered 200 is kept and served again, without authenticating or reading, until the
    /// store's DataVersion changes; so a GET handler may depend only on the caller, the
    /// request target and the stored data (never on the clock), unless it answers with
    /// Cache-Control: no-store, which is never kept.
    void Handle(Request&& request, Responder respond) const;
    const Router& router() const { return router_; }
    /// Nullopt when the cache is off.
    std::optional<ResponseCache::Stats> cache_stats() const;

  private:
    ApiServices services_;
    Router router_;
    std::unique_ptr<ResponseCache> cache_;
};

/// The OpenAPI 3.1 document of every route (src/http/openapi.json, embedded at build time).
std::string_view OpenApiDocument();

// Route registration, one function per resource (handlers/*.cpp).
void AddHealthRoutes(Router& router, const ApiServices& services);
void AddUserRoutes(Router& router, const ApiServices& services);
void AddPipelineRoutes(Router& router, const ApiServices& services);
void AddStageRoutes(Router& router, const ApiServices& services);
void AddDealRoutes(Router& router, const ApiServices& services);
void AddDealReportRoutes(Router& router, const ApiServices& services);
void AddDealChangelogRoutes(Router& router, const ApiServices& services);
void AddContactRoutes(Router& router, const ApiServices& services);
void AddActivityRoutes(Router& router, const ApiServices& services);
void AddNoteRoutes(Router& router, const ApiServices& services);
void AddCurrencyRoutes(Router& router, const ApiServices& services);
void AddProductRoutes(Router& router, const ApiServices& services);
void AddDealProductRoutes(Router& router, const ApiServices& services);
void AddFieldRoutes(Router& router, const ApiServices& services);
void AddSearchRoutes(Router& router, const ApiServices& services);
void AddFilterRoutes(Router& router, const ApiServices& services);
void AddWebhookRoutes(Router& router, const ApiServices& services);
void AddAutomationRoutes(Router& router, const ApiServices& services);
void AddCallListRoutes(Router& router, const ApiServices& services);
void AddSuggestionRoutes(Router& router, const ApiServices& services);
void AddCampaignRoutes(Router& router, const ApiServices& services);
void AddAuditRoutes(Router& router, const ApiServices& services);
void AddAuthRoutes(Router& router, const ApiServices& services);
void AddMergeRoutes(Router& router, const ApiServices& services);
void AddImportRoutes(Router& router, const ApiServices& services);
void AddReportRoutes(Router& router, const ApiServices& services);
void AddLostReasonRoutes(Router& router, const ApiServices& services);
void AddDealLabelRoutes(Router& router, const ApiServices& services);
void AddStageOrderRoutes(Router& router, const ApiServices& services);
void AddApiTokenRoutes(Router& router, const ApiServices& services);
void AddUserAdminRoutes(Router& router, const ApiServices& services);

/// The name of the session cookie set by POST /api/v1/auth/login.
inline constexpr std::string_view kSessionCookie = "pipecrm_session";
/// The value of the session cookie in the Cookie header; empty when there is none.
std::string_view SessionCookieOf(const Request& request);
/// The client's address: the last X-Forwarded-For entry behind a trusted proxy, else the peer.
std::string ClientAddress(const Request& request, bool trust_proxy);

}  // namespace pipecrm::http
