// A webhook subscription: where to send which events (delivered by automation/webhook_worker;
// the signing secret lives beside the row, see WebhookOutboxRepository::SetSecret).
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

struct Webhook {
    Id id = 0;
    Id workspace_id = 0;
    Id user_id = 0;   ///< whose permissions the events are read with
    Id admin_id = 0;  ///< who registered it
    std::string name;
    std::string subscription_url;
    std::string event_action;  ///< create, change, delete, * (or v1's added, updated, ...)
    std::string event_object;  ///< deal, person, ..., or *
    std::string version;       ///< "1.0" or "2.0"
    std::string http_auth_user;
    std::string http_auth_password;  ///< sent with deliveries; never shown by the API
    bool is_deleted = false;
    Instant add_time;
    Instant update_time;  ///< the removal time once deleted
};

}  // namespace pipecrm::domain
