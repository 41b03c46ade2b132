#include "auth/authenticator.hpp"

#include "auth/credentials.hpp"
#include "domain/audit.hpp"
#include "domain/user_service.hpp"

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

Result<Principal> Authenticator::AuthenticateToken(std::string_view token) {
    if (token.empty()) {
        return Unauthenticated(
            "an API token (x-api-token header or api_token) or a session cookie is required");
    }
    const std::string digest = TokenDigest(token);
    Principal principal;
    // The I/O thread checking the token does not wait for the disk (ReadWithoutSyncWait).
    Status status = store_.ReadWithoutSyncWait([&](domain::Repositories& repos) -> Status {
        auto owner = repos.Tokens().FindByHash(digest);
        if (!owner.ok()) {
            return owner.status();
        }
        if (!owner->has_value()) {
            return Unauthenticated("the API token is not valid");
        }
        if ((*owner)->revoked_time) {
            return Unauthenticated("the API token was revoked on " +
                                   FormatSqlTime(*(*owner)->revoked_time) + " UTC");
        }
        if (!(*owner)->user.active) {
            return Unauthenticated("the API token's user is disabled");
        }
        // One query answers who the token is and the workspace default (no PrincipalFor).
        principal.user = std::move((*owner)->user);
        principal.default_visibility = (*owner)->default_visibility;
        principal.token_id = (*owner)->token_id;
        return Status::Ok();
    });
    if (!status.ok()) {
        return status;
    }
    RecordUseOfDigest(digest);
    return principal;
}

void Authenticator::RecordUse(std::string_view token) {
    if (!token.empty()) {
        RecordUseOfDigest(TokenDigest(token));
    }
}

void Authenticator::RecordUseOfDigest(const std::string& digest) {
    const Instant now = clock_.Now();
    {
        std::lock_guard lock(mutex_);
        auto [entry, inserted] = last_used_queued_.try_emplace(digest, now);
        if (!inserted) {
            if (now - entry->second < kLastUsedInterval) {
                return;
            }
            entry->second = now;
        }
    }
    // Fire and forget: the request does not wait, and a failed write only leaves an older
    // last-used time behind.
    store_.Write(
        [digest, now](domain::Repositories& repos) {
            return repos.Tokens().SetLastUsed(digest, now);
        },
        [](Status) {});
}

Result<std::string> Authenticator::CreateToken(const domain::Actor& actor,
                                               const std::string& email,
                                               const std::string& name,
                                               Instant now) const {
    const std::string token = NewApiToken();
    const std::string digest = TokenDigest(token);
    Status status = store_.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto user = domain::GetUserByEmail(repos, actor.workspace_id, email);
        if (!user.ok()) {
            return user.status();
        }
        if (!user->active) {
            return FailedPrecondition("the user " + user->email + " is disabled");
        }
        auto id = repos.Tokens().Insert(user->workspace_id, user->id, digest, name, now);
        if (!id.ok()) {
            return id.status();
        }
        return domain::AppendAudit(
            repos, domain::AuditBy(actor, domain::AuditEvent::kTokenCreated, "api_token", *id,
                                   "\"" + name + "\" for " + user->email, now));
    });
    if (!status.ok()) {
        return status;
    }
    return token;
}

Status Authenticator::RevokeToken(const domain::Actor& actor, Id token_id, Instant now) const {
    return store_.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto tokens = repos.Tokens().List(actor.workspace_id, std::nullopt);
        if (!tokens.ok()) {
            return tokens.status();
        }
        std::string detail;
        for (const domain::TokenInfo& info : *tokens) {
            if (info.id == token_id) {
                detail = "\"" + info.name + "\" of " + info.user_email;
            }
        }
        PIPECRM_RETURN_IF_ERROR(repos.Tokens().Revoke(actor.workspace_id, token_id, now));
        return domain::AppendAudit(repos, domain::AuditBy(actor, domain::AuditEvent::kTokenRevoked,
                                                          "api_token", token_id, detail, now));
    });
}

}  // namespace pipecrm::auth
