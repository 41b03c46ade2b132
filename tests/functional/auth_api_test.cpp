// Authentication and error envelopes over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using AuthApi = ApiTest;

TEST_F(AuthApi, HealthNeedsNoToken) {
    JsonResponse response = CallWithToken("", "GET", "/healthz");
    EXPECT_EQ(response.status, 200);
    EXPECT_STREQ(response.json["status"].GetString(), "ok");
}

TEST_F(AuthApi, OpenApiDocumentNeedsNoToken) {
    JsonResponse response = CallWithToken("", "GET", "/api/openapi.json");
    ASSERT_EQ(response.status, 200);
    EXPECT_STREQ(response.json["openapi"].GetString(), "3.1.0");
    EXPECT_TRUE(response.json["paths"].HasMember("/api/v2/deals/{id}"));
}

TEST_F(AuthApi, MissingTokenIs401WithEnvelope) {
    JsonResponse response = CallWithToken("", "GET", "/api/v2/deals");
    EXPECT_EQ(response.status, 401);
    EXPECT_FALSE(response.json["success"].GetBool());
    EXPECT_EQ(response.json["errorCode"].GetInt(), 401);
    EXPECT_TRUE(response.json["error"].IsString());
}

TEST_F(AuthApi, WrongTokenIs401) {
    JsonResponse response = CallWithToken(std::string(40, 'a'), "GET", "/api/v2/deals");
    EXPECT_EQ(response.status, 401);
    EXPECT_STREQ(response.json["code"].GetString(), "unauthenticated");
}

TEST_F(AuthApi, TokenInQueryStringWorks) {
    JsonResponse response = CallWithToken("", "GET", "/api/v2/deals?api_token=" + token_);
    EXPECT_EQ(response.status, 200) << response.body;
}

TEST_F(AuthApi, BearerTokenWorks) {
    auto result =
        client_->Send("GET", "/api/v1/users/me", "", {{"Authorization", "Bearer " + token_}});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, 200) << result->body;
}

TEST_F(AuthApi, UsersMeDescribesTheTokenOwner) {
    for (const char* path : {"/api/v1/users/me", "/v1/users/me"}) {
        JsonResponse response = Call("GET", path);
        ASSERT_EQ(response.status, 200) << response.body;
        const auto& me = response.json["data"];
        EXPECT_STREQ(me["email"].GetString(), "admin@example.com");
        EXPECT_TRUE(me["is_you"].GetBool());
        EXPECT_TRUE(me["access"][0]["admin"].GetBool());
        EXPECT_STREQ(me["default_currency"].GetString(), "VND");
    }
}

TEST_F(AuthApi, UnknownRouteIs404Json) {
    JsonResponse response = Call("GET", "/api/v2/nothing-here");
    EXPECT_EQ(response.status, 404);
    EXPECT_FALSE(response.json["success"].GetBool());
}

TEST_F(AuthApi, MalformedJsonIs400) {
    JsonResponse response = Call("POST", "/api/v2/deals", "{\"title\": ");
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(std::string(response.json["error"].GetString()).find("not valid JSON"),
              std::string::npos);
}

TEST_F(AuthApi, OversizedBodyIs413AndServerStaysUp) {
    std::string huge = "{\"title\":\"" + std::string(5 * 1024 * 1024, 'x') + "\"}";
    auto result = client_->Send("POST", "/api/v2/deals", huge, {{"x-api-token", token_}});
    if (result.ok()) {
        EXPECT_EQ(result->status, 413);
    }
    HttpClient fresh("127.0.0.1", server_->port());
    auto health = fresh.Send("GET", "/healthz");
    ASSERT_TRUE(health.ok());
    EXPECT_EQ(health->status, 200);
}

TEST_F(AuthApi, AccessLogHasOneLinePerRequestAndNoToken) {
    CallWithToken("", "GET", "/api/v2/deals?api_token=" + token_);
    Call("GET", "/healthz");
    server_->Signal(SIGTERM);
    EXPECT_EQ(server_->Wait(), 0) << "graceful shutdown exits 0";
    const std::string log = server_->Log();
    EXPECT_NE(log.find("\"GET /api/v2/deals\" 200"), std::string::npos) << log;
    EXPECT_NE(log.find("\"GET /healthz\" 200"), std::string::npos) << log;
    EXPECT_EQ(log.find(token_), std::string::npos) << "the token leaked into the log";
}

}  // namespace
}  // namespace pipecrm::testing
