// Refuses sign-in attempts for a while after too many failures for one account or one client
// address. Kept in memory: each server process counts on its own and forgets on restart.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/time.hpp"

namespace pipecrm::auth {

struct ThrottlePolicy {
    int max_failures = 5;  ///< within `window` …
    std::chrono::seconds window = std::chrono::minutes(15);
    std::chrono::seconds lockout = std::chrono::minutes(15);  ///< … locks the key this long
    std::size_t max_keys = 100'000;  ///< beyond this, keys with no recent failure are dropped
};

/// Counts failures per key ("account:EMAIL", "address:IP"). Safe for concurrent use.
class LoginThrottle {
  public:
    explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

    /// How long until `key` may try again; nullopt when it may try now.
    std::optional<std::chrono::seconds> RetryAfter(const std::string& key, Instant now);
    /// Counts a failure; the max_failures-th one within the window locks the key.
    void RecordFailure(const std::string& key, Instant now);
    /// Forgets the key's failures (after a successful sign-in to the account).
    void Clear(const std::string& key);

  private:
    struct Entry {
        std::deque<Instant> failures;  // within the window, oldest first
        Instant locked_until;
    };
    void DropStale(Instant now);

    const ThrottlePolicy policy_;
    std::mutex mutex_;  // guards entries_
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pipecrm::auth
