// v1 webhook registration over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using WebhooksApi = ApiTest;

TEST_F(WebhooksApi, RegisterListAndDeleteWithoutEchoingThePassword) {
    JsonResponse added = Call("POST", "/v1/webhooks",
                              R"({"subscription_url":"https://hooks.example.com/crm",)"
                              R"("event_action":"*","event_object":"deal","name":"ERP",)"
                              R"("http_auth_user":"erp","http_auth_password":"s3cret-pw"})");
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(added.body.find("s3cret-pw"), std::string::npos) << added.body;
    const auto& hook = added.json["data"];
    EXPECT_TRUE(hook["http_auth_password"].IsNull());
    EXPECT_STREQ(hook["http_auth_user"].GetString(), "erp");
    EXPECT_STREQ(hook["version"].GetString(), "2.0");
    EXPECT_EQ(hook["is_active"].GetInt(), 1);
    EXPECT_EQ(hook["user_id"].GetInt(), 1);
    EXPECT_EQ(hook["admin_id"].GetInt(), 1);
    EXPECT_STREQ(hook["type"].GetString(), "general");
    EXPECT_STREQ(hook["event_object"].GetString(), "deal");
    EXPECT_TRUE(hook["remove_time"].IsNull());

    JsonResponse v1 = Call("POST", "/api/v1/webhooks",
                           R"({"subscription_url":"http://127.0.0.1:9/h","event_action":"added",)"
                           R"("event_object":"person","name":"Old","version":"1.0","user_id":1})");
    ASSERT_EQ(v1.status, 201) << v1.body;
    EXPECT_STREQ(v1.json["data"]["event_action"].GetString(), "added");

    JsonResponse listed = Call("GET", "/api/v1/webhooks");
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.json["data"].Size(), 2u);
    EXPECT_EQ(listed.body.find("s3cret-pw"), std::string::npos);

    const std::string path = "/v1/webhooks/" + std::to_string(hook["id"].GetInt());
    JsonResponse deleted = Call("DELETE", path);
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(deleted.json["data"]["id"].GetInt(), hook["id"].GetInt());
    EXPECT_EQ(Call("DELETE", path).status, 404);
    EXPECT_EQ(Call("DELETE", "/v1/webhooks/999").status, 404);
    EXPECT_EQ(Call("GET", "/v1/webhooks").json["data"].Size(), 1u);
    EXPECT_EQ(CallWithToken("", "GET", "/v1/webhooks").status, 401);
}

TEST_F(WebhooksApi, BadInputNamesTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"event_action":"*","event_object":"deal","name":"n"})", "subscription_url"},
        {R"({"subscription_url":"ftp://x.example","event_action":"*","event_object":"deal",)"
         R"("name":"n"})",
         "subscription_url"},
        {R"({"subscription_url":"hooks.example.com/x","event_action":"*","event_object":"deal",)"
         R"("name":"n"})",
         "subscription_url"},
        {R"({"subscription_url":"https://","event_action":"*","event_object":"deal","name":"n"})",
         "subscription_url"},
        {R"({"subscription_url":"https://x.example","event_action":"explode",)"
         R"("event_object":"deal","name":"n"})",
         "event_action"},
        {R"({"subscription_url":"https://x.example","event_action":"*","event_object":"invoice",)"
         R"("name":"n"})",
         "event_object"},
        {R"({"subscription_url":"https://x.example","event_action":"*","event_object":"deal"})",
         "name"},
        {R"({"subscription_url":"https://x.example","event_action":"*","event_object":"deal",)"
         R"("name":"n","version":"3.0"})",
         "version"},
        {R"({"subscription_url":"https://x.example","event_action":"*","event_object":"deal",)"
         R"("name":"n","user_id":999})",
         "user_id"},
        {R"({"subscription_url":"https://x.example","event_action":"*","event_object":"deal",)"
         R"("name":"n","colour":"red"})",
         "colour"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/v1/webhooks", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", "/v1/webhooks").json["data"].Size(), 0u);
}

}  // namespace
}  // namespace pipecrm::testing
