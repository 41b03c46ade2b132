// When a failed webhook delivery is tried again: exponential backoff for a day.
#pragma once

#include <chrono>
#include <optional>

#include "base/time.hpp"

namespace pipecrm::automation {

struct RetryPolicy {
    std::chrono::seconds first_retry{30};       ///< after the first failure; doubles each time
    std::chrono::seconds max_delay{3600};       ///< the delay stops growing here
    std::chrono::seconds give_up_after{86400};  ///< counted from the change
};

/// When to try again after `attempts` failed attempts (1 or more), or nullopt when that
/// would be past the policy's day after `event_time`.
std::optional<Instant> NextAttempt(const RetryPolicy& policy,
                                   int attempts,
                                   Instant event_time,
                                   Instant now);

}  // namespace pipecrm::automation
