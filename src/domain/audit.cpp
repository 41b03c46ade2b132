#include "domain/audit.hpp"

#include <array>

#include "domain/repositories.hpp"

namespace pipecrm::domain {
namespace {

struct EventName {
    AuditEvent event;
    std::string_view name;
};

constexpr std::array<EventName, 14> kEventNames = {{
    {AuditEvent::kLoginSucceeded, "login_succeeded"},
    {AuditEvent::kLoginFailed, "login_failed"},
    {AuditEvent::kLogout, "logout"},
    {AuditEvent::kPasswordChanged, "password_changed"},
    {AuditEvent::kPasswordReset, "password_reset"},
    {AuditEvent::kTokenCreated, "token_created"},
    {AuditEvent::kTokenRevoked, "token_revoked"},
    {AuditEvent::kUserAdded, "user_added"},
    {AuditEvent::kUserDisabled, "user_disabled"},
    {AuditEvent::kRoleChanged, "role_changed"},
    {AuditEvent::kTeamCreated, "team_created"},
    {AuditEvent::kTeamMemberAdded, "team_member_added"},
    {AuditEvent::kWorkspaceCreated, "workspace_created"},
    {AuditEvent::kRecordDeleted, "record_deleted"},
}};

constexpr std::array<AuditEvent, kEventNames.size()> kEvents = [] {
    std::array<AuditEvent, kEventNames.size()> events{};
    for (std::size_t i = 0; i < kEventNames.size(); ++i) {
        events[i] = kEventNames[i].event;
    }
    return events;
}();

}  // namespace

std::span<const AuditEvent> AllAuditEvents() {
    return kEvents;
}

std::string_view AuditEventName(AuditEvent event) {
    for (const EventName& entry : kEventNames) {
        if (entry.event == event) {
            return entry.name;
        }
    }
    return "unknown";
}

std::optional<AuditEvent> ParseAuditEvent(std::string_view name) {
    for (const EventName& entry : kEventNames) {
        if (entry.name == name) {
            return entry.event;
        }
    }
    return std::nullopt;
}

AuditEntry AuditBy(const Actor& actor,
                   AuditEvent event,
                   std::string subject_type,
                   OptionalId subject_id,
                   std::string detail,
                   Instant at) {
    AuditEntry entry;
    entry.workspace_id = actor.workspace_id;
    entry.at = at;
    if (actor.user_id != 0) {
        entry.actor_user_id = actor.user_id;
    }
    entry.event = event;
    entry.subject_type = std::move(subject_type);
    entry.subject_id = subject_id;
    entry.detail = std::move(detail);
    entry.remote_address = actor.remote_address;
    return entry;
}

Status AppendAudit(Repositories& repos, const AuditEntry& entry) {
    auto id = repos.AuditLog().Append(entry);
    return id.ok() ? Status::Ok() : id.status();
}

}  // namespace pipecrm::domain
