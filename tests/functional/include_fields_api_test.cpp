// v2 include_fields over real HTTP: the optional fields of deals, persons and organizations on
// list and get, with exact values; unknown names are a 400; without the parameter the output
// is byte for byte what it was.
#include <chrono>
#include <thread>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class IncludeFieldsApi : public ApiTest {
  protected:
    std::int64_t Create(const std::string& path, const std::string& body) {
        JsonResponse response = Call("POST", path, body);
        EXPECT_EQ(response.status, 201) << path << " " << body << " -> " << response.body;
        return response.status == 201 ? response.json["data"]["id"].GetInt64() : 0;
    }
    // An activity of `link` (e.g. "deal_id":3), done or not, with the due date/time given.
    std::int64_t Activity(const std::string& link, bool done, const std::string& due = "") {
        return Create("/api/v2/activities", "{" + link + R"(,"type":"call","done":)" +
                                                (done ? "true" : "false") + due + "}");
    }
    void Patch(const std::string& path, const std::string& body) {
        JsonResponse response = Call("PATCH", path, body);
        EXPECT_EQ(response.status, 200) << path << " " << body << " -> " << response.body;
    }
    // The one item of a list, or the item of a get.
    static const rapidjson::Value& Item(const JsonResponse& response) {
        const rapidjson::Value& data = response.json["data"];
        return data.IsArray() ? data[0] : data;
    }
};

TEST_F(IncludeFieldsApi, DealFiguresOnListAndGet) {
    const auto deal = CreateDeal(R"({"title":"Hợp đồng năm"})");
    const std::string id = std::to_string(deal);
    const std::string link = R"("deal_id":)" + id;
    Activity(link, false);  // undated: after every dated one
    const auto next = Activity(link, false, R"(,"due_date":"2026-03-01","due_time":"09:00")");
    Activity(link, false, R"(,"due_date":"2026-03-01")");
    Activity(link, false, R"(,"due_date":"2026-04-01","due_time":"08:00")");
    Activity(link, true, R"(,"due_date":"2026-02-01","due_time":"10:00")");
    const auto last = Activity(link, true, R"(,"due_date":"2026-02-01","due_time":"11:00")");
    const auto removed = Activity(link, false, R"(,"due_date":"2026-01-01")");
    ASSERT_EQ(Call("DELETE", "/api/v2/activities/" + std::to_string(removed)).status, 200);

    for (int i = 0; i < 2; ++i) {
        Create("/v1/notes", R"({"content":"<p>note</p>",)" + link + "}");
    }
    const auto gone_note = Create("/v1/notes", R"({"content":"gone",)" + link + "}");
    ASSERT_EQ(Call("DELETE", "/v1/notes/" + std::to_string(gone_note)).status, 200);

    const auto product = Create("/api/v2/products", R"({"name":"Seat"})");
    const std::string lines = "/api/v2/deals/" + id + "/products";
    const std::string line =
        R"({"product_id":)" + std::to_string(product) + R"(,"item_price":100,"quantity":1)";
    Create(lines, line + "}");
    Create(lines, line + "}");
    Create(lines, line + R"(,"is_enabled":false})");

    // Won, reopened and won again a second later: first_won_time is the first win.
    JsonResponse won = Call("PATCH", "/api/v2/deals/" + id, R"({"status":"won"})");
    ASSERT_EQ(won.status, 200) << won.body;
    const std::string first_won = won.json["data"]["won_time"].GetString();
    Patch("/api/v2/deals/" + id, R"({"status":"open"})");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    Patch("/api/v2/deals/" + id, R"({"status":"won"})");

    const std::string ask =
        "include_fields=next_activity_id%2Clast_activity_id%2Cfirst_won_time%2Cproducts_count"
        "%2Cnotes_count%2Cactivities_count%2Cdone_activities_count%2Cundone_activities_count"
        "%2Cfiles_count%2Cfollowers_count%2Cemail_messages_count%2Cparticipants_count"
        "%2Clast_incoming_mail_time%2Clast_outgoing_mail_time%2Csmart_bcc_email%2Csource_lead_id";
    for (const std::string& target : {"/api/v2/deals?" + ask, "/api/v2/deals/" + id + "?" + ask}) {
        JsonResponse response = Call("GET", target);
        ASSERT_EQ(response.status, 200) << target << " -> " << response.body;
        const rapidjson::Value& d = Item(response);
        EXPECT_EQ(d["next_activity_id"].GetInt64(), next) << target;
        EXPECT_EQ(d["last_activity_id"].GetInt64(), last) << target;
        EXPECT_EQ(d["first_won_time"].GetString(), first_won) << target;
        EXPECT_NE(first_won, d["won_time"].GetString()) << "won again later";
        EXPECT_EQ(d["products_count"].GetInt(), 2) << target;
        EXPECT_EQ(d["notes_count"].GetInt(), 2) << target;
        EXPECT_EQ(d["activities_count"].GetInt(), 6) << target;
        EXPECT_EQ(d["done_activities_count"].GetInt(), 2) << target;
        EXPECT_EQ(d["undone_activities_count"].GetInt(), 4) << target;
        for (const char* zero :
             {"files_count", "followers_count", "email_messages_count", "participants_count"}) {
            EXPECT_EQ(d[zero].GetInt(), 0) << zero;
        }
        for (const char* null : {"last_incoming_mail_time", "last_outgoing_mail_time",
                                 "smart_bcc_email", "source_lead_id"}) {
            EXPECT_TRUE(d[null].IsNull()) << null;
        }
        // The extra keys come after the normal ones, in the order asked.
        auto member = d.MemberBegin();
        while (member != d.MemberEnd() &&
               std::string(member->name.GetString()) != "custom_fields") {
            ++member;
        }
        ASSERT_NE(member, d.MemberEnd());
        EXPECT_STREQ((++member)->name.GetString(), "next_activity_id");
    }

    // A deal without any of it: nulls and zeros.
    const auto bare = CreateDeal(R"({"title":"Trống"})");
    JsonResponse empty = Call("GET", "/api/v2/deals/" + std::to_string(bare) + "?" + ask);
    ASSERT_EQ(empty.status, 200) << empty.body;
    EXPECT_TRUE(empty.json["data"]["next_activity_id"].IsNull());
    EXPECT_TRUE(empty.json["data"]["last_activity_id"].IsNull());
    EXPECT_TRUE(empty.json["data"]["first_won_time"].IsNull());
    EXPECT_EQ(empty.json["data"]["activities_count"].GetInt(), 0);
}

