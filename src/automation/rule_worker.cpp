#include "automation/rule_worker.hpp"

#include <optional>
#include <vector>

#include "domain/rule_runner.hpp"

namespace pipecrm::automation {

RuleWorker::RuleWorker(domain::Store& store, const Clock& clock, RuleWorkerOptions options, Log log)
    : store_(store), clock_(clock), options_(options), log_(std::move(log)) {}

RuleWorker::~RuleWorker() {
    Stop();
}

void RuleWorker::Start() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { Loop(); });
}

void RuleWorker::Stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

Status RuleWorker::ScanTimeTriggers() {
    // Read first: a write would be a commit, and every commit empties the GET cache.
    bool any = false;
    PIPECRM_RETURN_IF_ERROR(store_.Read([&any](domain::Repositories& repos) -> Status {
        auto rules = repos.Automations().AnyScheduledRules();
        if (!rules.ok()) {
            return rules.status();
        }
        any = *rules;
        return Status::Ok();
    }));
    if (!any) {
        return Status::Ok();
    }
    const Instant now = clock_.Now();
    const Date today = std::chrono::floor<std::chrono::days>(now);
    return store_.WriteAndWait([now, today](domain::Repositories& repos) {
        return repos.Automations().EnqueueScheduled(now, today);
    });
}

Result<int> RuleWorker::RunPending() {
    std::vector<domain::AutomationRun> due;
    PIPECRM_RETURN_IF_ERROR(store_.Read([&](domain::Repositories& repos) -> Status {
        auto runs = repos.Automations().DueRuns(options_.batch);
        if (!runs.ok()) {
            return runs.status();
        }
        due = std::move(*runs);
        return Status::Ok();
    }));
    for (const domain::AutomationRun& run : due) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) {
                break;  // still pending: the next start runs it
            }
        }
        const Instant now = clock_.Now();
        const Date today = std::chrono::floor<std::chrono::days>(now);
        Status status = store_.WriteAndWait([&run, now, today](domain::Repositories& repos) {
            return domain::ExecuteRun(repos, run, now, today).status();
        });
        if (!status.ok()) {
            // The run's transaction was undone; record why, in a transaction of its own.
            Status recorded = store_.WriteAndWait([&](domain::Repositories& repos) {
                return domain::RecordRunFailure(repos, run, status, now);
            });
            if (!recorded.ok()) {
                return recorded;
            }
        }
    }
    return static_cast<int>(due.size());
}

void RuleWorker::Loop() {
    auto last_scan = std::chrono::steady_clock::time_point();
    bool scanned = false;
    while (true) {
        if (!scanned || std::chrono::steady_clock::now() - last_scan >= options_.scan_every) {
            Status scan = ScanTimeTriggers();
            if (!scan.ok()) {
                log_("pipecrm: automation: " + scan.message());
            }
            scanned = true;
            last_scan = std::chrono::steady_clock::now();
        }
        Result<int> looked = RunPending();
        if (!looked.ok()) {
            log_("pipecrm: automation: " + looked.status().message());
        }
        std::unique_lock<std::mutex> lock(mutex_);
        if (stopping_) {
            return;
        }
        if (!looked.ok() || *looked == 0) {
            wake_.wait_for(lock, options_.poll, [this] { return stopping_; });
            if (stopping_) {
                return;
            }
        }
    }
}

}  // namespace pipecrm::automation
