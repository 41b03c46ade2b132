// The audit log of security events: sign-ins, tokens, users, roles, teams, workspaces and
// record deletions. Append-only; admins read it (GET /api/v1/auditLog, `pipecrm audit list`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"

namespace pipecrm::domain {

class Repositories;

enum class AuditEvent {
    kLoginSucceeded,
    kLoginFailed,
    kLogout,
    kPasswordChanged,  ///< by the user themself
    kPasswordReset,    ///< by an admin
    kTokenCreated,
    kTokenRevoked,
    kUserAdded,
    kUserDisabled,
    kRoleChanged,
    kTeamCreated,
    kTeamMemberAdded,
    kWorkspaceCreated,
    kRecordDeleted,  ///< subject_type names the kind: deal, person, organization, ...
};

/// Every event, in declaration order.
std::span<const AuditEvent> AllAuditEvents();
/// The stored and rendered name: "login_succeeded", "token_revoked", ...
std::string_view AuditEventName(AuditEvent event);
/// The event with this name, if any.
std::optional<AuditEvent> ParseAuditEvent(std::string_view name);

struct AuditEntry {
    Id id = 0;
    Id workspace_id = 0;
    Instant at;
    OptionalId actor_user_id;  ///< empty: the server's operator (CLI) or an unknown user
    AuditEvent event = AuditEvent::kRecordDeleted;
    std::string subject_type;  ///< "user", "api_token", "team", "workspace", "deal", ...
    OptionalId subject_id;
    std::string detail;          ///< for people: an email, a role change; never a secret
    std::string remote_address;  ///< the client's address, when the event came over HTTP
};

/// Newest first, by offset (v1 paging).
struct AuditQuery {
    Id workspace_id = 0;
    std::optional<AuditEvent> event;
    int offset = 0;
    int limit = 100;  ///< repositories return up to limit + 1 rows so callers can see "more"
};

/// An entry made by `actor` (user_id 0 stands for the operator at the CLI: no actor).
AuditEntry AuditBy(const Actor& actor,
                   AuditEvent event,
                   std::string subject_type,
                   OptionalId subject_id,
                   std::string detail,
                   Instant at);

/// Appends `entry` in the caller's transaction; the storage error otherwise.
Status AppendAudit(Repositories& repos, const AuditEntry& entry);

}  // namespace pipecrm::domain
