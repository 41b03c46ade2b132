// The browser app served by the real binary: pages, hashed bundles, caching, and the API
// paths left alone.
#include <string>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class WebAppServing : public ApiTest {
  protected:
    HttpResult Get(const std::string& target,
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        auto result = client_->Send("GET", target, {}, headers);
        EXPECT_TRUE(result.ok()) << result.status().message();
        return result.ok() ? *result : HttpResult{};
    }

    // The first /assets/ path index.html names after `attribute="`.
    static std::string AssetAfter(const std::string& html, const std::string& attribute) {
        const auto at = html.find(attribute + "=\"/assets/");
        if (at == std::string::npos) {
            return "";
        }
        const auto begin = at + attribute.size() + 2;
        return html.substr(begin, html.find('"', begin) - begin);
    }
};

TEST_F(WebAppServing, RootAndAppRoutesAnswerTheSameUncachedPage) {
    HttpResult root = Get("/");
    ASSERT_EQ(root.status, 200);
    EXPECT_EQ(*root.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(root.body.find("<div id=\"app\">"), std::string::npos);
    EXPECT_EQ(*root.Header("cache-control"), "no-cache");
    ASSERT_NE(root.Header("etag"), nullptr);
    for (const char* path : {"/board", "/deals/1", "/persons?term=x", "/settings"}) {
        HttpResult page = Get(path);
        EXPECT_EQ(page.status, 200) << path;
        EXPECT_EQ(page.body, root.body) << path;
    }
    HttpResult again = Get("/board", {{"If-None-Match", *root.Header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_EQ(again.body, "");
}

TEST_F(WebAppServing, BundlesAreServedWithTheirTypeAndCachedForAYear) {
    HttpResult root = Get("/");
    const std::string script = AssetAfter(root.body, "src");
    const std::string style = AssetAfter(root.body, "href");
    ASSERT_FALSE(script.empty()) << root.body;
    ASSERT_FALSE(style.empty()) << root.body;
    HttpResult js = Get(script);
    ASSERT_EQ(js.status, 200) << script;
    EXPECT_EQ(*js.Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(*js.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_GT(js.body.size(), 1000u);
    HttpResult css = Get(style);
    ASSERT_EQ(css.status, 200) << style;
    EXPECT_EQ(*css.Header("content-type"), "text/css; charset=utf-8");
}

TEST_F(WebAppServing, ApiPathsAndUnknownBundlesStayJsonErrors) {
    HttpResult missing = Get("/api/v2/nothing-here");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("\"success\":false"), std::string::npos);
    HttpResult old_bundle = Get("/assets/main-GONE.js");
    EXPECT_EQ(old_bundle.status, 404);
    EXPECT_NE(old_bundle.body.find("\"success\":false"), std::string::npos);
    HttpResult health = Get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_NE(health.body.find("\"ok\""), std::string::npos);
    // Without a token the API still refuses; the app page does not leak into it.
    HttpResult deals = Get("/api/v2/deals");
    EXPECT_EQ(deals.status, 401);
}

}  // namespace
}  // namespace pipecrm::testing
