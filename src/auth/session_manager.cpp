#include "auth/session_manager.hpp"

#include "auth/credentials.hpp"
#include "domain/workspace_setup.hpp"

namespace pipecrm::auth {
namespace {

constexpr std::string_view kWrongCredentials = "the email or password is not correct";

std::string AccountKey(const std::string& email) {
    return "account:" + email;
}
std::string AddressKey(const std::string& address) {
    return "address:" + address;
}

Status Throttled(std::chrono::seconds wait) {
    const auto minutes = (wait.count() + 59) / 60;
    return ResourceExhausted("too many failed sign-in attempts; try again in " +
                             std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"));
}

}  // namespace

std::string_view LoginEventName(LoginEvent::Kind kind) {
    switch (kind) {
        case LoginEvent::Kind::kSignedIn:
            return "login.succeeded";
        case LoginEvent::Kind::kFailed:
            return "login.failed";
        case LoginEvent::Kind::kThrottled:
            return "login.throttled";
        case LoginEvent::Kind::kSignedOut:
            return "logout";
        case LoginEvent::Kind::kPasswordChanged:
            return "password.changed";
    }
    return "login.unknown";
}

SessionManager::SessionManager(domain::Store& store,
                               const Clock& clock,
                               domain::SessionPolicy policy,
                               ThrottlePolicy throttle,
                               LoginEventSink events)
    : store_(store),
      clock_(clock),
      policy_(policy),
      throttle_(throttle),
      events_(std::move(events)) {}

void SessionManager::Emit(LoginEvent::Kind kind,
                          const std::string& email,
                          const domain::User* user,
                          const std::string& remote_address,
                          Instant now) const {
    if (!events_) {
        return;
    }
    LoginEvent event{kind, email, std::nullopt, std::nullopt, remote_address, now};
    if (user != nullptr) {
        event.workspace_id = user->workspace_id;
        event.user_id = user->id;
    }
    events_(event);
}

const std::string& SessionManager::DecoyHash() {
    std::call_once(decoy_once_, [this] {
        auto hash = HashPassword(NewSessionSecret());
        decoy_hash_ = hash.ok() ? *hash : std::string();
    });
    return decoy_hash_;
}

std::optional<std::chrono::seconds> SessionManager::RetryAfter(const std::string& email,
                                                               const std::string& remote_address) {
    const Instant now = clock_.Now();
    auto normalized = domain::NormalizeEmail(email);
    auto account = throttle_.RetryAfter(AccountKey(normalized.ok() ? *normalized : email), now);
    auto address = throttle_.RetryAfter(AddressKey(remote_address), now);
    if (account && address) {
        return std::max(*account, *address);
    }
    return account ? account : address;
}

Result<SignedIn> SessionManager::SignIn(const std::string& email,
                                        const std::string& password,
                                        OptionalId workspace_id,
                                        const ClientInfo& client) {
    const Instant now = clock_.Now();
    auto normalized = domain::NormalizeEmail(email);
    const std::string account = normalized.ok() ? *normalized : email;
    if (auto wait = RetryAfter(account, client.remote_address)) {
        Emit(LoginEvent::Kind::kThrottled, account, nullptr, client.remote_address, now);
        return Throttled(*wait);
    }
    std::optional<domain::User> user;
    if (normalized.ok()) {
        PIPECRM_RETURN_IF_ERROR(store_.Read([&](domain::Repositories& repos) -> Status {
            auto users = repos.Users().FindByEmailEverywhere(*normalized);
            if (!users.ok()) {
                return users.status();
            }
            for (domain::User& candidate : *users) {
                if (!workspace_id || candidate.workspace_id == *workspace_id) {
                    user = std::move(candidate);
                    break;
                }
            }
            return Status::Ok();
        }));
    }
    const bool usable = user && user->active && !user->password_hash.empty();
    const bool verified = VerifyPassword(password, usable ? user->password_hash : DecoyHash());
    if (!usable || !verified) {
        throttle_.RecordFailure(AccountKey(account), now);
        throttle_.RecordFailure(AddressKey(client.remote_address), now);
        Emit(LoginEvent::Kind::kFailed, account, user ? &*user : nullptr, client.remote_address,
             now);
        return Unauthenticated(std::string(kWrongCredentials));
    }
    throttle_.Clear(AccountKey(account));

    SignedIn signed_in{*user, NewSessionSecret(), {}};
    signed_in.csrf_token = CsrfTokenFor(signed_in.session_secret);
    domain::Session session;
    session.workspace_id = user->workspace_id;
    session.user_id = user->id;
    session.token_hash = TokenDigest(signed_in.session_secret);
    session.add_time = now;
    session.last_seen_time = now;
    session.expires_time = now + policy_.max_age;
    session.remote_address = client.remote_address;
    session.user_agent = client.user_agent.substr(0, 512);
    PIPECRM_RETURN_IF_ERROR(store_.WriteAndWait([&session](domain::Repositories& repos) -> Status {
        auto id = repos.Sessions().Insert(session);
        return id.ok() ? Status::Ok() : id.status();
    }));
    Emit(LoginEvent::Kind::kSignedIn, account, &*user, client.remote_address, now);
    return signed_in;
}

Result<Principal> SessionManager::Authenticate(std::string_view session_secret) {
    const Instant now = clock_.Now();
    const std::string digest = TokenDigest(session_secret);
    std::optional<domain::SessionOwner> owner;
    Principal principal;
    // The I/O thread checking the session does not wait for the disk (ReadWithoutSyncWait).
    PIPECRM_RETURN_IF_ERROR(store_.ReadWithoutSyncWait([&](domain::Repositories& repos) -> Status {
        auto found = repos.Sessions().FindByHash(digest);
        if (!found.ok()) {
            return found.status();
        }
        owner = std::move(*found);
        if (!owner) {
            return Status::Ok();
        }
        auto signed_in = PrincipalFor(repos, owner->user);
        if (!signed_in.ok()) {
            return signed_in.status();
        }
        principal = std::move(*signed_in);
        return Status::Ok();
    }));
    if (!owner || domain::SessionExpired(owner->session, policy_, now)) {
        return Unauthenticated("the session has ended; sign in again");
    }
    if (domain::SessionNeedsTouch(owner->session, policy_, now)) {
        // Not waited for: the request does not depend on it, and a lost touch only shortens
        // the idle window by a minute.
        store_.Write(
            [workspace_id = owner->session.workspace_id, id = owner->session.id,
             now](domain::Repositories& repos) {
                return repos.Sessions().Touch(workspace_id, id, now);
            },
            [](Status) {});
    }
    principal.session = SessionRef{owner->session.id, CsrfTokenFor(session_secret)};
    return principal;
}

Status SessionManager::SignOut(const Principal& principal, const ClientInfo& client) {
    if (!principal.session) {
        return FailedPrecondition(
            "this request used an API token; only a browser session can sign out");
    }
    const Instant now = clock_.Now();
    const domain::User& user = principal.user;
    PIPECRM_RETURN_IF_ERROR(
        store_.WriteAndWait([&user, id = principal.session->id, now](domain::Repositories& repos) {
            return repos.Sessions().Revoke(user.workspace_id, id, now);
        }));
    Emit(LoginEvent::Kind::kSignedOut, user.email, &user, client.remote_address, now);
    return Status::Ok();
}

Status SessionManager::ChangePassword(const Principal& principal,
                                      const std::string& current_password,
                                      const std::string& new_password,
                                      const ClientInfo& client) {
    const Instant now = clock_.Now();
    const domain::User& user = principal.user;
    if (auto wait = throttle_.RetryAfter(AccountKey(user.email), now)) {
        Emit(LoginEvent::Kind::kThrottled, user.email, &user, client.remote_address, now);
        return Throttled(*wait);
    }
    if (!VerifyPassword(current_password, user.password_hash)) {
        throttle_.RecordFailure(AccountKey(user.email), now);
        Emit(LoginEvent::Kind::kFailed, user.email, &user, client.remote_address, now);
        return InvalidArgument("the current password is not correct", "current_password");
    }
    auto hash = HashPassword(new_password);
    if (!hash.ok()) {
        if (hash.status().code() == ErrorCode::kInvalidArgument) {
            return InvalidArgument("the new password must be at least 8 characters long",
                                   "new_password");
        }
        return hash.status();
    }
    OptionalId keep;
    if (principal.session) {
        keep = principal.session->id;
    }
    PIPECRM_RETURN_IF_ERROR(
        store_.WriteAndWait([&user, &hash, keep, now](domain::Repositories& repos) -> Status {
            PIPECRM_RETURN_IF_ERROR(
                repos.Users().SetPasswordHash(user.workspace_id, user.id, *hash, now));
            return repos.Sessions().RevokeAllOfUser(user.workspace_id, user.id, keep, now);
        }));
    Emit(LoginEvent::Kind::kPasswordChanged, user.email, &user, client.remote_address, now);
    return Status::Ok();
}

}  // namespace pipecrm::auth
