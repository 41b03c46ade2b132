// Merging persons and organizations over real HTTP (Pipedrive's v1 PUT .../{id}/merge) and with
// pipecrm merge: every deal, activity and note of both stays, on the record that stays.
#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class MergeApi : public ApiTest {
  protected:
    int Create(const std::string& path, const std::string& body) {
        JsonResponse created = Call("POST", path, body);
        EXPECT_EQ(created.status, 201) << created.body;
        return created.status == 201 ? created.json["data"]["id"].GetInt() : 0;
    }
};

TEST_F(MergeApi, PersonsKeepEveryDealActivityAndNoteOfBoth) {
    const int merged =
        Create("/api/v2/persons", R"({"name":"An Nguyen","emails":[{"value":"an@old.vn"}],)"
                                  R"("phones":[{"value":"0912345678"}]})");
    const int kept =
        Create("/api/v2/persons", R"({"name":"Nguyễn Văn An","emails":[{"value":"an@new.vn"}]})");
    const std::string m = std::to_string(merged);
    const std::string k = std::to_string(kept);
    const int won_deal = Create("/api/v2/deals", R"({"title":"Old deal","person_id":)" + m + "}");
    ASSERT_EQ(
        Call("PATCH", "/api/v2/deals/" + std::to_string(won_deal), R"({"status":"won"})").status,
        200);
    const int kept_deal = Create("/api/v2/deals", R"({"title":"New deal","person_id":)" + k + "}");
    const int activity =
        Create("/api/v2/activities", R"({"subject":"Call An","person_id":)" + m + "}");
    const int note = Create("/v1/notes", R"({"content":"Likes tea","person_id":)" + m + "}");

    JsonResponse result =
        Call("PUT", "/api/v1/persons/" + m + "/merge", R"({"merge_with_id":)" + k + "}");
    ASSERT_EQ(result.status, 200) << result.body;
    const auto& data = result.json["data"];
    EXPECT_EQ(data["id"].GetInt(), kept);
    EXPECT_STREQ(data["name"].GetString(), "Nguyễn Văn An");
    ASSERT_EQ(data["emails"].Size(), 2u);
    EXPECT_STREQ(data["emails"][1]["value"].GetString(), "an@old.vn");
    EXPECT_EQ(data["phones"].Size(), 1u);

    EXPECT_EQ(Call("GET", "/api/v2/persons/" + m).status, 404);
    JsonResponse deal = Call("GET", "/api/v2/deals/" + std::to_string(won_deal));
    EXPECT_EQ(deal.json["data"]["person_id"].GetInt(), kept);
    EXPECT_STREQ(deal.json["data"]["status"].GetString(), "won") << "its history stays";
    EXPECT_EQ(Call("GET", "/api/v2/deals/" + std::to_string(kept_deal))
                  .json["data"]["person_id"]
                  .GetInt(),
              kept);
    EXPECT_EQ(Call("GET", "/api/v2/activities/" + std::to_string(activity))
                  .json["data"]["person_id"]
                  .GetInt(),
              kept);
    JsonResponse notes = Call("GET", "/v1/notes?person_id=" + k);
    ASSERT_EQ(notes.status, 200) << notes.body;
    ASSERT_EQ(notes.json["data"].Size(), 1u);
    EXPECT_EQ(notes.json["data"][0]["id"].GetInt(), note);
}

TEST_F(MergeApi, OrganizationsKeepTheirPersonsAndDeals) {
    const int merged =
        Create("/api/v2/organizations", R"({"name":"ACME","address":{"value":"1 Road"}})");
    const int kept = Create("/api/v2/organizations", R"({"name":"ACME Corp"})");
    const std::string m = std::to_string(merged);
    const int person = Create("/api/v2/persons", R"({"name":"Wile","org_id":)" + m + "}");
    const int deal = Create("/api/v2/deals", R"({"title":"Rockets","org_id":)" + m + "}");
    JsonResponse result = Call("PUT", "/v1/organizations/" + m + "/merge",
                               R"({"merge_with_id":)" + std::to_string(kept) + "}");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json["data"]["id"].GetInt(), kept);
    EXPECT_STREQ(result.json["data"]["address"]["value"].GetString(), "1 Road");
    EXPECT_EQ(
        Call("GET", "/api/v2/persons/" + std::to_string(person)).json["data"]["org_id"].GetInt(),
        kept);
    EXPECT_EQ(Call("GET", "/api/v2/deals/" + std::to_string(deal)).json["data"]["org_id"].GetInt(),
              kept);
    EXPECT_EQ(Call("GET", "/api/v2/organizations/" + m).status, 404);
}

TEST_F(MergeApi, BadMergesAreRefusedNamingTheField) {
    const int a = Create("/api/v2/persons", R"({"name":"A"})");
    const std::string path = "/api/v1/persons/" + std::to_string(a) + "/merge";
    JsonResponse itself = Call("PUT", path, R"({"merge_with_id":)" + std::to_string(a) + "}");
    EXPECT_EQ(itself.status, 400);
    EXPECT_STREQ(itself.json["field"].GetString(), "merge_with_id") << itself.body;
    JsonResponse missing = Call("PUT", path, "{}");
    EXPECT_EQ(missing.status, 400);
    EXPECT_STREQ(missing.json["field"].GetString(), "merge_with_id");
    JsonResponse wrong_type = Call("PUT", path, R"({"merge_with_id":"two"})");
    EXPECT_EQ(wrong_type.status, 400);
    EXPECT_EQ(Call("PUT", path, R"({"merge_with_id":999})").status, 404);
    EXPECT_EQ(Call("PUT", "/api/v1/persons/999/merge", R"({"merge_with_id":1})").status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/persons/" + std::to_string(a)).status, 200) << "still there";
}

TEST_F(MergeApi, TheCommandLineMergesToo) {
    const int a = Create("/api/v2/persons", R"({"name":"Dup","emails":[{"value":"d@x.vn"}]})");
    const int b = Create("/api/v2/persons", R"({"name":"Dup 2"})");
    const int deal =
        Create("/api/v2/deals", R"({"title":"T","person_id":)" + std::to_string(a) + "}");
    CommandResult merge = RunPipecrm({"merge", "persons", "--db", db_, "--id", std::to_string(a),
                                      "--merge-with-id", std::to_string(b)});
    ASSERT_EQ(merge.exit_code, 0) << merge.err;
    EXPECT_NE(merge.out.find("Merged person"), std::string::npos);
    EXPECT_EQ(
        Call("GET", "/api/v2/deals/" + std::to_string(deal)).json["data"]["person_id"].GetInt(), b);
    CommandResult again = RunPipecrm({"merge", "persons", "--db", db_, "--id", std::to_string(a),
                                      "--merge-with-id", std::to_string(b)});
    EXPECT_EQ(again.exit_code, 3) << "the merged person is gone";
}

}  // namespace
}  // namespace pipecrm::testing