TEST_F(IncludeFieldsApi, PersonAndOrganizationFigures) {
    const auto org = Create("/api/v2/organizations", R"({"name":"Công ty An Phát"})");
    const std::string org_id = std::to_string(org);
    const auto person =
        Create("/api/v2/persons", R"({"name":"Nguyễn Văn A","org_id":)" + org_id + "}");
    const std::string person_id = std::to_string(person);
    const auto gone_person =
        Create("/api/v2/persons", R"({"name":"Trần B","org_id":)" + org_id + "}");
    ASSERT_EQ(Call("DELETE", "/api/v2/persons/" + std::to_string(gone_person)).status, 200);

    const std::string both = R"("person_id":)" + person_id + R"(,"org_id":)" + org_id;
    CreateDeal(R"({"title":"Open",)" + both + "}");
    for (const char* status : {"won", "lost", "lost"}) {
        const auto deal = CreateDeal(R"({"title":"Closed",)" + both + "}");
        Patch("/api/v2/deals/" + std::to_string(deal),
              std::string(R"({"status":")") + status + R"("})");
    }
    const auto deleted = CreateDeal(R"({"title":"Deleted",)" + both + "}");
    ASSERT_EQ(Call("DELETE", "/api/v2/deals/" + std::to_string(deleted)).status, 200);
    CreateDeal(R"({"title":"Org only","org_id":)" + org_id + "}");

    const auto next = Activity(both, false, R"(,"due_date":"2026-05-01")");
    Activity(both, false);
    const auto last = Activity(both, true, R"(,"due_date":"2026-01-01")");
    Create("/v1/notes", R"({"content":"hello",)" + both + "}");

    const std::string common =
        "open_deals_count,closed_deals_count,won_deals_count,lost_deals_count,activities_count,"
        "done_activities_count,undone_activities_count,notes_count,next_activity_id,"
        "last_activity_id,related_open_deals_count,related_closed_deals_count,"
        "related_won_deals_count,related_lost_deals_count,email_messages_count,files_count,"
        "followers_count,last_incoming_mail_time,last_outgoing_mail_time,smart_bcc_email";
    struct Case {
        std::string path;
        std::string extra;
        int open_deals;  // the org also has a deal without the person
    };
    for (const Case& c : {Case{"/api/v2/persons",
                               ",participant_open_deals_count,participant_closed_deals_count,"
                               "marketing_status,doi_status",
                               1},
                          Case{"/api/v2/organizations", ",people_count", 2}}) {
        const std::string id = c.path == "/api/v2/persons" ? person_id : org_id;
        for (const std::string& target :
             {c.path + "?ids=" + id + "&include_fields=" + common + c.extra,
              c.path + "/" + id + "?include_fields=" + common + c.extra}) {
            JsonResponse response = Call("GET", target);
            ASSERT_EQ(response.status, 200) << target << " -> " << response.body;
            const rapidjson::Value& r = Item(response);
            EXPECT_EQ(r["open_deals_count"].GetInt(), c.open_deals) << target;
            EXPECT_EQ(r["closed_deals_count"].GetInt(), 3) << target;
            EXPECT_EQ(r["won_deals_count"].GetInt(), 1) << target;
            EXPECT_EQ(r["lost_deals_count"].GetInt(), 2) << target;
            EXPECT_EQ(r["activities_count"].GetInt(), 3) << target;
            EXPECT_EQ(r["done_activities_count"].GetInt(), 1) << target;
            EXPECT_EQ(r["undone_activities_count"].GetInt(), 2) << target;
            EXPECT_EQ(r["notes_count"].GetInt(), 1) << target;
            EXPECT_EQ(r["next_activity_id"].GetInt64(), next) << target;
            EXPECT_EQ(r["last_activity_id"].GetInt64(), last) << target;
            EXPECT_EQ(r["related_won_deals_count"].GetInt(), 0) << target;
            EXPECT_EQ(r["files_count"].GetInt(), 0) << target;
            EXPECT_TRUE(r["smart_bcc_email"].IsNull()) << target;
            if (c.path == "/api/v2/organizations") {
                EXPECT_EQ(r["people_count"].GetInt(), 1) << "the deleted person does not count";
            } else {
                EXPECT_EQ(r["participant_open_deals_count"].GetInt(), 0);
                EXPECT_TRUE(r["marketing_status"].IsNull());
                EXPECT_TRUE(r["doi_status"].IsNull());
            }
        }
    }
}

TEST_F(IncludeFieldsApi, UnknownNameIs400NamingIncludeFields) {
    const auto deal = CreateDeal(R"({"title":"x"})");
    const auto person = Create("/api/v2/persons", R"({"name":"P"})");
    const auto org = Create("/api/v2/organizations", R"({"name":"O"})");
    for (const std::string& target :
         {std::string("/api/v2/deals?include_fields=notes_count%2Cpeople_count"),
          "/api/v2/deals/" + std::to_string(deal) + "?include_fields=colour",
          std::string("/api/v2/persons?include_fields=people_count"),
          "/api/v2/persons/" + std::to_string(person) + "?include_fields=first_won_time",
          std::string("/api/v2/organizations?include_fields=marketing_status"),
          "/api/v2/organizations/" + std::to_string(org) + "?include_fields=x"}) {
        JsonResponse response = Call("GET", target);
        EXPECT_EQ(response.status, 400) << target << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), "include_fields") << target;
        EXPECT_NE(std::string(response.json["error"].GetString()).find("allowed:"),
                  std::string::npos)
            << response.body;
    }
}

