// Search over real HTTP: case and Vietnamese diacritics folded, phones in any common form.
#include <set>
#include <string>
#include <vector>

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

// The names of the items found, best first.
std::vector<std::string> Names(const JsonResponse& response) {
    std::vector<std::string> names;
    for (const auto& item : response.json["data"]["items"].GetArray()) {
        const auto& found = item["item"];
        names.push_back(found.HasMember("title") ? found["title"].GetString()
                                                 : found["name"].GetString());
    }
    return names;
}

TEST_F(SearchApi, ExactMatchAndFieldsNarrowTheSearch) {
    ASSERT_EQ(Call("POST", "/api/v2/persons",
                   R"({"name":"Lê An","emails":[{"value":"le.an@saoviet.vn"}]})")
                  .status,
              201);
    ASSERT_EQ(Call("POST", "/api/v2/persons", R"({"name":"Lê Anh Tuấn"})").status, 201);
    ASSERT_EQ(
        Call("POST", "/api/v2/organizations", R"({"name":"An","address":"Lê Lợi, Huế"})").status,
        201);
    ASSERT_EQ(Call("POST", "/api/v2/products", R"({"name":"Gói An toàn","code":"AN"})").status,
              201);

    EXPECT_EQ(Names(Call("GET", "/api/v2/persons/search?term=le+an")),
              (std::vector<std::string>{"Lê An", "Lê Anh Tuấn"}))
        << "the whole name first, then the prefix";
    EXPECT_EQ(Names(Call("GET", "/api/v2/persons/search?term=LE+AN&exact_match=true")),
              (std::vector<std::string>{"Lê An"}));
    EXPECT_EQ(Names(Call("GET", "/api/v2/itemSearch?term=an&exact_match=true")),
              (std::vector<std::string>{"An", "Gói An toàn"}))
        << "the organization named An and the product coded AN";
    EXPECT_EQ(Names(Call("GET", "/api/v2/itemSearch?term=a&exact_match=true")).size(), 0u)
        << "one character is enough with exact_match";
    EXPECT_EQ(Names(Call("GET", "/api/v2/persons/search?term=saoviet&fields=name")).size(), 0u);
    EXPECT_EQ(Names(Call("GET", "/api/v2/persons/search?term=saoviet&fields=email")),
              (std::vector<std::string>{"Lê An"}));
    EXPECT_EQ(Names(Call("GET", "/api/v2/itemSearch?term=le+loi&fields=name,title")).size(), 0u);
    EXPECT_EQ(Names(Call("GET", "/api/v2/itemSearch?term=le+loi&fields=address")),
              (std::vector<std::string>{"An"}));

    JsonResponse priced =
        Call("POST", "/api/v2/products",
             R"({"name":"Gói giá","prices":[{"price":1200000,"currency":"VND"}]})");
    ASSERT_EQ(priced.status, 201) << priced.body;
    JsonResponse with_price = Call(
        "GET", "/api/v2/itemSearch?term=goi+gia&item_types=product&include_fields=product.price");
    ASSERT_EQ(with_price.json["data"]["items"].Size(), 1u) << with_price.body;
    EXPECT_EQ(with_price.json["data"]["items"][0]["item"]["price"].GetDouble(), 1200000.0);
    JsonResponse without = Call("GET", "/api/v2/itemSearch?term=goi+gia&item_types=product");
    EXPECT_FALSE(without.json["data"]["items"][0]["item"].HasMember("price"));
    JsonResponse picture =
        Call("GET", "/api/v2/persons/search?term=le+an&include_fields=person.picture");
    EXPECT_TRUE(picture.json["data"]["items"][0]["item"]["picture"].IsNull()) << picture.body;
    JsonResponse unknown = Call("GET", "/api/v2/itemSearch?term=an&include_fields=deal.title");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_STREQ(unknown.json["field"].GetString(), "include_fields");

    JsonResponse notes = Call("GET", "/api/v2/itemSearch?term=an&fields=notes");
    EXPECT_EQ(notes.status, 400);
    EXPECT_STREQ(notes.json["field"].GetString(), "fields");
    JsonResponse bad_exact = Call("GET", "/api/v2/itemSearch?term=an&exact_match=yes");
    EXPECT_EQ(bad_exact.status, 400);
    EXPECT_STREQ(bad_exact.json["field"].GetString(), "exact_match");
}

TEST_F(SearchApi, RelatedItemsAreTheDealsAndPeopleOfWhatWasFound) {
    JsonResponse org = Call("POST", "/api/v2/organizations", R"({"name":"Hoa Sen Group"})");
    ASSERT_EQ(org.status, 201);
    const std::string org_id = std::to_string(org.json["data"]["id"].GetInt());
    JsonResponse person =
        Call("POST", "/api/v2/persons", R"({"name":"Đặng Thu Thảo","org_id":)" + org_id + "}");
    ASSERT_EQ(person.status, 201);
    const std::string person_id = std::to_string(person.json["data"]["id"].GetInt());
    const auto older = CreateDeal(R"({"title":"Older","person_id":)" + person_id + "}");
    const auto newer = CreateDeal(R"({"title":"Newer","person_id":)" + person_id + "}");
    const auto org_deal = CreateDeal(R"({"title":"For the group","org_id":)" + org_id + "}");

    auto related_of = [&](const std::string& query) {
        JsonResponse found = Call("GET", "/api/v2/itemSearch?" + query);
        EXPECT_EQ(found.status, 200) << found.body;
        std::vector<std::pair<std::string, std::int64_t>> related;
        for (const auto& hit : found.json["data"]["related_items"].GetArray()) {
            related.emplace_back(hit["item"]["type"].GetString(), hit["item"]["id"].GetInt64());
        }
        return related;
    };
    using Related = std::vector<std::pair<std::string, std::int64_t>>;
    EXPECT_EQ(related_of("term=thu+thao&item_types=person&search_for_related_items=true"),
              (Related{{"deal", newer}, {"deal", older}}))
        << "the person's deals, newest first";
    EXPECT_EQ(related_of("term=hoa+sen&item_types=organization&search_for_related_items=true"),
              (Related{{"deal", org_deal}, {"person", std::stoll(person_id)}}));
    EXPECT_TRUE(related_of("term=hoa+sen&item_types=organization").empty())
        << "only when asked for";
    JsonResponse bad = Call("GET", "/api/v2/itemSearch?term=hoa&search_for_related_items=1");
    EXPECT_EQ(bad.status, 400);
    EXPECT_STREQ(bad.json["field"].GetString(), "search_for_related_items");
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
