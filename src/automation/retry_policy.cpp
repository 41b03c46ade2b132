#include "automation/retry_policy.hpp"

#include <algorithm>

namespace pipecrm::automation {

std::optional<Instant> NextAttempt(const RetryPolicy& policy,
                                   int attempts,
                                   Instant event_time,
                                   Instant now) {
    std::chrono::seconds delay = policy.first_retry;
    for (int i = 1; i < attempts && delay < policy.max_delay; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, policy.max_delay);
    const Instant next = now + delay;
    if (next > event_time + policy.give_up_after) {
        return std::nullopt;
    }
    return next;
}

}  // namespace pipecrm::automation
