// The webhook outbox: one delivery per matching subscription and change, claimed and marked in
// the database so that nothing is lost when the server stops.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/change_event.hpp"

namespace pipecrm::domain {

enum class DeliveryState {
    kPending,    ///< waiting for its (next) attempt
    kSending,    ///< claimed by a worker until next_attempt_time; then due again
    kDelivered,  ///< the receiver answered 2xx
    kFailed,     ///< gave up: no 2xx within a day of retries
};

std::string_view DeliveryStateName(DeliveryState state);
std::optional<DeliveryState> ParseDeliveryState(std::string_view text);

/// One delivery as the log shows it.
struct WebhookDelivery {
    Id id = 0;
    Id workspace_id = 0;
    Id webhook_id = 0;
    Id event_id = 0;
    std::string event_object;
    ChangeAction event_action = ChangeAction::kCreate;
    Id entity_id = 0;
    DeliveryState state = DeliveryState::kPending;
    int attempts = 0;
    std::optional<int> last_status_code;
    std::string last_error;
    Instant add_time;
    Instant next_attempt_time;
    std::optional<Instant> delivered_time;
    Instant update_time;
};

/// A delivery claimed for sending, with everything the request needs. The payload parts are
/// JSON texts written by storage from the event's snapshots ("null" when absent).
struct ClaimedDelivery {
    WebhookDelivery delivery;
    std::string url;
    std::string version;  ///< "1.0" or "2.0"
    std::string http_auth_user;
    std::string http_auth_password;
    std::string secret;  ///< HMAC key; empty for webhooks registered before signing existed
    Id actor_user_id = 0;
    Instant event_time;
    std::string current_json;
    std::string previous_json;
    std::string stage_change_json;
};

/// What one attempt came to.
struct DeliveryOutcome {
    Id workspace_id = 0;
    Id delivery_id = 0;
    int attempt = 0;  ///< the attempts count the claim set; a stale outcome changes nothing
    DeliveryState state = DeliveryState::kDelivered;  ///< kDelivered, kPending (retry) or kFailed
    Instant next_attempt_time;                        ///< for kPending
    std::optional<int> status_code;
    std::string error;
    Instant now;
};

class WebhookOutboxRepository {
  public:
    virtual ~WebhookOutboxRepository() = default;
    /// Whether a live webhook of the event's workspace matches its object and action (v1 and
    /// v2 action names, and "*"): only then is the event worth encoding for Enqueue.
    virtual Result<bool> Subscribed(const ChangeEvent& event) = 0;
    /// Writes the event and one pending delivery per live webhook of its workspace that
    /// matches it, as Subscribed says. Writes only the event when none does.
    virtual Status Enqueue(const ChangeEvent& event) = 0;
    /// Writes the event and one pending delivery to this webhook (an automation rule's "call
    /// a webhook"); kNotFound when the workspace has no such live webhook.
    virtual Status EnqueueFor(Id webhook_id, const ChangeEvent& event) = 0;
    /// Whether some delivery is due at `now` (a cheap read before claiming).
    virtual Result<bool> AnyDue(Instant now) = 0;
    /// Claims up to `limit` due deliveries, oldest first: marks them kSending until
    /// `lease_until` and counts the attempt. Any workspace.
    virtual Result<std::vector<ClaimedDelivery>> Claim(Instant now,
                                                       Instant lease_until,
                                                       int limit) = 0;
    /// Records an attempt's outcome, unless the delivery was claimed again since.
    virtual Status Finish(const DeliveryOutcome& outcome) = 0;
    /// The webhook's deliveries, newest first, from `offset`, at most `limit` + 1.
    virtual Result<std::vector<WebhookDelivery>> List(Id workspace_id,
                                                      Id webhook_id,
                                                      int offset,
                                                      int limit) = 0;
    /// Sets the webhook's signing secret.
    virtual Status SetSecret(Id workspace_id, Id webhook_id, const std::string& secret) = 0;
};

}  // namespace pipecrm::domain
