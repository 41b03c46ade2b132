#include "domain/webhook_service.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

WebhookChange Valid() {
    WebhookChange change;
    change.subscription_url = "https://hooks.example.com/pipecrm?x=1";
    change.event_action = "*";
    change.event_object = "deal";
    change.name = "Deals to ERP";
    return change;
}

std::string FieldAtFault(WebhookChange change) {
    Status status = ValidateWebhook(change);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
    return status.field();
}

TEST(WebhookValidation, AcceptsV1AndV2Names) {
    EXPECT_TRUE(ValidateWebhook(Valid()).ok());
    WebhookChange v1 = Valid();
    v1.event_action = "added";
    v1.version = "1.0";
    v1.subscription_url = "HTTP://localhost:9000";
    EXPECT_TRUE(ValidateWebhook(v1).ok());
}

TEST(WebhookValidation, NamesTheFieldAtFault) {
    for (const char* url : {"ftp://example.com", "example.com/hook", "https://", "http://:80/x",
                            "https://exa mple.com", "/relative"}) {
        WebhookChange change = Valid();
        change.subscription_url = url;
        EXPECT_EQ(FieldAtFault(change), "subscription_url") << url;
    }
    WebhookChange change = Valid();
    change.event_action = "created";
    EXPECT_EQ(FieldAtFault(change), "event_action");
    change = Valid();
    change.event_object = "invoice";
    EXPECT_EQ(FieldAtFault(change), "event_object");
    change = Valid();
    change.version = "3.0";
    EXPECT_EQ(FieldAtFault(change), "version");
    change = Valid();
    change.name.reset();
    EXPECT_EQ(FieldAtFault(change), "name");
}

}  // namespace
}  // namespace pipecrm::domain
