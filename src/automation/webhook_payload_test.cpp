#include "automation/webhook_payload.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sodium.h>

namespace pipecrm::automation {
namespace {

domain::ClaimedDelivery StageMoveDelivery(const std::string& version) {
    domain::ClaimedDelivery c;
    c.delivery.id = 7;
    c.delivery.workspace_id = 2;
    c.delivery.webhook_id = 3;
    c.delivery.event_id = 11;
    c.delivery.event_object = "deal";
    c.delivery.event_action = domain::ChangeAction::kChange;
    c.delivery.entity_id = 5;
    c.delivery.attempts = 2;
    c.version = version;
    c.secret = "whsec_x";
    c.actor_user_id = 4;
    c.event_time = FromUnixSeconds(1700000000);
    c.current_json = R"({"id":5,"stage_id":2})";
    c.previous_json = R"({"id":5,"stage_id":1})";
    c.stage_change_json = R"({"previous_stage_id":1,"current_stage_id":2})";
    return c;
}

TEST(WebhookPayload, V2HasMetaDataPreviousAndTheStageMove) {
    const auto c = StageMoveDelivery("2.0");
    rapidjson::Document doc;
    doc.Parse(WebhookBody(c).c_str());
    ASSERT_FALSE(doc.HasParseError());
    EXPECT_STREQ(doc["meta"]["action"].GetString(), "change");
    EXPECT_STREQ(doc["meta"]["entity"].GetString(), "deal");
    EXPECT_STREQ(doc["meta"]["entity_id"].GetString(), "5");
    EXPECT_STREQ(doc["meta"]["id"].GetString(), "pipecrm-11-3");
    EXPECT_STREQ(doc["meta"]["user_id"].GetString(), "4");
    EXPECT_STREQ(doc["meta"]["timestamp"].GetString(), "2023-11-14T22:13:20Z");
    EXPECT_EQ(doc["meta"]["attempt"].GetInt(), 2);
    EXPECT_EQ(doc["data"]["stage_id"].GetInt(), 2);
    EXPECT_EQ(doc["previous"]["stage_id"].GetInt(), 1);
    EXPECT_EQ(doc["stage_change"]["previous_stage_id"].GetInt(), 1);
}

TEST(WebhookPayload, V1UsesTheOldEventNames) {
    const auto c = StageMoveDelivery("1.0");
    rapidjson::Document doc;
    doc.Parse(WebhookBody(c).c_str());
    ASSERT_FALSE(doc.HasParseError());
    EXPECT_STREQ(doc["event"].GetString(), "updated.deal");
    EXPECT_STREQ(doc["meta"]["action"].GetString(), "updated");
    EXPECT_EQ(doc["meta"]["id"].GetInt(), 5);
    EXPECT_EQ(doc["current"]["stage_id"].GetInt(), 2);
    EXPECT_EQ(doc["retry"].GetInt(), 1);
}

TEST(WebhookPayload, HeadersCarryTheKeySignatureAndBasicAuth) {
    ASSERT_GE(sodium_init(), 0);
    auto c = StageMoveDelivery("2.0");
    c.http_auth_user = "erp";
    c.http_auth_password = "pw";
    const auto headers = WebhookHeaders(c, "{}", FromUnixSeconds(1700000001));
    auto find = [&](const std::string& name) {
        for (const auto& [key, value] : headers) {
            if (key == name) {
                return value;
            }
        }
        return std::string("(absent)");
    };
    EXPECT_EQ(find("Idempotency-Key"), "pipecrm-11-3");
    EXPECT_EQ(find("X-PipeCRM-Attempt"), "2");
    EXPECT_EQ(find("X-PipeCRM-Event"), "deal.change");
    EXPECT_EQ(find("Authorization"), "Basic ZXJwOnB3");
    EXPECT_EQ(find("X-PipeCRM-Signature").rfind("t=1700000001,v1=", 0), 0u);

    c.secret.clear();
    c.http_auth_user.clear();
    const auto unsigned_headers = WebhookHeaders(c, "{}", FromUnixSeconds(1700000001));
    for (const auto& [key, value] : unsigned_headers) {
        EXPECT_NE(key, "X-PipeCRM-Signature");
        EXPECT_NE(key, "Authorization");
    }
}

}  // namespace
}  // namespace pipecrm::automation
