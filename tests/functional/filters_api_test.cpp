// v1 saved filters over real HTTP, and filter_id on the lists they narrow.
#include <algorithm>
#include <chrono>
#include <set>

#include "base/time.hpp"
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using Titles = std::set<std::string>;

class FiltersApi : public ApiTest {
  protected:
    // Four deals: two open in stage 2, one won, one open in stage 3 with a person.
    void SetUp() override {
        ApiTest::SetUp();
        JsonResponse person = Call("POST", "/api/v2/persons", R"({"name":"Trần Thị B"})");
        ASSERT_EQ(person.status, 201) << person.body;
        person_id_ = std::to_string(person.json["data"]["id"].GetInt());
        CreateDeal(R"({"title":"Alpha deal","value":1000,"currency":"USD","stage_id":1,)"
                   R"("expected_close_date":"2026-03-01"})");
        CreateDeal(R"({"title":"Beta contract","value":2500000,"stage_id":2,)"
                   R"("expected_close_date":"2026-04-15"})");
        const auto gamma = CreateDeal(R"({"title":"Gamma alpha","value":50,"currency":"USD",)"
                                      R"("stage_id":2})");
        ASSERT_EQ(
            Call("PATCH", "/api/v2/deals/" + std::to_string(gamma), R"({"status":"won"})").status,
            200);
        CreateDeal(R"({"title":"Delta","value":0,"stage_id":3,"probability":50,"person_id":)" +
                   person_id_ + "}");
    }

    // Creates a filter and returns its id as text (empty when creation fails).
    std::string AddFilter(const std::string& type,
                          const std::string& all,
                          const std::string& any = "") {
        JsonResponse added = Call("POST", "/v1/filters",
                                  R"({"name":"f","type":")" + type +
                                      R"(","conditions":{"glue":"and","conditions":[)"
                                      R"({"glue":"and","conditions":[)" +
                                      all + R"(]},{"glue":"or","conditions":[)" + any + "]}]}}");
        EXPECT_EQ(added.status, 201) << all << " | " << any << " -> " << added.body;
        if (added.status != 201) {
            return "";
        }
        return std::to_string(added.json["data"]["id"].GetInt());
    }

    // The titles (or names) a list answers with.
    Titles List(const std::string& target, const char* key = "title") {
        JsonResponse listed = Call("GET", target);
        EXPECT_EQ(listed.status, 200) << target << " -> " << listed.body;
        Titles out;
        if (listed.status == 200) {
            for (const auto& item : listed.json["data"].GetArray()) {
                out.insert(item[key].GetString());
            }
        }
        return out;
    }

    Titles Deals(const std::string& all, const std::string& any = "") {
        return List("/api/v2/deals?filter_id=" + AddFilter("deals", all, any));
    }

    static std::string Cond(const std::string& field,
                            const std::string& op,
                            const std::string& value) {
        return R"({"object":"deal","field_id":)" + field + R"(,"operator":")" + op +
               R"(","value":)" + value + R"(,"extra_value":null})";
    }

    std::string person_id_;
};

TEST_F(FiltersApi, AndGroupAllMustHold) {
    EXPECT_EQ(Deals(Cond(R"("stage_id")", "=", "2") + "," + Cond(R"("value")", ">", "100")),
              (Titles{"Beta contract"}));
    EXPECT_EQ(Deals(Cond(R"("status")", "=", R"("open")")),
              (Titles{"Alpha deal", "Beta contract", "Delta"}));
}

TEST_F(FiltersApi, OrGroupOneMustHoldAndBothGroupsAreAnded) {
    EXPECT_EQ(Deals("", Cond(R"("title")", "LIKE '%$%'", R"("ALPHA")") + "," +
                            Cond(R"("stage_id")", "=", "3")),
              (Titles{"Alpha deal", "Gamma alpha", "Delta"}));
    EXPECT_EQ(Deals(Cond(R"("status")", "=", R"("open")"),
                    Cond(R"("title")", "LIKE '$%'", R"("Alpha")") + "," +
                        Cond(R"("title")", "LIKE '%$'", R"("contract")")),
              (Titles{"Alpha deal", "Beta contract"}));
    EXPECT_EQ(Deals(Cond(R"("title")", "NOT LIKE '%$%'", R"("alpha")")),
              (Titles{"Beta contract", "Delta"}));
}

