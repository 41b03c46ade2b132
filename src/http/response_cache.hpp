// Rendered GET answers kept until the data they were read from changes: an entry holds the
// store's DataVersion from before its read, and is served only while the version is the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/server.hpp"

namespace pipecrm::http {

/// Least recently used entries go first once the bodies exceed the byte budget. Safe for
/// concurrent use.
class ResponseCache {
  public:
    explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The response stored under `key` for `version`; nullopt when absent or older.
    std::optional<Response> Find(const std::string& key, std::uint64_t version);
    /// Stores `response` as read at `version`, replacing what `key` held. A response larger
    /// than the whole budget is not kept.
    void Insert(const std::string& key, std::uint64_t version, const Response& response);

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::size_t entries = 0;
        std::size_t bytes = 0;
    };
    Stats stats() const;

  private:
    struct Entry {
        std::string key;
        std::uint64_t version = 0;
        Response response;
        std::size_t bytes = 0;
    };
    using Order = std::list<Entry>;  // most recently used first

    void Erase(Order::iterator it);

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;  // guards everything below
    Order order_;
    std::unordered_map<std::string, Order::iterator> index_;
    std::size_t bytes_ = 0;
    std::uint64_t hits_ = 0;
    std::uint64_t misses_ = 0;
};

}  // namespace pipecrm::http
