#include "automation/webhook_worker.hpp"

#include <string>
#include <vector>

#include "automation/webhook_payload.hpp"

namespace pipecrm::automation {
namespace {

using domain::ClaimedDelivery;
using domain::DeliveryOutcome;
using domain::DeliveryState;

}  // namespace

WebhookWorker::WebhookWorker(domain::Store& store,
                             const Clock& clock,
                             HttpPoster& poster,
                             WebhookWorkerOptions options,
                             Log log)
    : store_(store), clock_(clock), poster_(poster), options_(options), log_(std::move(log)) {}

WebhookWorker::~WebhookWorker() {
    Stop();
}

void WebhookWorker::Start() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { Loop(); });
}

void WebhookWorker::Stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

std::chrono::seconds WebhookWorker::Lease() const {
    // A batch is sent one POST after another; each may take the whole timeout.
    return options_.timeout * (options_.batch + 1) + std::chrono::seconds(5);
}

void WebhookWorker::Loop() {
    while (true) {
        Result<int> attempted = RunOnce();
        if (!attempted.ok()) {
            log_("pipecrm: webhook delivery: " + attempted.status().message());
        }
        std::unique_lock<std::mutex> lock(mutex_);
        if (stopping_) {
            return;
        }
        // Straight on while there is work; otherwise look again after the poll interval.
        if (!attempted.ok() || *attempted == 0) {
            wake_.wait_for(lock, options_.poll, [this] { return stopping_; });
            if (stopping_) {
                return;
            }
        }
    }
}

Result<int> WebhookWorker::RunOnce() {
    const Instant now = clock_.Now();
    bool due = false;
    PIPECRM_RETURN_IF_ERROR(store_.Read([&](domain::Repositories& repos) -> Status {
        auto any = repos.WebhookOutbox().AnyDue(now);
        if (!any.ok()) {
            return any.status();
        }
        due = *any;
        return Status::Ok();
    }));
    if (!due) {
        return 0;
    }
    std::vector<ClaimedDelivery> claimed;
    // Lease counted in whole seconds from now: to the same `now`, a redone job claims the same.
    const Instant lease_until = now + Lease();
    PIPECRM_RETURN_IF_ERROR(store_.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto rows = repos.WebhookOutbox().Claim(now, lease_until, options_.batch);
        if (!rows.ok()) {
            return rows.status();
        }
        claimed = std::move(*rows);
        return Status::Ok();
    }));
    for (const ClaimedDelivery& c : claimed) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) {
                break;  // the rest are due again when their lease ends
            }
        }
        const std::string body = WebhookBody(c);
        OutgoingPost post;
        post.url = c.url;
        post.body = body;
        post.timeout = options_.timeout;
        post.headers = WebhookHeaders(c, body, clock_.Now());
        Result<int> answer = poster_.Post(post);

        DeliveryOutcome outcome;
        outcome.workspace_id = c.delivery.workspace_id;
        outcome.delivery_id = c.delivery.id;
        outcome.attempt = c.delivery.attempts;
        outcome.now = clock_.Now();
        if (answer.ok()) {
            outcome.status_code = *answer;
        }
        if (answer.ok() && *answer >= 200 && *answer < 300) {
            outcome.state = DeliveryState::kDelivered;
        } else {
            outcome.error = answer.ok() ? "the receiver answered " + std::to_string(*answer)
                                        : answer.status().message();
            auto next = NextAttempt(options_.retry, c.delivery.attempts, c.event_time, outcome.now);
            if (next) {
                outcome.state = DeliveryState::kPending;
                outcome.next_attempt_time = *next;
            } else {
                outcome.state = DeliveryState::kFailed;
                outcome.error +=
                    "; gave up after " + std::to_string(c.delivery.attempts) + " attempts";
            }
        }
        PIPECRM_RETURN_IF_ERROR(store_.WriteAndWait(
            [&](domain::Repositories& repos) { return repos.WebhookOutbox().Finish(outcome); }));
    }
    return static_cast<int>(claimed.size());
}

}  // namespace pipecrm::automation
