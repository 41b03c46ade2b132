// v2 activities over real HTTP.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using ActivitiesApi = ApiTest;

TEST_F(ActivitiesApi, ScheduleAndCompleteACall) {
    const auto deal_id = CreateDeal(R"({"title":"Gói Professional"})");
    JsonResponse created =
        Call("POST", "/api/v2/activities",
             R"({"type":"call","deal_id":)" + std::to_string(deal_id) +
                 R"(,"due_date":"2026-12-01","due_time":"09:30","duration":"00:15"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& a = created.json["data"];
    EXPECT_STREQ(a["type"].GetString(), "call");
    EXPECT_STREQ(a["subject"].GetString(), "Call") << "the subject defaults to the type's name";
    EXPECT_STREQ(a["due_date"].GetString(), "2026-12-01");
    EXPECT_STREQ(a["due_time"].GetString(), "09:30");
    EXPECT_STREQ(a["duration"].GetString(), "00:15");
    EXPECT_FALSE(a["done"].GetBool());
    EXPECT_TRUE(a["marked_as_done_time"].IsNull());
    EXPECT_EQ(a["owner_id"].GetInt(), 1);

    const std::string path = "/api/v2/activities/" + std::to_string(a["id"].GetInt());
    JsonResponse done = Call("PATCH", path, R"({"done":true,"note":"Khách hẹn gọi lại thứ Hai"})");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_TRUE(done.json["data"]["done"].GetBool());
    EXPECT_TRUE(done.json["data"]["marked_as_done_time"].IsString());
    EXPECT_STREQ(done.json["data"]["note"].GetString(), "Khách hẹn gọi lại thứ Hai");

    EXPECT_EQ(
        Call("GET", "/api/v2/activities?deal_id=" + std::to_string(deal_id)).json["data"].Size(),
        1u);
    EXPECT_EQ(Call("GET", "/api/v2/activities?done=false").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/activities?done=true").json["data"].Size(), 1u);
    EXPECT_EQ(Call("DELETE", path).status, 200);
    EXPECT_EQ(Call("GET", path).status, 404);
}

TEST_F(ActivitiesApi, DefaultActivityTypes) {
    JsonResponse types = Call("GET", "/v1/activityTypes");
    ASSERT_EQ(types.status, 200) << types.body;
    std::string keys;
    for (const auto& type : types.json["data"].GetArray()) {
        keys += std::string(type["key_string"].GetString()) + ",";
    }
    EXPECT_EQ(keys, "call,meeting,task,deadline,email,lunch,");
}

TEST_F(ActivitiesApi, BadInputNamesTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"type":"karaoke"})", "type"},
        {R"({"due_time":"09:30"})", "due_time"},
        {R"({"due_date":"2026-12-01","due_time":"9h30"})", "due_time"},
        {R"({"duration":"1:00"})", "duration"},
        {R"({"deal_id":999})", "deal_id"},
        {R"({"person_id":999})", "person_id"},
        {R"({"done":"yes"})", "done"},
        {R"({"subject":"x","busy_flag":1})", "busy_flag"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v2/activities", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
    }
    EXPECT_EQ(Call("GET", "/api/v2/activities").json["data"].Size(), 0u);
    EXPECT_EQ(Call("GET", "/api/v2/activities?done=maybe").status, 400);
    EXPECT_EQ(Call("GET", "/api/v2/activities?include_fields=attendees").status, 200)
        << "attendees are always in the shape";
    JsonResponse unknown = Call("GET", "/api/v2/activities?include_fields=notes_count");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_STREQ(unknown.json["field"].GetString(), "include_fields");
    JsonResponse visibility = Call("POST", "/api/v2/activities", R"({"visible_to":2})");
    EXPECT_EQ(visibility.status, 400);
    EXPECT_STREQ(visibility.json["field"].GetString(), "visible_to");
}

}  // namespace
}  // namespace pipecrm::testing
