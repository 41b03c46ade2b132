// Turns an API token into the user and workspace it acts for; creates and revokes tokens.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
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
    Id token_id = 0;
    /// The workspace's visibility for new records.
    domain::Visibility default_visibility = domain::Visibility::kEveryone;
    std::optional<SessionRef> session;  ///< empty when an API token was used
};

/// The principal of a signed-in user, with their workspace's settings.
Result<Principal> PrincipalFor(domain::Repositories& repos, domain::User user);

/// Safe for concurrent use.
class Authenticator {
  public:
    /// How often a token's last_used_time is written at most. Every commit empties the GET
    /// response cache, so writing it on every request would defeat the cache; once a minute
    /// per token costs one small write and keeps the time accurate to the minute.
    static constexpr std::chrono::seconds kLastUsedInterval{60};

    Authenticator(domain::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    /// kUnauthenticated for a missing, unknown or revoked token, or a disabled user, with a
    /// message saying which. Records the token's use (see RecordUse).
    Result<Principal> AuthenticateToken(std::string_view token);

    /// Records that a (valid) token was used now: queues a write of its last_used_time unless
    /// one was queued less than kLastUsedInterval ago. Never waits for the write.
    void RecordUse(std::string_view token);

    /// Creates a token for the workspace's user with this email and appends token_created to
    /// the audit log by `actor`. Returns the token itself, which is never stored.
    /// kNotFound("email") for no such user, kFailedPrecondition for a disabled one.
    Result<std::string> CreateToken(const domain::Actor& actor,
                                    const std::string& email,
                                    const std::string& name,
                                    Instant now) const;

    /// Revokes the workspace's token `token_id` and appends token_revoked by `actor`. kNotFound
    /// for no such token, kFailedPrecondition for one already revoked.
    Status RevokeToken(const domain::Actor& actor, Id token_id, Instant now) const;

  private:
    void RecordUseOfDigest(const std::string& digest);

    domain::Store& store_;
    const Clock& clock_;
    std::mutex mutex_;  ///< guards last_used_queued_
    /// Per token digest, when its last_used_time write was last queued.
    std::unordered_map<std::string, Instant> last_used_queued_;
};

}  // namespace pipecrm::auth
