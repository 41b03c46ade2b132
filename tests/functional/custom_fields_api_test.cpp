// Custom fields over real HTTP: definitions under v1's field routes, values in v2's
// custom_fields object and at the top level of v1's deal shape.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class CustomFieldsApi : public ApiTest {
  protected:
    // Creates a field and returns its data object's key (the test fails when creation fails).
    std::string AddField(const std::string& list, const std::string& body) {
        JsonResponse response = Call("POST", "/api/v1/" + list, body);
        EXPECT_EQ(response.status, 201) << body << " -> " << response.body;
        if (response.status != 201) {
            return "";
        }
        last_field_id_ = response.json["data"]["id"].GetInt64();
        return response.json["data"]["key"].GetString();
    }

    void ExpectBadValue(const std::string& path, const std::string& body, const std::string& key) {
        JsonResponse response = Call("POST", path, body);
        EXPECT_EQ(response.status, 400) << body << " -> " << response.body;
        ASSERT_TRUE(response.json.IsObject() && response.json.HasMember("field")) << body;
        EXPECT_EQ(std::string(response.json["field"].GetString()), key) << body;
    }

    std::int64_t last_field_id_ = 0;
};

bool IsHexKey(const std::string& key) {
    return key.size() == 40 && key.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST_F(CustomFieldsApi, DealValuesOfSeveralTypes) {
    const std::string text = AddField("dealFields", R"({"name":"Source","field_type":"varchar"})");
    const std::string amount =
        AddField("dealFields", R"({"name":"Budget","field_type":"monetary"})");
    const std::string when = AddField("dealFields", R"({"name":"Kickoff","field_type":"date"})");
    const std::string score = AddField("dealFields", R"({"name":"Score","field_type":"double"})");
    JsonResponse size = Call("POST", "/api/v1/dealFields",
                             R"({"name":"Size","field_type":"enum","options":["S","M","L"]})");
    ASSERT_EQ(size.status, 201) << size.body;
    const std::string size_key = size.json["data"]["key"].GetString();
    const int medium = size.json["data"]["options"][1]["id"].GetInt();
    EXPECT_STREQ(size.json["data"]["options"][1]["label"].GetString(), "M");
    JsonResponse tags = Call("POST", "/api/v1/dealFields",
                             R"({"name":"Tags","field_type":"set","options":[{"label":"hot"},)"
                             R"({"label":"vip"},{"label":"renewal"}]})");
    ASSERT_EQ(tags.status, 201) << tags.body;
    const std::string tags_key = tags.json["data"]["key"].GetString();
    const int hot = tags.json["data"]["options"][0]["id"].GetInt();
    const int renewal = tags.json["data"]["options"][2]["id"].GetInt();
    EXPECT_TRUE(IsHexKey(text)) << text;
    EXPECT_NE(text, amount);

    const std::string body =
        R"({"title":"Hợp đồng","custom_fields":{")" + text + R"(":"Hội chợ",")" + amount +
        R"(":{"value":1499.99,"currency":"usd"},")" + when + R"(":"2026-03-01",")" + score +
        R"(":4.5,")" + size_key + "\":" + std::to_string(medium) + ",\"" + tags_key + "\":[" +
        std::to_string(hot) + "," + std::to_string(renewal) + "]}}";
    JsonResponse created = Call("POST", "/api/v2/deals", body);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& fields = created.json["data"]["custom_fields"];
    EXPECT_STREQ(fields[text.c_str()].GetString(), "Hội chợ");
    EXPECT_DOUBLE_EQ(fields[amount.c_str()]["value"].GetDouble(), 1499.99);
    EXPECT_STREQ(fields[amount.c_str()]["currency"].GetString(), "USD");
    EXPECT_STREQ(fields[when.c_str()].GetString(), "2026-03-01");
    EXPECT_DOUBLE_EQ(fields[score.c_str()].GetDouble(), 4.5);
    EXPECT_EQ(fields[size_key.c_str()].GetInt(), medium);
    ASSERT_EQ(fields[tags_key.c_str()].Size(), 2u);
    EXPECT_EQ(fields[tags_key.c_str()][1].GetInt(), renewal);

    const std::string path = "/api/v2/deals/" + std::to_string(created.json["data"]["id"].GetInt());
    JsonResponse cleared = Call("PATCH", path, R"({"custom_fields":{")" + text + R"(":null}})");
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(cleared.json["data"]["custom_fields"][text.c_str()].IsNull());
    EXPECT_STREQ(cleared.json["data"]["custom_fields"][when.c_str()].GetString(), "2026-03-01");

    JsonResponse fetched = Call("GET", path);
    EXPECT_TRUE(fetched.json["data"]["custom_fields"][text.c_str()].IsNull());
    EXPECT_EQ(fetched.json["data"]["custom_fields"][size_key.c_str()].GetInt(), medium);

    JsonResponse only = Call("GET", path + "?custom_fields=" + when + "," + score);
    EXPECT_EQ(only.json["data"]["custom_fields"].MemberCount(), 2u) << only.body;
    JsonResponse listed = Call("GET", "/api/v2/deals?custom_fields=" + when);
    ASSERT_EQ(listed.json["data"].Size(), 1u);
    EXPECT_EQ(listed.json["data"][0]["custom_fields"].MemberCount(), 1u);
    EXPECT_STREQ(listed.json["data"][0]["custom_fields"][when.c_str()].GetString(), "2026-03-01");

    // v1 puts the values at the top level under their keys.
    JsonResponse board =
        Call("GET", "/api/v1/stages/" + std::to_string(created.json["data"]["stage_id"].GetInt()) +
                        "/deals");
    ASSERT_EQ(board.status, 200) << board.body;
    const auto& v1 = board.json["data"][0];
    EXPECT_STREQ(v1[when.c_str()].GetString(), "2026-03-01");
    EXPECT_DOUBLE_EQ(v1[amount.c_str()].GetDouble(), 1499.99);
    EXPECT_STREQ(v1[(amount + "_currency").c_str()].GetString(), "USD");
    EXPECT_TRUE(v1[text.c_str()].IsNull());
}

