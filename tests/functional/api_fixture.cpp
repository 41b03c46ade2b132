#include "functional/api_fixture.hpp"

#include "support/test_database.hpp"

namespace pipecrm::testing {

JsonResponse ToJsonResponse(const HttpResult& result) {
    JsonResponse response;
    response.status = result.status;
    response.body = result.body;
    response.json.Parse(result.body.c_str());
    EXPECT_FALSE(response.json.HasParseError()) << "not JSON: " << result.body;
    return response;
}

void ApiTest::SetUp() {
    db_ = NewTestDatabase(dir_);
    ASSERT_FALSE(db_.empty());
    token_ = InitDatabaseWithToken(db_);
    server_ = std::make_unique<ServerProcess>(db_);
    ASSERT_TRUE(server_->started());
    client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
}

JsonResponse ApiTest::CallWithToken(const std::string& token,
                                    const std::string& method,
                                    const std::string& target,
                                    const std::string& body) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!token.empty()) {
        headers.emplace_back("x-api-token", token);
    }
    auto result = client_->Send(method, target, body, headers);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) {
        return {};
    }
    return ToJsonResponse(*result);
}

JsonResponse ApiTest::Call(const std::string& method,
                           const std::string& target,
                           const std::string& body) {
    return CallWithToken(token_, method, target, body);
}

std::int64_t ApiTest::CreateDeal(const std::string& body) {
    JsonResponse response = Call("POST", "/api/v2/deals", body);
    EXPECT_EQ(response.status, 201) << response.body;
    if (response.status != 201) {
        return 0;
    }
    return response.json["data"]["id"].GetInt64();
}

}  // namespace pipecrm::testing
