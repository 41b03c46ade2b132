// The route table: method + path pattern ("/api/v2/deals/{id}") -> handler. It is also the
// list of everything the server serves, for docs and tests.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/authenticator.hpp"
#include "http/server.hpp"

namespace pipecrm::http {

/// What a route handler receives.
struct RouteContext {
    const Request& request;
    const auth::Principal* principal;      ///< null only on routes that need no sign-in
    std::vector<std::string_view> params;  ///< the {…} segments of the pattern, in order

    /// The n-th path parameter as a positive id; kNotFound otherwise (an id that cannot exist).
    Result<Id> IdParam(std::size_t n) const;
};

using RouteHandler = std::function<void(const RouteContext&, Responder)>;

/// Who may call a route: anyone, any signed-in user, or only a workspace admin (settings,
/// pipelines, fields, webhooks).
enum class Access { kPublic, kSignedIn, kAdmin };

struct Route {
    std::string method;
    std::string pattern;
    Access access = Access::kSignedIn;
    RouteHandler handler;
    std::vector<std::string> segments;
};

/// Built once at start-up, then read-only: safe for concurrent Match calls.
class Router {
  public:
    void Add(std::string method,
             std::string pattern,
             RouteHandler handler,
             Access access = Access::kSignedIn);

    struct Match {
        const Route* route = nullptr;
        std::vector<std::string_view> params;
        bool path_known = false;  ///< some route has this path with another method
    };
    Match Find(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

}  // namespace pipecrm::http
