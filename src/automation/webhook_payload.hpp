// The body and headers of one webhook delivery, in the shape of the webhook's version
// (Pipedrive's v1 or v2 webhook payloads; docs/api.md shows both).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/time.hpp"
#include "domain/webhook_delivery.hpp"

namespace pipecrm::automation {

/// The same for every attempt of one delivery: "pipecrm-<event id>-<webhook id>".
std::string IdempotencyKey(const domain::ClaimedDelivery& claimed);

/// The JSON body: v2 {"meta", "data", "previous", "stage_change"}; v1 {"v", "event", "meta",
/// "current", "previous", "retry", "stage_change"}.
std::string WebhookBody(const domain::ClaimedDelivery& claimed);

/// Content type, user agent, Idempotency-Key, X-PipeCRM-Delivery/-Attempt/-Event, the
/// signature (when the webhook has a secret) and Basic authorization (when it has a user).
std::vector<std::pair<std::string, std::string>> WebhookHeaders(
    const domain::ClaimedDelivery& claimed, const std::string& body, Instant now);

}  // namespace pipecrm::automation
