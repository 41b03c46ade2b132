#include "domain/webhook_service.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

constexpr std::array<std::string_view, 8> kActions = {"create", "change",  "delete",  "*",
                                                      "added",  "updated", "deleted", "merged"};
constexpr std::array<std::string_view, 11> kObjects = {
    "activity", "deal",  "lead", "note", "organization", "person", "pipeline",
    "product",  "stage", "user", "*"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& words, const std::string& text) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower != prefix[i]) {
            return false;
        }
    }
    return true;
}

// An absolute http or https URL with a host and no whitespace or control characters.
bool IsHttpUrl(std::string_view url) {
    if (url.size() > 2048) {
        return false;
    }
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') {
            return false;
        }
    }
    std::string_view rest;
    if (StartsWithNoCase(url, "https://")) {
        rest = url.substr(8);
    } else if (StartsWithNoCase(url, "http://")) {
        rest = url.substr(7);
    } else {
        return false;
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    const std::string_view host_port = authority.substr(authority.rfind('@') + 1);
    return !host_port.empty() && host_port.front() != ':';
}

Status Required(const std::optional<std::string>& value, const char* field) {
    if (!value || value->empty()) {
        return InvalidArgument(std::string(field) + " is required", field);
    }
    return Status::Ok();
}

}  // namespace

Status ValidateWebhook(const WebhookChange& change) {
    PIPECRM_RETURN_IF_ERROR(Required(change.subscription_url, "subscription_url"));
    PIPECRM_RETURN_IF_ERROR(Required(change.event_action, "event_action"));
    PIPECRM_RETURN_IF_ERROR(Required(change.event_object, "event_object"));
    PIPECRM_RETURN_IF_ERROR(Required(change.name, "name"));
    if (!IsHttpUrl(*change.subscription_url)) {
        return InvalidArgument("subscription_url must be an absolute http or https URL",
                               "subscription_url");
    }
    if (!OneOf(kActions, *change.event_action)) {
        return InvalidArgument(
            "event_action must be create, change, delete, * (or added, updated, deleted, merged)",
            "event_action");
    }
    if (!OneOf(kObjects, *change.event_object)) {
        return InvalidArgument(
            "event_object must be activity, deal, lead, note, organization, person, pipeline, "
            "product, stage, user or *",
            "event_object");
    }
    if (change.name->size() > 255) {
        return InvalidArgument("name is longer than 255 bytes", "name");
    }
    if (change.version && *change.version != "1.0" && *change.version != "2.0") {
        return InvalidArgument("version must be 1.0 or 2.0", "version");
    }
    return Status::Ok();
}

Result<Webhook> CreateWebhook(Repositories& repos,
                              const Actor& actor,
                              const WebhookChange& change,
                              Instant now) {
    PIPECRM_RETURN_IF_ERROR(ValidateWebhook(change));
    Webhook webhook;
    webhook.workspace_id = actor.workspace_id;
    webhook.admin_id = actor.user_id;
    webhook.user_id = change.user_id.value_or(actor.user_id);
    if (change.user_id) {
        auto check = CheckOwner(repos, actor.workspace_id, *change.user_id);
        if (!check.ok()) {
            return InvalidArgument(check.message(), "user_id");
        }
    }
    webhook.name = *change.name;
    webhook.subscription_url = *change.subscription_url;
    webhook.event_action = *change.event_action;
    webhook.event_object = *change.event_object;
    webhook.version = change.version.value_or("2.0");
    webhook.http_auth_user = change.http_auth_user.value_or("");
    webhook.http_auth_password = change.http_auth_password.value_or("");
    webhook.add_time = now;
    webhook.update_time = now;
    auto id = repos.Webhooks().Insert(webhook);
    if (!id.ok()) {
        return id.status();
    }
    webhook.id = *id;
    return webhook;
}

Result<Webhook> DeleteWebhook(Repositories& repos, const Actor& actor, Id webhook_id, Instant now) {
    return SoftDelete(LiveOnly(repos.Webhooks().Get(actor.workspace_id, webhook_id),
                               NotDeleted<Webhook>, "webhook", webhook_id),
                      now, [&](const Webhook& w) { return repos.Webhooks().Update(w); });
}

}  // namespace pipecrm::domain
