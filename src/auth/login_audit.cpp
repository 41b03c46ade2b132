#include "auth/login_audit.hpp"

#include "domain/repositories.hpp"

namespace pipecrm::auth {

std::optional<domain::AuditEntry> LoginAuditEntry(const LoginEvent& event) {
    if (!event.workspace_id) {
        return std::nullopt;
    }
    domain::AuditEntry entry;
    entry.workspace_id = *event.workspace_id;
    entry.at = event.time;
    entry.subject_type = "user";
    entry.subject_id = event.user_id;
    entry.detail = event.email;
    entry.remote_address = event.remote_address;
    switch (event.kind) {
        case LoginEvent::Kind::kSignedIn:
            entry.event = domain::AuditEvent::kLoginSucceeded;
            break;
        case LoginEvent::Kind::kFailed:
            entry.event = domain::AuditEvent::kLoginFailed;
            break;
        case LoginEvent::Kind::kThrottled:
            entry.event = domain::AuditEvent::kLoginFailed;
            entry.detail = "throttled: " + event.email;
            break;
        case LoginEvent::Kind::kSignedOut:
            entry.event = domain::AuditEvent::kLogout;
            break;
        case LoginEvent::Kind::kPasswordChanged:
            entry.event = domain::AuditEvent::kPasswordChanged;
            break;
    }
    // A failed attempt names the account it tried, not who made it.
    const bool by_the_user =
        event.kind != LoginEvent::Kind::kFailed && event.kind != LoginEvent::Kind::kThrottled;
    if (by_the_user) {
        entry.actor_user_id = event.user_id;
    }
    return entry;
}

void AppendLoginAudit(domain::Store& store, const LoginEvent& event) {
    auto entry = LoginAuditEntry(event);
    if (!entry) {
        return;
    }
    store.Write([entry = std::move(*entry)](
                    domain::Repositories& repos) { return domain::AppendAudit(repos, entry); },
                [](Status) {});
}

}  // namespace pipecrm::auth
