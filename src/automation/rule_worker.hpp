// Runs automation rules after their changes commit: a background thread that enqueues the time
// triggers (idle deals, overdue activities) now and then, and executes pending runs one write
// transaction each (rule_runner), so a run's effects and its "done" commit together: a restart
// neither loses nor repeats a run.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"

namespace pipecrm::automation {

struct RuleWorkerOptions {
    std::chrono::milliseconds poll{500};  ///< how often pending runs are looked for
    std::chrono::seconds scan_every{60};  ///< how often time triggers are looked for
    int batch = 32;                       ///< runs read at once
};

/// Start() and Stop() from one thread; the worker runs on its own.
class RuleWorker {
  public:
    using Log = std::function<void(std::string_view line)>;
    /// `store` and `clock` must outlive the worker.
    RuleWorker(domain::Store& store, const Clock& clock, RuleWorkerOptions options, Log log);
    ~RuleWorker();
    RuleWorker(const RuleWorker&) = delete;
    RuleWorker& operator=(const RuleWorker&) = delete;

    /// Starts the thread; its first pass scans the time triggers.
    void Start();
    /// Finishes the run in hand and joins the thread.
    void Stop();

    /// Enqueues the time triggers that are due at `now`.
    Status ScanTimeTriggers();
    /// Executes pending runs; returns how many it looked at.
    Result<int> RunPending();

  private:
    void Loop();

    domain::Store& store_;
    const Clock& clock_;
    const RuleWorkerOptions options_;
    const Log log_;

    std::mutex mutex_;  // guards stopping_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pipecrm::automation
