// v2 deal products over real HTTP: lines, sums, and the deal value that follows them.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using DealProductsApi = ApiTest;

TEST_F(DealProductsApi, LinesSetTheDealValue) {
    JsonResponse product =
        Call("POST", "/api/v2/products",
             R"({"name":"Đào tạo","prices":[{"price":8000000,"currency":"VND"}]})");
    ASSERT_EQ(product.status, 201);
    const std::string product_id = std::to_string(product.json["data"]["id"].GetInt());
    const auto deal_id = CreateDeal(R"({"title":"Đào tạo đội bán hàng","value":1})");
    const std::string base = "/api/v2/deals/" + std::to_string(deal_id) + "/products";

    JsonResponse line = Call(
        "POST", base,
        R"({"product_id":)" + product_id +
            R"(,"item_price":8000000,"quantity":3,"discount":10,"tax":10,"tax_method":"exclusive"})");
    ASSERT_EQ(line.status, 201) << line.body;
    // 8,000,000 × 3 = 24,000,000; less 10% = 21,600,000; plus 10% tax = 23,760,000.
    EXPECT_EQ(line.json["data"]["sum"].GetInt64(), 23760000);
    EXPECT_STREQ(line.json["data"]["name"].GetString(), "Đào tạo");
    EXPECT_EQ(
        Call("GET", "/api/v2/deals/" + std::to_string(deal_id)).json["data"]["value"].GetInt64(),
        23760000);

    const std::string line_path = base + "/" + std::to_string(line.json["data"]["id"].GetInt());
    JsonResponse changed =
        Call("PATCH", line_path, R"({"quantity":1,"discount":0,"tax_method":"none"})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json["data"]["sum"].GetInt64(), 8000000);
    EXPECT_EQ(
        Call("GET", "/api/v2/deals/" + std::to_string(deal_id)).json["data"]["value"].GetInt64(),
        8000000);
    ASSERT_EQ(Call("GET", base).json["data"].Size(), 1u);

    EXPECT_EQ(Call("DELETE", line_path).status, 200);
    EXPECT_EQ(Call("GET", base).json["data"].Size(), 0u);
    EXPECT_EQ(
        Call("GET", "/api/v2/deals/" + std::to_string(deal_id)).json["data"]["value"].GetInt64(),
        8000000)
        << "with no lines left the value stays as it was";
    EXPECT_EQ(Call("DELETE", line_path).status, 404);
}

TEST_F(DealProductsApi, BadInputNamesTheField) {
    JsonResponse product = Call("POST", "/api/v2/products", R"({"name":"X"})");
    const std::string product_id = std::to_string(product.json["data"]["id"].GetInt());
    const std::string base =
        "/api/v2/deals/" + std::to_string(CreateDeal(R"({"title":"x"})")) + "/products";
    struct Case {
        std::string body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"item_price":1,"quantity":1})", "product_id"},
        {R"({"product_id":999,"item_price":1,"quantity":1})", "product_id"},
        {R"({"product_id":)" + product_id + R"(,"quantity":1})", "item_price"},
        {R"({"product_id":)" + product_id + R"(,"item_price":1.5,"quantity":1})", "item_price"},
        {R"({"product_id":)" + product_id + R"(,"item_price":1,"quantity":0})", "quantity"},
        {R"({"product_id":)" + product_id + R"(,"item_price":1,"quantity":1,"discount":120})",
         "discount"},
        {R"({"product_id":)" + product_id + R"(,"item_price":1,"quantity":1,"tax_method":"vat"})",
         "tax_method"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", base, c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", base).json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/deals/999/products").status, 404);
}

}  // namespace
}  // namespace pipecrm::testing
