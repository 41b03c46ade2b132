// A browser session of a signed-in user, and the rules of its expiry.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Session {
    Id id = 0;
    Id workspace_id = 0;
    Id user_id = 0;
    std::string token_hash;  ///< digest of the secret in the cookie; the secret is never stored
    Instant add_time;
    Instant last_seen_time;
    Instant expires_time;  ///< the absolute end, fixed at sign-in
    std::optional<Instant> revoked_time;
    std::string remote_address;
    std::string user_agent;
};

/// How long sessions live.
struct SessionPolicy {
    std::chrono::seconds idle_timeout = std::chrono::hours(8);
    std::chrono::seconds max_age = std::chrono::days(7);
};

/// True when the session has been revoked, has passed its absolute end, or has not been used
/// for longer than the idle timeout.
bool SessionExpired(const Session& session, const SessionPolicy& policy, Instant now);

/// Whether a request at `now` should record last_seen_time: at most once a minute, or every
/// half idle timeout when that is shorter, so that idle expiry stays accurate while the
/// database (and the GET response cache it validates) is not written on every request.
bool SessionNeedsTouch(const Session& session, const SessionPolicy& policy, Instant now);

}  // namespace pipecrm::domain
