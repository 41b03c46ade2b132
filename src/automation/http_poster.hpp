// What webhook delivery needs from an HTTP client: one POST and its status code. The server
// side implements it (http/webhook_http_poster.*); tests may use any real receiver.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::automation {

struct OutgoingPost {
    std::string url;  ///< http://host[:port]/path
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::seconds timeout{10};  ///< for the whole exchange
};

/// Implementations say whether they are safe for concurrent use.
class HttpPoster {
  public:
    virtual ~HttpPoster() = default;
    /// Sends the request and returns the response's status code (any code: the caller
    /// decides). kUnavailable when no response arrived (connection refused, timeout, bad
    /// answer); kInvalidArgument for a URL it cannot send to.
    virtual Result<int> Post(const OutgoingPost& post) = 0;
};

}  // namespace pipecrm::automation
