// Delivers the webhook outbox: a background thread that claims due deliveries in the database,
// POSTs them outside any transaction (the store's writer never waits on a receiver) and records
// each outcome. A claim lasts a lease; a delivery whose worker died is due again when its
// lease ends, so a restart loses nothing (at least once, with a stable Idempotency-Key).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

#include "automation/http_poster.hpp"
#include "automation/retry_policy.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"

namespace pipecrm::automation {

struct WebhookWorkerOptions {
    std::chrono::seconds timeout{10};  ///< per POST
    RetryPolicy retry;
    int batch = 1;  ///< deliveries claimed at once (each claim's lease covers them all)
    std::chrono::milliseconds poll{500};
};

/// Start() and Stop() from one thread; the worker runs on its own.
class WebhookWorker {
  public:
    using Log = std::function<void(std::string_view line)>;
    /// `store`, `clock` and `poster` must outlive the worker.
    WebhookWorker(domain::Store& store,
                  const Clock& clock,
                  HttpPoster& poster,
                  WebhookWorkerOptions options,
                  Log log);
    /// Stops (see Stop).
    ~WebhookWorker();
    WebhookWorker(const WebhookWorker&) = delete;
    WebhookWorker& operator=(const WebhookWorker&) = delete;

    void Start();
    /// Finishes the POST in hand (up to its timeout) and joins the thread. Claimed deliveries
    /// not yet sent are due again when their lease ends.
    void Stop();

    /// One pass: claims what is due and delivers it. Returns how many it attempted.
    Result<int> RunOnce();

  private:
    void Loop();
    /// How long a claim lasts: long enough for every POST of a batch to time out.
    std::chrono::seconds Lease() const;

    domain::Store& store_;
    const Clock& clock_;
    HttpPoster& poster_;
    const WebhookWorkerOptions options_;
    const Log log_;

    std::mutex mutex_;  // guards stopping_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pipecrm::automation
