// Search over real HTTP: case and Vietnamese diacritics folded, phones in any common form.
#include <set>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using SearchApi = ApiTest;

TEST_F(SearchApi, FoldsAccentsAndMatchesPhones) {
    JsonResponse org =
        Call("POST", "/api/v2/organizations",
             R"({"name":"Công ty Điện Thoại Minh Phát","address":"12 Lê Lợi, Huế"})");
    ASSERT_EQ(org.status, 201);
    JsonResponse person = Call(
        "POST", "/api/v2/persons",
        R"({"name":"Nguyễn Văn A","emails":[{"value":"an@minhphat.vn"}],"phones":[{"value":"0912 345 678"}]})");
    ASSERT_EQ(person.status, 201);
    CreateDeal(R"({"title":"Điện thoại cho đội bán hàng"})");
    ASSERT_EQ(
        Call("POST", "/api/v2/products", R"({"name":"Tổng đài VoIP","code":"VOIP-10"})").status,
        201);

    JsonResponse by_name = Call("GET", "/api/v2/persons/search?term=nguyen+van+a");
    ASSERT_EQ(by_name.status, 200) << by_name.body;
    ASSERT_EQ(by_name.json["data"]["items"].Size(), 1u);
    const auto& hit = by_name.json["data"]["items"][0];
    EXPECT_EQ(hit["result_score"].GetDouble(), 1.0);
    EXPECT_STREQ(hit["item"]["type"].GetString(), "person");
    EXPECT_STREQ(hit["item"]["name"].GetString(), "Nguyễn Văn A");
    EXPECT_TRUE(hit["item"]["organization"].IsNull());

    for (const char* phone : {"%2B84%20912-345-678", "0912345678", "(%2B84)%20912.345.678"}) {
        JsonResponse by_phone = Call("GET", std::string("/api/v2/persons/search?term=") + phone);
        EXPECT_EQ(by_phone.json["data"]["items"].Size(), 1u) << phone << ": " << by_phone.body;
    }
    EXPECT_EQ(Call("GET", "/api/v2/persons/search?term=MINHPHAT.VN").json["data"]["items"].Size(),
              1u)
        << "emails are searched too";

    JsonResponse everything = Call("GET", "/api/v2/itemSearch?term=dien+thoai");
    ASSERT_EQ(everything.status, 200) << everything.body;
    std::set<std::string> types;
    for (const auto& item : everything.json["data"]["items"].GetArray()) {
        types.insert(item["item"]["type"].GetString());
    }
    EXPECT_EQ(types, (std::set<std::string>{"deal", "organization"}));
    JsonResponse deals = Call("GET", "/api/v2/deals/search?term=%C4%90I%E1%BB%86N");
    ASSERT_EQ(deals.json["data"]["items"].Size(), 1u) << deals.body;
    EXPECT_STREQ(deals.json["data"]["items"][0]["item"]["stage"]["name"].GetString(),
                 "Prospecting");
    JsonResponse products = Call("GET", "/api/v2/itemSearch?term=voip&item_types=product");
    EXPECT_EQ(products.json["data"]["items"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/api/v2/itemSearch?term=hue&item_types=organization")
                  .json["data"]["items"]
                  .Size(),
              1u)
        << "addresses are searched";
}

TEST_F(SearchApi, BadTermsNameTheField) {
    JsonResponse short_term = Call("GET", "/api/v2/itemSearch?term=a");
    EXPECT_EQ(short_term.status, 400);
    EXPECT_STREQ(short_term.json["field"].GetString(), "term");
    JsonResponse bad_type = Call("GET", "/api/v2/itemSearch?term=ab&item_types=lead");
    EXPECT_EQ(bad_type.status, 400);
    EXPECT_STREQ(bad_type.json["field"].GetString(), "item_types");
    JsonResponse wildcard = Call("GET", "/api/v2/itemSearch?term=%25%25");
    EXPECT_EQ(wildcard.status, 200);
    EXPECT_EQ(wildcard.json["data"]["items"].Size(), 0u) << "% is searched for, not a wildcard";
}

}  // namespace
}  // namespace pipecrm::testing
