#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace pipecrm::http {
namespace {

Response Body(std::string body) {
    Response response;
    response.content_type = "";
    response.body = std::move(body);
    return response;
}

TEST(ResponseCache, ServesAnEntryOnlyAtTheVersionItWasReadAt) {
    ResponseCache cache(1000);
    cache.Insert("k", 7, Body("seven"));
    auto hit = cache.Find("k", 7);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->body, "seven");
    EXPECT_FALSE(cache.Find("k", 8)) << "something was committed since";
    EXPECT_FALSE(cache.Find("other", 7));
    cache.Insert("k", 8, Body("eight"));
    EXPECT_EQ(cache.Find("k", 8)->body, "eight");
    EXPECT_FALSE(cache.Find("k", 7));
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits, 2u);
    EXPECT_EQ(stats.misses, 3u);
    EXPECT_EQ(stats.entries, 1u);
}

TEST(ResponseCache, DropsTheLeastRecentlyUsedBeyondItsBudget) {
    ResponseCache cache(30);                  // key + body bytes
    cache.Insert("a", 1, Body("123456789"));  // 10 bytes
    cache.Insert("b", 1, Body("123456789"));
    cache.Insert("c", 1, Body("123456789"));
    ASSERT_TRUE(cache.Find("a", 1));  // a is now the most recent
    cache.Insert("d", 1, Body("123456789"));
    EXPECT_TRUE(cache.Find("a", 1));
    EXPECT_FALSE(cache.Find("b", 1)) << "the least recently used";
    EXPECT_TRUE(cache.Find("c", 1));
    EXPECT_TRUE(cache.Find("d", 1));
    EXPECT_EQ(cache.stats().bytes, 30u);

    cache.Insert("huge", 1, Body(std::string(100, 'x')));
    EXPECT_FALSE(cache.Find("huge", 1)) << "larger than the whole budget";
    EXPECT_EQ(cache.stats().entries, 3u);
}

}  // namespace
}  // namespace pipecrm::http
