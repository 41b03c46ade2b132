// The HTTP client webhook delivery posts with: Boost.Beast over plain TCP, one connection per
// POST. (Kept out of automation/, which names only the HttpPoster interface.)
#pragma once

#include "automation/http_poster.hpp"

namespace pipecrm::http {

/// Safe for concurrent use: each Post has its own connection and I/O context.
class WebhookHttpPoster final : public automation::HttpPoster {
  public:
    /// http:// URLs only; an https:// URL fails with kInvalidArgument (this build has no TLS
    /// client yet). kUnavailable when no status line arrives within the timeout.
    Result<int> Post(const automation::OutgoingPost& post) override;
};

}  // namespace pipecrm::http
