#include "http/web_app.hpp"

#include <gtest/gtest.h>

#include <array>

namespace pipecrm::http {
namespace {

const std::array<WebAsset, 2> kAssets = {{
    {"/assets/main-ABC.js", "text/javascript; charset=utf-8", "\"js1\"", "console.log(1)"},
    {"/index.html", "text/html; charset=utf-8", "\"html1\"", "<div id=app></div>"},
}};

Request Get(std::string path) {
    Request request;
    request.method = "GET";
    request.path = std::move(path);
    request.target = request.path;
    return request;
}

std::string HeaderOf(const Response& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return "";
}

TEST(WebApp, ServesHashedAssetsForAYear) {
    WebApp web(kAssets);
    auto response = web.Serve(Get("/assets/main-ABC.js"));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "console.log(1)");
    EXPECT_EQ(response->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(HeaderOf(*response, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(HeaderOf(*response, "ETag"), "\"js1\"");
}

TEST(WebApp, AnswersAppRoutesWithIndexThatIsRevalidated) {
    WebApp web(kAssets);
    for (const char* path : {"/", "/board", "/deals/12", "/index.html", "/settings/stages"}) {
        auto response = web.Serve(Get(path));
        ASSERT_TRUE(response) << path;
        EXPECT_EQ(response->body, "<div id=app></div>") << path;
        EXPECT_EQ(HeaderOf(*response, "Cache-Control"), "no-cache") << path;
        EXPECT_NE(HeaderOf(*response, "Content-Security-Policy"), "") << path;
    }
}

TEST(WebApp, LeavesApiPathsOtherMethodsAndUnknownAssetsToTheApi) {
    WebApp web(kAssets);
    for (const char* path : {"/api", "/api/v2/deals", "/api/nothing", "/v1/users/me", "/healthz",
                             "/assets/main-OLD.js"}) {
        EXPECT_FALSE(web.Serve(Get(path))) << path;
    }
    Request post = Get("/board");
    post.method = "POST";
    EXPECT_FALSE(web.Serve(post));
}

TEST(WebApp, AnswersNotModifiedWhenTheETagMatches) {
    WebApp web(kAssets);
    Request request = Get("/board");
    request.headers.emplace_back("if-none-match", "\"html1\"");
    auto response = web.Serve(request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 304);
    EXPECT_EQ(response->body, "");
    request.headers.back().second = "\"other\"";
    EXPECT_EQ(web.Serve(request)->status, 200);
}

TEST(WebApp, RefusesAnAppWithoutIndex) {
    const std::array<WebAsset, 1> only_script = {kAssets[0]};
    EXPECT_THROW(WebApp{only_script}, std::invalid_argument);
}

}  // namespace
}  // namespace pipecrm::http