TEST_F(FiltersApi, NumbersCompareInTheDealsOwnCurrency) {
    EXPECT_EQ(Deals(Cond(R"("value")", ">=", "1000")), (Titles{"Alpha deal", "Beta contract"}));
    EXPECT_EQ(Deals(Cond(R"("value")", "<", "100")), (Titles{"Gamma alpha", "Delta"}));
    EXPECT_EQ(Deals(Cond(R"("value")", "=", R"("50")")), (Titles{"Gamma alpha"}));
    EXPECT_EQ(Deals(Cond(R"("value")", "!=", "50")),
              (Titles{"Alpha deal", "Beta contract", "Delta"}));
    EXPECT_EQ(Deals(Cond(R"("probability")", "<=", "50")), (Titles{"Delta"}));
    EXPECT_EQ(Deals(Cond(R"("probability")", "IS NULL", "null")),
              (Titles{"Alpha deal", "Beta contract", "Gamma alpha"}));
    EXPECT_EQ(Deals(Cond(R"("person_id")", "=", person_id_)), (Titles{"Delta"}));
    EXPECT_EQ(Deals(Cond(R"("person_id")", "!=", person_id_)),
              (Titles{"Alpha deal", "Beta contract", "Gamma alpha"}))
        << "!= keeps the deals without a person";
    EXPECT_EQ(Deals(Cond(R"("owner_id")", "=", "1")).size(), 4u);
}

