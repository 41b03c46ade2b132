#include "auth/login_audit.hpp"

#include <gtest/gtest.h>

namespace pipecrm::auth {
namespace {

LoginEvent Event(LoginEvent::Kind kind) {
    return LoginEvent{kind, "a@b.c", 2, 7, "10.0.0.1", FromUnixSeconds(100)};
}

TEST(LoginAudit, SignInsAndOutsAreByTheUser) {
    auto entry = LoginAuditEntry(Event(LoginEvent::Kind::kSignedIn));
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->event, domain::AuditEvent::kLoginSucceeded);
    EXPECT_EQ(entry->workspace_id, 2);
    EXPECT_EQ(entry->actor_user_id, 7);
    EXPECT_EQ(entry->subject_id, 7);
    EXPECT_EQ(entry->remote_address, "10.0.0.1");
    EXPECT_EQ(LoginAuditEntry(Event(LoginEvent::Kind::kSignedOut))->event,
              domain::AuditEvent::kLogout);
    EXPECT_EQ(LoginAuditEntry(Event(LoginEvent::Kind::kPasswordChanged))->event,
              domain::AuditEvent::kPasswordChanged);
}

TEST(LoginAudit, FailuresNameTheAccountNotAnActor) {
    auto failed = LoginAuditEntry(Event(LoginEvent::Kind::kFailed));
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->event, domain::AuditEvent::kLoginFailed);
    EXPECT_FALSE(failed->actor_user_id);
    EXPECT_EQ(failed->subject_id, 7);
    auto throttled = LoginAuditEntry(Event(LoginEvent::Kind::kThrottled));
    EXPECT_EQ(throttled->event, domain::AuditEvent::kLoginFailed);
    EXPECT_EQ(throttled->detail, "throttled: a@b.c");
}

TEST(LoginAudit, UnknownAccountsBelongToNoWorkspace) {
    LoginEvent event = Event(LoginEvent::Kind::kFailed);
    event.workspace_id.reset();
    event.user_id.reset();
    EXPECT_FALSE(LoginAuditEntry(event));
}

}  // namespace
}  // namespace pipecrm::auth