TEST_F(CustomFieldsApi, BadValuesAreRefusedNamingTheKey) {
    const std::string text = AddField("dealFields", R"({"name":"Code","field_type":"varchar"})");
    const std::string number = AddField("dealFields", R"({"name":"N","field_type":"double"})");
    const std::string day = AddField("dealFields", R"({"name":"D","field_type":"date"})");
    const std::string money = AddField("dealFields", R"({"name":"M","field_type":"monetary"})");
    const std::string owner = AddField("dealFields", R"({"name":"U","field_type":"user"})");
    const std::string pick =
        AddField("dealFields", R"({"name":"E","field_type":"enum","options":["a"]})");
    const std::string many =
        AddField("dealFields", R"({"name":"S","field_type":"set","options":["a","b"]})");
    const std::string unknown(40, 'a');
    const struct {
        std::string key;
        std::string value;
    } cases[] = {
        {text, "5"},
        {text, "\"" + std::string(256, 'x') + "\""},
        {number, "\"5\""},
        {day, "\"2026-02-30\""},
        {day, "20260101"},
        {money, "12"},
        {money, R"({"value":1,"currency":"XXX"})"},
        {money, R"({"value":1.5,"currency":"VND"})"},
        {owner, "999"},
        {pick, "999"},
        {pick, "\"1\""},
        {many, "[1,999]"},
        {many, "1"},
        {unknown, "1"},
    };
    for (const auto& c : cases) {
        ExpectBadValue("/api/v2/deals",
                       R"({"title":"x","custom_fields":{")" + c.key + "\":" + c.value + "}}",
                       c.key);
    }
    EXPECT_EQ(Call("GET", "/api/v2/deals").json["data"].Size(), 0u) << "nothing was written";
    JsonResponse not_object = Call("POST", "/api/v2/deals", R"({"title":"x","custom_fields":[]})");
    EXPECT_EQ(not_object.status, 400);
    EXPECT_STREQ(not_object.json["field"].GetString(), "custom_fields");
}

TEST_F(CustomFieldsApi, PersonAndOrganizationValues) {
    const std::string phone = AddField("personFields", R"({"name":"Zalo","field_type":"phone"})");
    const std::string notes =
        AddField("organizationFields", R"({"name":"Notes","field_type":"text"})");
    JsonResponse org = Call("POST", "/api/v2/organizations",
                            R"({"name":"Minh Phát","custom_fields":{")" + notes + R"(":"VIP"}})");
    ASSERT_EQ(org.status, 201) << org.body;
    EXPECT_STREQ(org.json["data"]["custom_fields"][notes.c_str()].GetString(), "VIP");
    const std::string org_id = std::to_string(org.json["data"]["id"].GetInt());
    const std::string org_ref =
        AddField("personFields", R"({"name":"Employer","field_type":"org"})");

    JsonResponse person = Call("POST", "/api/v2/persons",
                               R"({"name":"An","custom_fields":{")" + phone +
                                   R"(":"0912 345 678",")" + org_ref + "\":" + org_id + "}}");
    ASSERT_EQ(person.status, 201) << person.body;
    EXPECT_EQ(person.json["data"]["custom_fields"][org_ref.c_str()].GetInt(),
              org.json["data"]["id"].GetInt());
    const std::string path =
        "/api/v2/persons/" + std::to_string(person.json["data"]["id"].GetInt());
    JsonResponse updated = Call("PATCH", path, R"({"custom_fields":{")" + phone + R"(":null}})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_TRUE(updated.json["data"]["custom_fields"][phone.c_str()].IsNull());
    JsonResponse listed = Call("GET", "/api/v2/persons");
    EXPECT_EQ(listed.json["data"][0]["custom_fields"][org_ref.c_str()].GetInt(),
              org.json["data"]["id"].GetInt());
    // A person field's key means nothing on an organization.
    ExpectBadValue("/api/v2/organizations",
                   R"({"name":"X","custom_fields":{")" + phone + R"(":"1"}})", phone);
    ExpectBadValue("/api/v2/persons", R"({"name":"X","custom_fields":{")" + org_ref + R"(":999}})",
                   org_ref);
}

