// A real HTTP receiver for webhook deliveries on a loopback port, run in the test process on
// the project's own server: it records every request and can fail or hold answers on demand.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "http/server.hpp"

namespace pipecrm::testing {

struct ReceivedRequest {
    std::string path;
    http::HeaderList headers;  ///< names lower-case
    std::string body;
    int answered = 0;  ///< the status code it got (0 while held)

    /// The header's value, or "" when absent.
    std::string Header(std::string_view name) const;
};

/// Safe for concurrent use.
class WebhookReceiver {
  public:
    /// Starts on 127.0.0.1 with a free port; every request is answered 200 unless told.
    WebhookReceiver();
    /// Answers held requests with 503 and stops.
    ~WebhookReceiver();
    WebhookReceiver(const WebhookReceiver&) = delete;
    WebhookReceiver& operator=(const WebhookReceiver&) = delete;

    std::string Url(const std::string& path = "/hook") const;
    /// Answers the next `count` requests with `status`.
    void FailNext(int count, int status = 500);
    /// While holding, requests get no answer until ReleaseHeld.
    void Hold(bool hold);
    /// Answers every held request with `status`.
    void ReleaseHeld(int status);
    std::vector<ReceivedRequest> Requests() const;
    /// Waits until `done` holds for the requests so far, up to `timeout`; returns whether it did.
    bool WaitUntil(const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
                   std::chrono::seconds timeout) const;

  private:
    void Handle(http::Request&& request, http::Responder respond);

    mutable std::mutex mutex_;  // guards everything below
    mutable std::condition_variable changed_;
    std::vector<ReceivedRequest> requests_;
    std::vector<std::pair<std::size_t, http::Responder>> held_;
    int fail_count_ = 0;
    int fail_status_ = 500;
    bool hold_ = false;

    std::unique_ptr<http::Server> server_;
    std::thread thread_;
};

}  // namespace pipecrm::testing
