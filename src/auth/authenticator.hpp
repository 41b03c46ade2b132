// Turns an API token into the user and workspace it acts for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

namespace pipecrm::auth {

/// The browser session a request was signed in with.
struct SessionRef {
    Id id = 0;
    std::string csrf_token;  ///< what state-changing requests must send as X-CSRF-Token
};

/// Who a request acts for.
struct Principal {
    domain::User user;
    /// The workspace's visibility for new records.
    domain::Visibility default_visibility = domain::Visibility::kEveryone;
    std::optional<SessionRef> session;  ///< empty when an API token was used
};

/// The principal of a signed-in user, with their workspace's settings.
Result<Principal> PrincipalFor(domain::Repositories& repos, domain::User user);

/// Safe for concurrent use (the store is).
class Authenticator {
  public:
    explicit Authenticator(domain::Store& store) : store_(store) {}

    /// kUnauthenticated for a missing, unknown or revoked token, or a disabled user.
    Result<Principal> AuthenticateToken(std::string_view token) const;

    /// Creates a token for the user with this email (in the only workspace that has it, or in
    /// `workspace_id` when given). Returns the token itself, which is never stored.
    Result<std::string> CreateToken(const std::string& email,
                                    const std::string& name,
                                    Instant now) const;

  private:
    domain::Store& store_;
};

}  // namespace pipecrm::auth
