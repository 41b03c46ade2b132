#include "domain/audit.hpp"

#include <gtest/gtest.h>

#include <set>

namespace pipecrm::domain {
namespace {

TEST(AuditEvent, EveryEventHasAUniqueNameThatParsesBack) {
    std::set<std::string_view> names;
    for (AuditEvent event : AllAuditEvents()) {
        const std::string_view name = AuditEventName(event);
        EXPECT_NE(name, "unknown");
        EXPECT_TRUE(names.insert(name).second) << name;
        EXPECT_EQ(ParseAuditEvent(name), event) << name;
    }
    EXPECT_EQ(names.size(), 14u);
    EXPECT_EQ(ParseAuditEvent("login_succeeded"), AuditEvent::kLoginSucceeded);
    EXPECT_FALSE(ParseAuditEvent("nothing"));
}

TEST(AuditEvent, TheCliOperatorIsNoActor) {
    Actor actor;
    actor.workspace_id = 7;
    AuditEntry by_cli =
        AuditBy(actor, AuditEvent::kUserAdded, "user", 3, "a@b.c", FromUnixSeconds(100));
    EXPECT_FALSE(by_cli.actor_user_id);
    EXPECT_EQ(by_cli.workspace_id, 7);
    actor.user_id = 5;
    actor.remote_address = "10.0.0.1";
    AuditEntry by_user =
        AuditBy(actor, AuditEvent::kRecordDeleted, "deal", 9, "", FromUnixSeconds(100));
    EXPECT_EQ(by_user.actor_user_id, 5);
    EXPECT_EQ(by_user.remote_address, "10.0.0.1");
}

}  // namespace
}  // namespace pipecrm::domain
