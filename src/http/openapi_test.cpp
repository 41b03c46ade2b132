// The OpenAPI document and the route table describe the same API: every route the server
// registers is in the document, and the document promises no route the server lacks.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>
#include <string>

#include "auth/authenticator.hpp"
#include "http/api.hpp"

namespace pipecrm::http {
namespace {

// Routes are registered without touching storage; this store is never called.
class UnusedStore final : public domain::Store {
  public:
    Status Read(const domain::StoreJob&) override { return Internal("unused in this test"); }
    void Write(domain::StoreJob, domain::WriteDone done) override {
        done(Internal("unused in this test"));
    }
    Result<std::uint64_t> DataVersion() override { return Internal("unused in this test"); }
};

std::string Lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

TEST(OpenApi, DocumentAndRouteTableAgree) {
    rapidjson::Document doc;
    const std::string_view text = OpenApiDocument();
    doc.Parse(text.data(), text.size());
    ASSERT_FALSE(doc.HasParseError());
    ASSERT_TRUE(doc.HasMember("paths"));

    UnusedStore store;
    SystemClock clock;
    auth::Authenticator authenticator(store, clock);
    auth::SessionManager sessions(store, clock, {}, {}, nullptr);
    Api api({store, authenticator, sessions, clock});

    std::set<std::string> served;
    for (const Route& route : api.router().routes()) {
        const std::string key = Lower(route.method) + " " + route.pattern;
        served.insert(key);
        const auto path = doc["paths"].FindMember(route.pattern.c_str());
        ASSERT_NE(path, doc["paths"].MemberEnd()) << route.pattern << " is not in openapi.json";
        EXPECT_TRUE(path->value.HasMember(Lower(route.method).c_str()))
            << key << " is not in openapi.json";
    }
    for (const auto& path : doc["paths"].GetObject()) {
        for (const auto& operation : path.value.GetObject()) {
            const std::string key =
                std::string(operation.name.GetString()) + " " + path.name.GetString();
            EXPECT_TRUE(served.count(key)) << key << " is documented but not served";
        }
    }
}

TEST(OpenApi, EveryOperationDocumentsItsErrors) {
    rapidjson::Document doc;
    const std::string_view text = OpenApiDocument();
    doc.Parse(text.data(), text.size());
    for (const auto& path : doc["paths"].GetObject()) {
        for (const auto& operation : path.value.GetObject()) {
            bool has_error = false;
            for (const auto& response : operation.value["responses"].GetObject()) {
                has_error = has_error || response.name.GetString()[0] >= '4';
            }
            EXPECT_TRUE(has_error) << operation.name.GetString() << " " << path.name.GetString();
        }
    }
}

}  // namespace
}  // namespace pipecrm::http