TEST_F(IncludeFieldsApi, WithoutTheParameterTheOutputIsUnchanged) {
    const auto org = Create("/api/v2/organizations", R"({"name":"O"})");
    const auto person = Create("/api/v2/persons", R"({"name":"P"})");
    const auto deal = CreateDeal(R"({"title":"x","person_id":)" + std::to_string(person) +
                                 R"(,"org_id":)" + std::to_string(org) + "}");
    Activity(R"("deal_id":)" + std::to_string(deal), false);
    const std::string deal_path = "/api/v2/deals/" + std::to_string(deal);
    for (const std::string& target :
         {std::string("/api/v2/deals"), deal_path, std::string("/api/v2/persons"),
          std::string("/api/v2/organizations")}) {
        JsonResponse plain = Call("GET", target);
        ASSERT_EQ(plain.status, 200) << plain.body;
        EXPECT_EQ(plain.body.find("_count"), std::string::npos) << plain.body;
        EXPECT_EQ(plain.body.find("next_activity_id"), std::string::npos) << plain.body;
        const char* sep = target.find('?') == std::string::npos ? "?" : "&";
        EXPECT_EQ(Call("GET", target + sep + "include_fields=").body, plain.body)
            << "an empty list asks for nothing";
    }
    // Byte for byte: the deal's fixed shape ends with custom_fields.
    JsonResponse got = Call("GET", deal_path);
    const std::string& body = got.body;
    EXPECT_NE(body.find(R"("acv":null,"custom_fields":{}})"), std::string::npos) << body;
    // Asking adds exactly the keys asked for after custom_fields, nothing else changes.
    JsonResponse asked = Call("GET", deal_path + "?include_fields=activities_count");
    std::string expected = body;
    expected.replace(expected.find(R"("custom_fields":{}})"), 19,
                     R"("custom_fields":{},"activities_count":1})");
    EXPECT_EQ(asked.body, expected);
}

}  // namespace
}  // namespace pipecrm::testing
