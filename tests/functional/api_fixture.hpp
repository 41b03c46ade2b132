// A real pipecrm server on a fresh database, and a client that speaks JSON to it.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>

#include "support/http_client.hpp"
#include "support/process.hpp"

namespace pipecrm::testing {

struct JsonResponse {
    int status = 0;
    rapidjson::Document json;
    std::string body;
};

/// Parses a response body; a test failure when it is not JSON.
JsonResponse ToJsonResponse(const HttpResult& result);

class ApiTest : public ::testing::Test {
  protected:
    void SetUp() override;

    JsonResponse Call(const std::string& method,
                      const std::string& target,
                      const std::string& body = {});
    JsonResponse CallWithToken(const std::string& token,
                               const std::string& method,
                               const std::string& target,
                               const std::string& body = {});
    /// Creates a deal and returns its id (the test fails when creation fails).
    std::int64_t CreateDeal(const std::string& body);

    TempDir dir_;
    std::string db_;
    std::string token_;
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<HttpClient> client_;
};

}  // namespace pipecrm::testing
