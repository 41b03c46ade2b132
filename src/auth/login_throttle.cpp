#include "auth/login_throttle.hpp"

namespace pipecrm::auth {

std::optional<std::chrono::seconds> LoginThrottle::RetryAfter(const std::string& key, Instant now) {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end() || found->second.locked_until <= now) {
        return std::nullopt;
    }
    return found->second.locked_until - now;
}

void LoginThrottle::RecordFailure(const std::string& key, Instant now) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= policy_.max_keys && entries_.find(key) == entries_.end()) {
        DropStale(now);
    }
    Entry& entry = entries_[key];
    while (!entry.failures.empty() && entry.failures.front() <= now - policy_.window) {
        entry.failures.pop_front();
    }
    entry.failures.push_back(now);
    if (static_cast<int>(entry.failures.size()) >= policy_.max_failures) {
        entry.locked_until = now + policy_.lockout;
        entry.failures.clear();
    }
}

void LoginThrottle::Clear(const std::string& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
}

void LoginThrottle::DropStale(Instant now) {
    std::erase_if(entries_, [&](const auto& item) {
        const Entry& entry = item.second;
        return entry.locked_until <= now &&
               (entry.failures.empty() || entry.failures.back() <= now - policy_.window);
    });
}

}  // namespace pipecrm::auth
