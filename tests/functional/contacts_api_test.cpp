// v2 persons and organizations over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using ContactsApi = ApiTest;

TEST_F(ContactsApi, CreatePersonWithEmailsAndPhones) {
    JsonResponse org =
        Call("POST", "/api/v2/organizations",
             R"({"name":"Công ty TNHH Minh Phát","address":{"value":"12 Lê Lợi, Huế"}})");
    ASSERT_EQ(org.status, 201) << org.body;
    const int org_id = org.json["data"]["id"].GetInt();
    EXPECT_STREQ(org.json["data"]["address"]["value"].GetString(), "12 Lê Lợi, Huế");

    JsonResponse person = Call(
        "POST", "/api/v2/persons",
        R"({"name":"Nguyễn Văn An","org_id":)" + std::to_string(org_id) +
            R"(,"emails":[{"value":" An.Nguyen@MinhPhat.vn ","label":"work"},{"value":"an@gmail.com","label":"home","primary":true}],)"
            R"("phones":[{"value":"0912 345 678"}]})");
    ASSERT_EQ(person.status, 201) << person.body;
    const auto& data = person.json["data"];
    EXPECT_STREQ(data["name"].GetString(), "Nguyễn Văn An");
    EXPECT_STREQ(data["first_name"].GetString(), "Nguyễn");
    EXPECT_EQ(data["org_id"].GetInt(), org_id);
    EXPECT_EQ(data["owner_id"].GetInt(), 1);
    ASSERT_EQ(data["emails"].Size(), 2u);
    EXPECT_STREQ(data["emails"][0]["value"].GetString(), "an.nguyen@minhphat.vn");
    EXPECT_FALSE(data["emails"][0]["primary"].GetBool());
    EXPECT_TRUE(data["emails"][1]["primary"].GetBool());
    EXPECT_STREQ(data["phones"][0]["label"].GetString(), "mobile");
    EXPECT_TRUE(data["phones"][0]["primary"].GetBool());

    JsonResponse fetched = Call("GET", "/api/v2/persons/" + std::to_string(data["id"].GetInt()));
    ASSERT_EQ(fetched.status, 200);
    EXPECT_EQ(fetched.json["data"]["emails"].Size(), 2u);

    // A deal can now name both.
    const auto deal_id =
        CreateDeal(R"({"title":"Phần mềm CRM","person_id":)" + std::to_string(data["id"].GetInt()) +
                   R"(,"org_id":)" + std::to_string(org_id) + "}");
    EXPECT_GT(deal_id, 0);
}

TEST_F(ContactsApi, UpdateReplacesContactsAndDeleteHides) {
    JsonResponse person =
        Call("POST", "/api/v2/persons",
             R"({"name":"Emily Carter","emails":[{"value":"emily@example.com"}]})");
    ASSERT_EQ(person.status, 201);
    const std::string path =
        "/api/v2/persons/" + std::to_string(person.json["data"]["id"].GetInt());
    JsonResponse updated = Call(
        "PATCH", path,
        R"({"name":"Emily Carter-Nguyen","emails":[],"phones":[{"value":"+84 912 000 111","label":"work"}]})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_STREQ(updated.json["data"]["name"].GetString(), "Emily Carter-Nguyen");
    EXPECT_EQ(updated.json["data"]["emails"].Size(), 0u);
    EXPECT_EQ(updated.json["data"]["phones"].Size(), 1u);

    EXPECT_EQ(Call("DELETE", path).status, 200);
    EXPECT_EQ(Call("GET", path).status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/persons").json["data"].Size(), 0u);
    JsonResponse deal = Call(
        "POST", "/api/v2/deals",
        R"({"title":"x","person_id":)" + std::to_string(person.json["data"]["id"].GetInt()) + "}");
    EXPECT_EQ(deal.status, 400) << "a deleted person cannot be linked";
}

TEST_F(ContactsApi, BadInputNamesTheField) {
    struct Case {
        const char* path;
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {"/api/v2/persons", R"({"emails":[]})", "name"},
        {"/api/v2/persons", R"({"name":" "})", "name"},
        {"/api/v2/persons", R"({"name":"A","emails":[{"value":"not-an-email"}]})", "emails"},
        {"/api/v2/persons", R"({"name":"A","emails":"a@b.c"})", "emails"},
        {"/api/v2/persons", R"({"name":"A","phones":[{"value":"1","label":"fax"}]})", "phones"},
        {"/api/v2/persons", R"({"name":"A","org_id":999})", "org_id"},
        {"/api/v2/persons", R"({"name":"A","owner_id":999})", "owner_id"},
        {"/api/v2/persons", R"({"name":"A","visible_to":4})", "visible_to"},
        {"/api/v2/organizations", R"({"address":"x"})", "name"},
        {"/api/v2/organizations", R"({"name":"X","address":5})", "address"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", c.path, c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", "/api/v2/persons").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/organizations").json["data"].Size(), 0u);
}

TEST_F(ContactsApi, ListsFilterAndPage) {
    JsonResponse org = Call("POST", "/api/v2/organizations", R"({"name":"Acme"})");
    const std::string org_id = std::to_string(org.json["data"]["id"].GetInt());
    for (int i = 0; i < 7; ++i) {
        std::string body = R"({"name":"Person )" + std::to_string(i) + "\"";
        if (i % 2 == 0) {
            body += R"(,"org_id":)" + org_id;
        }
        ASSERT_EQ(Call("POST", "/api/v2/persons", body + "}").status, 201);
    }
    EXPECT_EQ(Call("GET", "/api/v2/persons?org_id=" + org_id).json["data"].Size(), 4u);
    JsonResponse page = Call("GET", "/api/v2/persons?limit=5");
    EXPECT_EQ(page.json["data"].Size(), 5u);
    ASSERT_TRUE(page.json["additional_data"]["next_cursor"].IsString());
    JsonResponse rest = Call("GET", std::string("/api/v2/persons?limit=5&cursor=") +
                                        page.json["additional_data"]["next_cursor"].GetString());
    EXPECT_EQ(rest.json["data"].Size(), 2u);
    EXPECT_TRUE(rest.json["additional_data"]["next_cursor"].IsNull());
    EXPECT_EQ(Call("GET", "/api/v2/organizations?owner_id=1").json["data"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/api/v2/persons?org_id=x").status, 400);
}

}  // namespace
}  // namespace pipecrm::testing
