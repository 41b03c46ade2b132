// Webhook registration use cases over the storage ports (delivery comes later).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/repositories.hpp"
#include "domain/webhook.hpp"

namespace pipecrm::domain {

/// A registration request; subscription_url, event_action, event_object and name are required.
struct WebhookChange {
    std::optional<std::string> subscription_url;
    std::optional<std::string> event_action;
    std::optional<std::string> event_object;
    std::optional<std::string> name;
    std::optional<Id> user_id;
    std::optional<std::string> http_auth_user;
    std::optional<std::string> http_auth_password;
    std::optional<std::string> version;
};

/// Checks a registration without storage: an absolute http(s) URL, the enums (event_action:
/// create, change, delete, * and v1's added, updated, deleted, merged; event_object: activity,
/// deal, lead, note, organization, person, pipeline, product, stage, user, *; version 1.0 or
/// 2.0). kInvalidArgument naming the field.
Status ValidateWebhook(const WebhookChange& change);

/// Registers a webhook for the actor's workspace; user_id (default the actor) must be an
/// active user of it. version defaults to "2.0".
Result<Webhook> CreateWebhook(Repositories& repos,
                              const Actor& actor,
                              const WebhookChange& change,
                              Instant now);
/// Removes a registered webhook; kNotFound when there is none.
Result<Webhook> DeleteWebhook(Repositories& repos, const Actor& actor, Id webhook_id, Instant now);

}  // namespace pipecrm::domain
