#include "domain/session.hpp"

#include <algorithm>

namespace pipecrm::domain {

bool SessionExpired(const Session& session, const SessionPolicy& policy, Instant now) {
    return session.revoked_time.has_value() || now >= session.expires_time ||
           now - session.last_seen_time >= policy.idle_timeout;
}

bool SessionNeedsTouch(const Session& session, const SessionPolicy& policy, Instant now) {
    const std::chrono::seconds interval =
        std::max(std::chrono::seconds(1),
                 std::min<std::chrono::seconds>(std::chrono::minutes(1), policy.idle_timeout / 2));
    return now - session.last_seen_time >= interval;
}

}  // namespace pipecrm::domain
