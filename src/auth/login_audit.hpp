// Sign-in events as audit log entries: the SessionManager's LoginEvent sink appends them.
#pragma once

#include <optional>

#include "auth/session_manager.hpp"
#include "domain/audit.hpp"
#include "domain/store.hpp"

namespace pipecrm::auth {

/// The audit entry for a sign-in event: login_succeeded, login_failed (throttled attempts
/// too, marked in the detail), logout or password_changed, with the email as detail. Nullopt
/// when the account is unknown: such an attempt belongs to no workspace and stays in the
/// server log only.
std::optional<domain::AuditEntry> LoginAuditEntry(const LoginEvent& event);

/// Queues the event's audit entry as a write nobody waits for (the sink must be quick).
void AppendLoginAudit(domain::Store& store, const LoginEvent& event);

}  // namespace pipecrm::auth
