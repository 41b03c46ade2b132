// v1 notes over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using NotesApi = ApiTest;

TEST_F(NotesApi, AddListUpdateAndDeleteOnADeal) {
    const auto deal_id = CreateDeal(R"({"title":"Hợp đồng bảo trì"})");
    const std::string deal = std::to_string(deal_id);
    JsonResponse added =
        Call("POST", "/v1/notes",
             R"({"content":"<p>Khách cần báo giá trước thứ Sáu</p>","deal_id":)" + deal + "}");
    ASSERT_EQ(added.status, 201) << added.body;
    const auto& note = added.json["data"];
    EXPECT_STREQ(note["content"].GetString(), "<p>Khách cần báo giá trước thứ Sáu</p>");
    EXPECT_EQ(note["deal_id"].GetInt64(), deal_id);
    EXPECT_STREQ(note["deal"]["title"].GetString(), "Hợp đồng bảo trì");
    EXPECT_TRUE(note["user"]["is_you"].GetBool());
    EXPECT_TRUE(note["active_flag"].GetBool());
    EXPECT_EQ(std::string(note["add_time"].GetString()).size(), 19u) << "v1 time format";

    const std::string path = "/api/v1/notes/" + std::to_string(note["id"].GetInt());
    JsonResponse updated = Call("PUT", path, R"({"content":"Đã gửi báo giá"})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_STREQ(updated.json["data"]["content"].GetString(), "Đã gửi báo giá");

    JsonResponse listed = Call("GET", "/v1/notes?deal_id=" + deal);
    ASSERT_EQ(listed.json["data"].Size(), 1u);
    EXPECT_FALSE(
        listed.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());

    JsonResponse deleted = Call("DELETE", path);
    ASSERT_EQ(deleted.status, 200);
    EXPECT_TRUE(deleted.json["data"].GetBool());
    EXPECT_EQ(Call("GET", path).status, 404);
}

TEST_F(NotesApi, OffsetPaging) {
    const std::string deal = std::to_string(CreateDeal(R"({"title":"x"})"));
    for (int i = 0; i < 7; ++i) {
        ASSERT_EQ(Call("POST", "/v1/notes",
                       R"({"content":"note )" + std::to_string(i) + R"(","deal_id":)" + deal + "}")
                      .status,
                  201);
    }
    JsonResponse first = Call("GET", "/v1/notes?start=0&limit=5");
    ASSERT_EQ(first.json["data"].Size(), 5u);
    const auto& pagination = first.json["additional_data"]["pagination"];
    EXPECT_TRUE(pagination["more_items_in_collection"].GetBool());
    EXPECT_EQ(pagination["next_start"].GetInt(), 5);
    JsonResponse rest = Call("GET", "/v1/notes?start=5&limit=5");
    EXPECT_EQ(rest.json["data"].Size(), 2u);
    EXPECT_EQ(Call("GET", "/v1/notes?limit=0").status, 400);
}

TEST_F(NotesApi, BadInputNamesTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"deal_id":1})", "content"},
        {R"({"content":"x"})", "deal_id"},
        {R"({"content":" ","deal_id":1})", "content"},
        {R"({"content":"x","deal_id":999})", "deal_id"},
        {R"({"content":"x","person_id":999})", "person_id"},
        {R"({"content":"x","org_id":999})", "org_id"},
    };
    CreateDeal(R"({"title":"x"})");
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/v1/notes", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", "/v1/notes").json["data"].Size(), 0u);
}

}  // namespace
}  // namespace pipecrm::testing
