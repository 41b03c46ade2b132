#include "automation/webhook_payload.hpp"

#include <sodium.h>

#include "automation/webhook_signature.hpp"

namespace pipecrm::automation {
namespace {

std::string Quoted(const std::string& text) {
    // Only ids, names from fixed lists and formatted times are quoted here: no escaping needed.
    return "\"" + text + "\"";
}

std::string Base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string V2Body(const domain::ClaimedDelivery& c) {
    const auto& d = c.delivery;
    std::string meta = "{";
    meta += "\"action\":" + Quoted(std::string(domain::ChangeActionName(d.event_action)));
    meta += ",\"entity\":" + Quoted(d.event_object);
    meta += ",\"entity_id\":" + Quoted(std::to_string(d.entity_id));
    meta += ",\"id\":" + Quoted(IdempotencyKey(c));
    meta += ",\"timestamp\":" + Quoted(FormatRfc3339(c.event_time));
    meta += ",\"user_id\":" + Quoted(std::to_string(c.actor_user_id));
    meta += ",\"company_id\":" + Quoted(std::to_string(d.workspace_id));
    meta += ",\"webhook_id\":" + Quoted(std::to_string(d.webhook_id));
    meta += ",\"attempt\":" + std::to_string(d.attempts);
    meta += ",\"type\":\"general\",\"version\":\"2.0\"}";
    return "{\"meta\":" + meta + ",\"data\":" + c.current_json +
           ",\"previous\":" + c.previous_json + ",\"stage_change\":" + c.stage_change_json + "}";
}

std::string V1Body(const domain::ClaimedDelivery& c) {
    const auto& d = c.delivery;
    const std::string action(domain::ChangeActionV1Name(d.event_action));
    std::string meta = "{\"v\":1";
    meta += ",\"action\":" + Quoted(action);
    meta += ",\"object\":" + Quoted(d.event_object);
    meta += ",\"id\":" + std::to_string(d.entity_id);
    meta += ",\"company_id\":" + std::to_string(d.workspace_id);
    meta += ",\"user_id\":" + std::to_string(c.actor_user_id);
    meta += ",\"timestamp\":" + std::to_string(ToUnixSeconds(c.event_time));
    meta += ",\"webhook_id\":" + Quoted(std::to_string(d.webhook_id));
    meta += ",\"idempotency_key\":" + Quoted(IdempotencyKey(c));
    meta += "}";
    return "{\"v\":1,\"event\":" + Quoted(action + "." + d.event_object) + ",\"meta\":" + meta +
           ",\"current\":" + c.current_json + ",\"previous\":" + c.previous_json +
           ",\"retry\":" + std::to_string(d.attempts - 1) +
           ",\"stage_change\":" + c.stage_change_json + "}";
}

}  // namespace

std::string IdempotencyKey(const domain::ClaimedDelivery& claimed) {
    return "pipecrm-" + std::to_string(claimed.delivery.event_id) + "-" +
           std::to_string(claimed.delivery.webhook_id);
}

std::string WebhookBody(const domain::ClaimedDelivery& claimed) {
    return claimed.version == "1.0" ? V1Body(claimed) : V2Body(claimed);
}

std::vector<std::pair<std::string, std::string>> WebhookHeaders(
    const domain::ClaimedDelivery& claimed, const std::string& body, Instant now) {
    const auto& d = claimed.delivery;
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"},
        {"User-Agent", "PipeCRM-Webhooks/1"},
        {"Idempotency-Key", IdempotencyKey(claimed)},
        {"X-PipeCRM-Delivery", std::to_string(d.id)},
        {"X-PipeCRM-Attempt", std::to_string(d.attempts)},
        {"X-PipeCRM-Event",
         d.event_object + "." + std::string(domain::ChangeActionName(d.event_action))},
    };
    if (!claimed.secret.empty()) {
        headers.emplace_back("X-PipeCRM-Signature", SignatureHeader(claimed.secret, now, body));
    }
    if (!claimed.http_auth_user.empty()) {
        headers.emplace_back("Authorization", "Basic " + Base64(claimed.http_auth_user + ":" +
                                                                claimed.http_auth_password));
    }
    return headers;
}

}  // namespace pipecrm::automation
