#include "http/response_cache.hpp"

namespace pipecrm::http {
namespace {

std::size_t SizeOf(const std::string& key, const Response& response) {
    std::size_t bytes = key.size() + response.body.size() + response.content_type.size();
    for (const auto& [name, value] : response.headers) {
        bytes += name.size() + value.size();
    }
    return bytes;
}

}  // namespace

std::optional<Response> ResponseCache::Find(const std::string& key, std::uint64_t version) {
    std::lock_guard lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end() || found->second->version != version) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->response;
}

void ResponseCache::Insert(const std::string& key,
                           std::uint64_t version,
                           const Response& response) {
    const std::size_t bytes = SizeOf(key, response);
    std::lock_guard lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) {
        Erase(found->second);
    }
    if (bytes > max_bytes_) {
        return;
    }
    while (bytes_ + bytes > max_bytes_ && !order_.empty()) {
        Erase(std::prev(order_.end()));
    }
    order_.push_front({key, version, response, bytes});
    index_[key] = order_.begin();
    bytes_ += bytes;
}

ResponseCache::Stats ResponseCache::stats() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, order_.size(), bytes_};
}

void ResponseCache::Erase(Order::iterator it) {
    bytes_ -= it->bytes;
    index_.erase(it->key);
    order_.erase(it);
}

}  // namespace pipecrm::http
