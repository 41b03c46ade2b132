// Web sign-in: email and password in, a browser session out; sessions checked on each request,
// ended on sign-out, and password changes. Failed attempts are throttled per account and per
// client address (LoginThrottle).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/authenticator.hpp"
#include "auth/login_throttle.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/session.hpp"
#include "domain/store.hpp"

namespace pipecrm::auth {

/// A security event of sign-in. Carries no password, secret or token.
struct LoginEvent {
    enum class Kind { kSignedIn, kFailed, kThrottled, kSignedOut, kPasswordChanged };
    Kind kind = Kind::kFailed;
    std::string email;
    OptionalId workspace_id;  ///< known when the account was found
    OptionalId user_id;
    std::string remote_address;
    Instant time;
};

std::string_view LoginEventName(LoginEvent::Kind kind);

/// Receives every LoginEvent; called on a server thread, must be quick and thread-safe. The
/// serve command writes them to the server log and, through AppendLoginAudit
/// (login_audit.hpp), to the audit log.
using LoginEventSink = std::function<void(const LoginEvent&)>;

/// Where a sign-in request came from.
struct ClientInfo {
    std::string remote_address;
    std::string user_agent;
};

struct SignedIn {
    domain::User user;
    std::string session_secret;  ///< for the cookie only; never stored or logged
    std::string csrf_token;
};

/// Safe for concurrent use (the store and the throttle are).
class SessionManager {
  public:
    SessionManager(domain::Store& store,
                   const Clock& clock,
                   domain::SessionPolicy policy,
                   ThrottlePolicy throttle,
                   LoginEventSink events);

    /// Checks the password of the user with this email (in `workspace_id`, or the first
    /// workspace that has the email) and starts a session. kUnauthenticated, with the same
    /// message whichever part was wrong; kResourceExhausted while the account or the address
    /// is throttled (see RetryAfter).
    Result<SignedIn> SignIn(const std::string& email,
                            const std::string& password,
                            OptionalId workspace_id,
                            const ClientInfo& client);

    /// How long until this account and address may try again; nullopt when they may now.
    std::optional<std::chrono::seconds> RetryAfter(const std::string& email,
                                                   const std::string& remote_address);

    /// The user of a live session, recording its use at most once a minute.
    /// kUnauthenticated for an unknown, revoked or expired session, or a disabled user.
    Result<Principal> Authenticate(std::string_view session_secret);

    /// Ends the principal's session. kFailedPrecondition when it signed in with a token.
    Status SignOut(const Principal& principal, const ClientInfo& client);

    /// Sets a new password after checking the current one, and ends the user's other sessions
    /// (every session when the principal used a token). kInvalidArgument naming
    /// current_password or new_password; kResourceExhausted while the account is throttled.
    Status ChangePassword(const Principal& principal,
                          const std::string& current_password,
                          const std::string& new_password,
                          const ClientInfo& client);

  private:
    void Emit(LoginEvent::Kind kind,
              const std::string& email,
              const domain::User* user,
              const std::string& remote_address,
              Instant now) const;
    /// An argon2id hash to check against when there is no account, so that a wrong email
    /// costs the same time as a wrong password.
    const std::string& DecoyHash();

    domain::Store& store_;
    const Clock& clock_;
    const domain::SessionPolicy policy_;
    LoginThrottle throttle_;
    LoginEventSink events_;
    std::once_flag decoy_once_;
    std::string decoy_hash_;  // written once under decoy_once_
};

}  // namespace pipecrm::auth
