// v2 products over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using ProductsApi = ApiTest;

TEST_F(ProductsApi, CreateWithPricesUpdateAndDelete) {
    JsonResponse created = Call(
        "POST", "/api/v2/products",
        R"({"name":"Phần mềm CRM - gói Cơ bản","code":"CRM-BASIC","unit":"gói","tax":10,)"
        R"("prices":[{"price":12000000,"currency":"VND","cost":6000000},{"price":499.99,"currency":"usd"}]})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& product = created.json["data"];
    EXPECT_STREQ(product["code"].GetString(), "CRM-BASIC");
    EXPECT_EQ(product["tax"].GetDouble(), 10.0);
    ASSERT_EQ(product["prices"].Size(), 2u);
    EXPECT_EQ(product["prices"][0]["price"].GetInt64(), 12000000);
    EXPECT_EQ(product["prices"][0]["cost"].GetInt64(), 6000000);
    EXPECT_STREQ(product["prices"][1]["currency"].GetString(), "USD");
    EXPECT_DOUBLE_EQ(product["prices"][1]["price"].GetDouble(), 499.99);

    const std::string path = "/api/v2/products/" + std::to_string(product["id"].GetInt());
    JsonResponse updated =
        Call("PATCH", path, R"({"prices":[{"price":15000000,"currency":"VND"}]})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(updated.json["data"]["prices"].Size(), 1u);
    EXPECT_STREQ(updated.json["data"]["name"].GetString(), "Phần mềm CRM - gói Cơ bản");
    EXPECT_EQ(Call("GET", "/api/v2/products").json["data"].Size(), 1u);
    EXPECT_EQ(Call("DELETE", path).status, 200);
    EXPECT_EQ(Call("GET", path).status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/products").json["data"].Size(), 0u);
}

TEST_F(ProductsApi, BadInputNamesTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"code":"X"})", "name"},
        {R"({"name":"X","tax":150})", "tax"},
        {R"({"name":"X","prices":[{"price":10.5,"currency":"VND"}]})", "prices"},
        {R"({"name":"X","prices":[{"price":1,"currency":"XYZ"}]})", "prices"},
        {R"({"name":"X","prices":[{"price":1,"currency":"USD"},{"price":2,"currency":"usd"}]})",
         "prices"},
        {R"({"name":"X","prices":[{"price":"1","currency":"USD"}]})", "prices"},
        {R"({"name":"X","prices":[{"currency":"USD"}]})", "prices"},
        {R"({"name":"X","prices":"cheap"})", "prices"},
        {R"({"name":"X","stock":5})", "stock"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v2/products", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", "/api/v2/products").json["data"].Size(), 0u);
}

}  // namespace
}  // namespace pipecrm::testing