TEST_F(FiltersApi, DatesAndTimes) {
    EXPECT_EQ(Deals(Cond(R"("expected_close_date")", "<", R"("2026-04-01")")),
              (Titles{"Alpha deal"}));
    EXPECT_EQ(Deals(Cond(R"("expected_close_date")", ">=", R"("2026-03-01")")),
              (Titles{"Alpha deal", "Beta contract"}));
    EXPECT_EQ(Deals(Cond(R"("expected_close_date")", "=", R"("2026-04-15")")),
              (Titles{"Beta contract"}));
    EXPECT_EQ(Deals(Cond(R"("expected_close_date")", "IS NULL", "null")),
              (Titles{"Gamma alpha", "Delta"}));
    EXPECT_EQ(Deals(Cond(R"("won_time")", "IS NOT NULL", "null")), (Titles{"Gamma alpha"}));
    const std::string today =
        FormatDate(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    EXPECT_EQ(Deals(Cond(R"("add_time")", "=", "\"" + today + "\"")).size(), 4u);
    EXPECT_EQ(Deals(Cond(R"("add_time")", "<=", "\"" + today + "\"")).size(), 4u);
    EXPECT_EQ(Deals(Cond(R"("add_time")", ">", "\"" + today + "\"")).size(), 0u);
    EXPECT_EQ(Deals(Cond(R"("update_time")", "<", R"("2000-01-01")")).size(), 0u);
}

TEST_F(FiltersApi, NumericFieldIdsAreThoseOfDealFieldsAndHelpers) {
    JsonResponse fields = Call("GET", "/v1/dealFields");
    int stage_field = 0;
    for (const auto& field : fields.json["data"].GetArray()) {
        if (std::string(field["key"].GetString()) == "stage_id") {
            stage_field = field["id"].GetInt();
        }
    }
    ASSERT_GT(stage_field, 0);
    EXPECT_EQ(Deals(Cond(std::to_string(stage_field), "=", "3")), (Titles{"Delta"}));

    JsonResponse helpers = Call("GET", "/v1/filters/helpers");
    ASSERT_EQ(helpers.status, 200) << helpers.body;
    EXPECT_TRUE(helpers.json["data"]["operators"].HasMember("text"));
    const std::pair<const char*, const char*> lists[] = {{"deals", "/v1/dealFields"},
                                                         {"people", "/v1/personFields"},
                                                         {"org", "/v1/organizationFields"}};
    for (const auto& [type, path] : lists) {
        JsonResponse system = Call("GET", path);
        for (const auto& field : helpers.json["data"]["fields"][type].GetArray()) {
            const std::string key = field["key"].GetString();
            const auto& all = system.json["data"].GetArray();
            auto same = std::find_if(all.begin(), all.end(),
                                     [&](const auto& f) { return key == f["key"].GetString(); });
            ASSERT_NE(same, all.end()) << type << " " << key;
            EXPECT_EQ((*same)["id"].GetInt(), field["id"].GetInt()) << type << " " << key;
        }
    }
}

TEST_F(FiltersApi, AddGetListUpdateAndDelete) {
    const std::string id = AddFilter("deals", Cond(R"("stage_id")", "=", "2"));
    JsonResponse one = Call("GET", "/api/v1/filters/" + id);
    ASSERT_EQ(one.status, 200) << one.body;
    const auto& filter = one.json["data"];
    EXPECT_STREQ(filter["type"].GetString(), "deals");
    EXPECT_TRUE(filter["active_flag"].GetBool());
    EXPECT_EQ(filter["user_id"].GetInt(), 1);
    EXPECT_TRUE(filter["custom_view_id"].IsNull());
    const auto& condition = filter["conditions"]["conditions"][0]["conditions"][0];
    EXPECT_STREQ(condition["field_id"].GetString(), "stage_id");
    EXPECT_STREQ(condition["operator"].GetString(), "=");
    EXPECT_STREQ(condition["value"].GetString(), "2");
    EXPECT_STREQ(filter["conditions"]["conditions"][1]["glue"].GetString(), "or");

    AddFilter("people", R"({"object":"person","field_id":"name","operator":"=","value":"x"})");
    EXPECT_EQ(Call("GET", "/v1/filters").json["data"].Size(), 2u);
    EXPECT_EQ(Call("GET", "/v1/filters?type=deals").json["data"].Size(), 1u);
    EXPECT_EQ(Call("GET", "/v1/filters?type=leads").status, 400);

    JsonResponse renamed = Call(
        "PUT", "/v1/filters/" + id,
        R"({"name":"Won","conditions":{"glue":"and","conditions":[{"glue":"and",)"
        R"("conditions":[{"object":"deal","field_id":"status","operator":"=","value":"won"}]}]}})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_STREQ(renamed.json["data"]["name"].GetString(), "Won");
    EXPECT_EQ(List("/api/v2/deals?filter_id=" + id), (Titles{"Gamma alpha"}));
    EXPECT_EQ(Call("PUT", "/v1/filters/" + id, R"({"type":"people"})").status, 400);

    JsonResponse deleted = Call("DELETE", "/v1/filters/" + id);
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(deleted.json["data"]["id"].GetInt(), std::stoi(id));
    EXPECT_EQ(Call("GET", "/v1/filters/" + id).status, 404);
    EXPECT_EQ(Call("DELETE", "/v1/filters/" + id).status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/deals?filter_id=" + id).status, 404);
    EXPECT_EQ(Call("GET", "/v1/filters?type=deals").json["data"].Size(), 0u);
}

TEST_F(FiltersApi, BadFiltersAreRefusedNamingThePartAndNothingIsWritten) {
    struct Case {
        std::string body;
        const char* field;
        const char* says;  // part of the message
    };
    auto with = [](const std::string& condition) {
        return R"({"name":"f","type":"deals","conditions":{"glue":"and","conditions":[)"
               R"({"glue":"and","conditions":[)" +
               condition + "]}]}}";
    };
    const Case cases[] = {
        {with(Cond(R"("colour")", "=", "1")), "conditions", "colour"},
        {with(Cond(R"("999")", "=", "1")), "conditions", "999"},
        {with(Cond(R"("title")", ">", R"("a")")), "conditions", "operator >"},
        {with(Cond(R"("stage_id")", "LIKE '%$%'", "1")), "conditions", "stage_id"},
        {with(Cond(R"("stage_id")", "=", R"("two")")), "conditions", "stage_id"},
        {with(Cond(R"("add_time")", "<", R"("yesterday")")), "conditions", "YYYY-MM-DD"},
        {with(Cond(R"("status")", "=", R"("deleted")")), "conditions", "status"},
        {with(Cond(R"("title")", "~", R"("a")")), "conditions", "operator"},
        {with(R"({"object":"person","field_id":"name","operator":"=","value":"x"})"), "conditions",
         "person"},
        {with(R"({"field_id":"title","operator":"=","value":"x","colour":1})"), "conditions",
         "colour"},
        {R"({"name":"f","type":"deals","conditions":{"glue":"and","conditions":[)"
         R"({"glue":"or","conditions":[]}]}})",
         "conditions", "glue"},
        {R"({"name":"f","type":"deals","conditions":[]})", "conditions", "object"},
        {R"({"name":"f","type":"deals"})", "conditions", "required"},
        {R"({"name":"f","type":"leads","conditions":{"conditions":[{"conditions":[]}]}})", "type",
         "type"},
        {R"({"type":"deals","conditions":{"conditions":[{"conditions":[]}]}})", "name", "name"},
        {R"({"name":"f","conditions":{"conditions":[{"conditions":[]}]}})", "type", "type"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v1/filters", c.body);
        EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << c.body << " -> " << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << c.body;
        EXPECT_NE(std::string(response.json["error"].GetString()).find(c.says), std::string::npos)
            << c.body << " -> " << response.body;
    }
    EXPECT_EQ(Call("GET", "/v1/filters").json["data"].Size(), 0u);
}

TEST_F(FiltersApi, FilterIdMustNameAFilterOfTheListsType) {
    const std::string people = AddFilter(
        "people", R"({"object":"person","field_id":"name","operator":"LIKE '$%'","value":"Trần"})");
    JsonResponse wrong = Call("GET", "/api/v2/deals?filter_id=" + people);
    EXPECT_EQ(wrong.status, 400) << wrong.body;
    EXPECT_STREQ(wrong.json["field"].GetString(), "filter_id");
    EXPECT_EQ(Call("GET", "/api/v2/deals?filter_id=999").status, 404);
    JsonResponse bad = Call("GET", "/api/v2/deals?filter_id=abc");
    EXPECT_EQ(bad.status, 400);
    EXPECT_STREQ(bad.json["field"].GetString(), "filter_id");
    EXPECT_EQ(Call("GET", "/v1/stages/2/deals?filter_id=" + people).status, 400);
    EXPECT_EQ(Call("GET", "/v1/stages/2/deals?filter_id=999").status, 404);
}

TEST_F(FiltersApi, PersonsOrganizationsActivitiesAndProducts) {
    Call("POST", "/api/v2/persons", R"({"name":"Nguyễn Văn A"})");
    const std::string people = AddFilter(
        "people", R"({"object":"person","field_id":"name","operator":"LIKE '$%'","value":"Trần"})");
    EXPECT_EQ(List("/api/v2/persons?filter_id=" + people, "name"), (Titles{"Trần Thị B"}));

    Call("POST", "/api/v2/organizations", R"({"name":"Acme","address":"1 Main St"})");
    Call("POST", "/api/v2/organizations", R"({"name":"Globex"})");
    const std::string org = AddFilter(
        "org", R"({"object":"organization","field_id":3,"operator":"IS NOT NULL","value":null})");
    EXPECT_EQ(List("/api/v2/organizations?filter_id=" + org, "name"), (Titles{"Acme"}));
    EXPECT_EQ(Call("GET", "/api/v2/persons?filter_id=" + org).status, 400);

    Call("POST", "/api/v2/activities", R"({"subject":"Call back","type":"call","done":true})");
    Call("POST", "/api/v2/activities", R"({"subject":"Lunch","type":"lunch"})");
    const std::string activity = AddFilter(
        "activity", R"({"object":"activity","field_id":"done","operator":"=","value":1})");
    EXPECT_EQ(List("/api/v2/activities?filter_id=" + activity, "subject"), (Titles{"Call back"}));

    Call("POST", "/api/v2/products", R"({"name":"Widget","code":"W-1"})");
    Call("POST", "/api/v2/products", R"({"name":"Gadget","code":"G-1"})");
    const std::string product = AddFilter(
        "products", R"({"object":"product","field_id":"code","operator":"=","value":"G-1"})");
    EXPECT_EQ(List("/api/v2/products?filter_id=" + product, "name"), (Titles{"Gadget"}));
}

TEST_F(FiltersApi, BoardListsTakeFilterId) {
    const std::string id = AddFilter("deals", Cond(R"("value")", ">", "100"));
    EXPECT_EQ(List("/v1/stages/2/deals?filter_id=" + id), (Titles{"Beta contract"}));
    EXPECT_EQ(List("/api/v1/pipelines/1/deals?everyone=1&filter_id=" + id),
              (Titles{"Alpha deal", "Beta contract"}));
}

}  // namespace
}  // namespace pipecrm::testing
