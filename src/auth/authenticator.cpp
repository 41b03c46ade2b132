#include "auth/authenticator.hpp"

#include "auth/credentials.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::auth {

Result<Principal> PrincipalFor(domain::Repositories& repos, domain::User user) {
    auto workspace = repos.Workspaces().Get(user.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    Principal principal;
    principal.user = std::move(user);
    principal.default_visibility = workspace->default_visibility;
    return principal;
}

Result<Principal> Authenticator::AuthenticateToken(std::string_view token) const {
    if (token.empty()) {
        return Unauthenticated(
            "an API token (x-api-token header or api_token) or a session cookie is required");
    }
    const std::string digest = TokenDigest(token);
    Principal principal;
    Status status = store_.Read([&](domain::Repositories& repos) -> Status {
        auto owner = repos.Tokens().FindByHash(digest);
        if (!owner.ok()) {
            return owner.status();
        }
        if (!owner->has_value()) {
            return Unauthenticated("the API token is not valid");
        }
        auto found = PrincipalFor(repos, std::move((*owner)->user));
        if (!found.ok()) {
            return found.status();
        }
        principal = std::move(*found);
        return Status::Ok();
    });
    if (!status.ok()) {
        return status;
    }
    return principal;
}

Result<std::string> Authenticator::CreateToken(const std::string& email,
                                               const std::string& name,
                                               Instant now) const {
    auto normalized = domain::NormalizeEmail(email);
    if (!normalized.ok()) {
        return normalized.status();
    }
    const std::string token = NewApiToken();
    const std::string digest = TokenDigest(token);
    Status status = store_.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto users = repos.Users().FindByEmailEverywhere(*normalized);
        if (!users.ok()) {
            return users.status();
        }
        if (users->empty()) {
            return NotFound("no user has the email " + *normalized, "email");
        }
        if (users->size() > 1) {
            return FailedPrecondition("the email " + *normalized +
                                      " belongs to users in several workspaces");
        }
        const domain::User& user = users->front();
        if (!user.active) {
            return FailedPrecondition("the user " + *normalized + " is disabled");
        }
        auto id = repos.Tokens().Insert(user.workspace_id, user.id, digest, name, now);
        return id.ok() ? Status::Ok() : id.status();
    });
    if (!status.ok()) {
        return status;
    }
    return token;
}

}  // namespace pipecrm::auth
