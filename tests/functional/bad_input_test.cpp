// Hostile and broken input: the server answers 4xx with the JSON error body, keeps running,
// and changes nothing.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using BadInput = ApiTest;

TEST_F(BadInput, IsRefusedWithoutHarm) {
    const std::string nested_deep = std::string(200000, '[') + std::string(200000, ']');
    const std::string invalid_utf8 = "{\"title\":\"\xff\xfe bad\"}";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"deeply nested", nested_deep},
        {"invalid UTF-8", invalid_utf8},
        {"huge number", R"({"title":"x","value":1e400})"},
        {"huge integer", R"({"title":"x","value":123456789012345678901234567890})"},
        {"too many decimals", R"({"title":"x","value":1e-30,"currency":"USD"})"},
        {"not an object", R"(["title","x"])"},
        {"truncated", R"({"title":"x")"},
        {"form encoded", "title=x&value=10"},
        {"null id", R"({"title":"x","stage_id":null})"},
        {"negative id", R"({"title":"x","stage_id":-1})"},
        {"float id", R"({"title":"x","stage_id":1.5})"},
        {"string id", R"({"title":"x","owner_id":"1"})"},
    };
    for (const auto& [name, body] : cases) {
        JsonResponse response = Call("POST", "/api/v2/deals", body);
        EXPECT_EQ(response.status, 400) << name << ": " << response.body.substr(0, 200);
        EXPECT_FALSE(response.json.HasParseError()) << name;
    }
    for (const char* path :
         {"/api/v2/deals/-1", "/api/v2/deals/0", "/api/v2/deals/1e3",
          "/api/v2/deals/99999999999999999999", "/api/v2/deals/%27%20OR%201=1"}) {
        EXPECT_EQ(Call("GET", path).status, 404) << path;
    }
    EXPECT_EQ(Call("GET", "/api/v2/deals").json["data"].Size(), 0u) << "nothing was created";
    EXPECT_EQ(Call("GET", "/healthz").status, 200) << "the server is still up";
}

TEST_F(BadInput, SqlMetacharactersAreJustText) {
    const std::string title = R"(Robert'); DROP TABLE deals;-- "quoted" \ %_)";
    JsonResponse created = Call("POST", "/api/v2/deals",
                                R"({"title":"Robert'); DROP TABLE deals;-- \"quoted\" \\ %_"})");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json["data"]["title"].GetString(), title);
    JsonResponse person = Call("POST", "/api/v2/persons", R"({"name":"x' OR '1'='1"})");
    ASSERT_EQ(person.status, 201);
    EXPECT_EQ(Call("GET", "/api/v2/persons?ids=1").json["data"].Size(), 1u);
    JsonResponse list = Call("GET", "/api/v2/deals");
    ASSERT_EQ(list.json["data"].Size(), 1u);
    EXPECT_EQ(list.json["data"][0]["title"].GetString(), title);
}

}  // namespace
}  // namespace pipecrm::testing