TEST_F(CustomFieldsApi, FieldListsAndDefinitionChanges) {
    JsonResponse before = Call("GET", "/api/v1/dealFields");
    const auto system_count = before.json["data"].Size();
    const std::string key = AddField(
        "dealFields", R"({"name":"Tier","field_type":"enum","options":["Gold","Silver"]})");
    const std::int64_t id = last_field_id_;
    EXPECT_GT(id, 1000);

    JsonResponse listed = Call("GET", "/v1/dealFields");
    ASSERT_EQ(listed.json["data"].Size(), system_count + 1);
    const auto& field = listed.json["data"][system_count];
    EXPECT_EQ(std::string(field["key"].GetString()), key);
    EXPECT_TRUE(field["edit_flag"].GetBool());
    EXPECT_STREQ(field["field_type"].GetString(), "enum");
    EXPECT_EQ(field["options"].Size(), 2u);
    EXPECT_FALSE(listed.json["data"][0]["edit_flag"].GetBool());
    EXPECT_EQ(Call("GET", "/api/v1/personFields").json["data"].Size(),
              Call("GET", "/api/v1/personFields?limit=500").json["data"].Size());

    const std::string path = "/api/v1/dealFields/" + std::to_string(id);
    EXPECT_EQ(Call("GET", path).status, 200);
    EXPECT_EQ(Call("GET", "/api/v1/dealFields/2").json["data"]["key"].GetString(),
              std::string("title"));
    EXPECT_EQ(Call("GET", "/api/v1/personFields/" + std::to_string(id)).status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/dealFields/99999").status, 404);
    EXPECT_EQ(Call("PUT", "/api/v1/dealFields/99999", R"({"name":"x"})").status, 404);
    EXPECT_EQ(Call("DELETE", "/api/v1/dealFields/99999").status, 404);

    const int gold = field["options"][0]["id"].GetInt();
    const int silver = field["options"][1]["id"].GetInt();
    JsonResponse renamed = Call("PUT", path,
                                R"({"name":"Level","options":[{"id":)" + std::to_string(gold) +
                                    R"(,"label":"Gold+"},"Bronze"]})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_STREQ(renamed.json["data"]["name"].GetString(), "Level");
    EXPECT_EQ(renamed.json["data"]["options"][0]["id"].GetInt(), gold);
    EXPECT_GT(renamed.json["data"]["options"][1]["id"].GetInt(), silver) << "ids are not reused";
    ExpectBadValue(
        "/api/v2/deals",
        R"({"title":"x","custom_fields":{")" + key + "\":" + std::to_string(silver) + "}}", key);

    const auto deal_id = CreateDeal(R"({"title":"x","custom_fields":{")" + key +
                                    "\":" + std::to_string(gold) + "}}");
    EXPECT_EQ(Call("DELETE", path).status, 200);
    EXPECT_EQ(Call("GET", path).status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/dealFields").json["data"].Size(), system_count);
    JsonResponse deal = Call("GET", "/api/v2/deals/" + std::to_string(deal_id));
    EXPECT_FALSE(deal.json["data"]["custom_fields"].HasMember(key.c_str())) << deal.body;
    ExpectBadValue("/api/v2/deals", R"({"title":"x","custom_fields":{")" + key + R"(":null}})",
                   key);
}

TEST_F(CustomFieldsApi, BadDefinitionsNameTheField) {
    const struct {
        const char* body;
        const char* field;
    } cases[] = {
        {R"({"field_type":"varchar"})", "name"},
        {R"({"name":" ","field_type":"varchar"})", "name"},
        {R"({"name":"x"})", "field_type"},
        {R"({"name":"x","field_type":"blob"})", "field_type"},
        {R"({"name":"x","field_type":"enum"})", "options"},
        {R"({"name":"x","field_type":"enum","options":[]})", "options"},
        {R"({"name":"x","field_type":"set","options":["a","a"]})", "options"},
        {R"({"name":"x","field_type":"varchar","options":["a"]})", "options"},
        {R"({"name":"x","field_type":"enum","options":[{"id":5,"label":"a"}]})", "options"},
        {R"({"name":"x","field_type":"varchar","color":"red"})", "color"},
    };
    for (const auto& c : cases) {
        JsonResponse response = Call("POST", "/api/v1/dealFields", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    const std::string key = AddField("dealFields", R"({"name":"x","field_type":"varchar"})");
    JsonResponse retype = Call("PUT", "/api/v1/dealFields/" + std::to_string(last_field_id_),
                               R"({"field_type":"text"})");
    EXPECT_EQ(retype.status, 400) << retype.body;
}

}  // namespace
}  // namespace pipecrm::testing
