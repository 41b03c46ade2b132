// CSV import jobs and exports over real HTTP: preview, start, progress, summary, rejected rows,
// the caller's list of recent imports.
#include <chrono>
#include <thread>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

const char* kPersons =
    "\xEF\xBB\xBFHọ tên;Email;SĐT;Ghi chú\n"
    "Nguyễn Văn An;an@example.vn;0912345678;khách cũ\n"
    "Trần Thị Bình;binh@example.vn;;\n"
    "An trùng;AN@example.vn;;\n"
    "Sai email;sai-email;;\n";

class ImportApi : public ApiTest {
  protected:
    HttpResult Upload(const std::string& target, const std::string& csv) {
        auto result = client_->Send("POST", target, csv,
                                    {{"x-api-token", token_}, {"content-type", "text/csv"}});
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? *result : HttpResult{};
    }
    HttpResult GetRaw(const std::string& target) {
        auto result = client_->Send("GET", target, "", {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? *result : HttpResult{};
    }
    // Polls the job until it is no longer running (the test's own timeout bounds it).
    JsonResponse WaitForJob(int id) {
        for (;;) {
            JsonResponse job = Call("GET", "/api/v1/imports/" + std::to_string(id));
            if (job.status != 200 ||
                std::string(job.json["data"]["status"].GetString()) != "running") {
                return job;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
};

TEST_F(ImportApi, PreviewShowsTheMappingAndTheFirstRows) {
    JsonResponse preview = ToJsonResponse(Upload("/api/v1/imports/preview?kind=persons", kPersons));
    ASSERT_EQ(preview.status, 200) << preview.body;
    const auto& data = preview.json["data"];
    EXPECT_STREQ(data["delimiter"].GetString(), ";");
    EXPECT_EQ(data["rows_total"].GetInt(), 4);
    ASSERT_EQ(data["columns"].Size(), 4u);
    EXPECT_STREQ(data["columns"][0]["header"].GetString(), "Họ tên");
    EXPECT_STREQ(data["columns"][0]["field"].GetString(), "name");
    EXPECT_STREQ(data["columns"][2]["field"].GetString(), "phone");
    EXPECT_TRUE(data["columns"][3]["field"].IsNull());
    ASSERT_TRUE(data["fields"].IsArray());
    EXPECT_STREQ(data["fields"][1].GetString(), "name");
    EXPECT_EQ(data["custom_fields"].Size(), 0u);
    ASSERT_EQ(data["rows"].Size(), 4u);
    EXPECT_STREQ(data["rows"][0][0].GetString(), "Nguyễn Văn An");
    // Each row's own problems, as the import would reject it (a duplicate needs the import).
    ASSERT_EQ(data["problems"].Size(), 4u);
    EXPECT_TRUE(data["problems"][0].IsNull());
    EXPECT_TRUE(data["problems"][2].IsNull());
    ASSERT_TRUE(data["problems"][3].IsObject()) << preview.body;
    EXPECT_STREQ(data["problems"][3]["reason"].GetString(),
                 "\"sai-email\" is not an email address");
    EXPECT_STREQ(data["problems"][3]["field"].GetString(), "email");
    JsonResponse mapped = ToJsonResponse(Upload(
        "/api/v1/imports/preview?kind=persons&map=Ghi%20ch%C3%BA%3D-&map=SĐT%3D-", kPersons));
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    EXPECT_TRUE(mapped.json["data"]["columns"][2]["field"].IsNull());
    JsonResponse unmapped_email =
        ToJsonResponse(Upload("/api/v1/imports/preview?kind=persons&map=Email%3D-", kPersons));
    ASSERT_EQ(unmapped_email.status, 200) << unmapped_email.body;
    EXPECT_TRUE(unmapped_email.json["data"]["problems"][3].IsNull()) << "the email is not read";
    EXPECT_EQ(Call("GET", "/api/v2/persons").json["data"].Size(), 0u) << "a preview writes nothing";
}

TEST_F(ImportApi, AJobImportsReportsAndKeepsItsRejectedRows) {
    JsonResponse started =
        ToJsonResponse(Upload("/api/v1/imports?kind=persons&file_name=khach.csv", kPersons));
    ASSERT_EQ(started.status, 201) << started.body;
    const auto& job = started.json["data"];
    EXPECT_STREQ(job["kind"].GetString(), "persons");
    EXPECT_STREQ(job["file_name"].GetString(), "khach.csv");
    EXPECT_EQ(job["rows_total"].GetInt(), 4);
    ASSERT_EQ(job["ignored_columns"].Size(), 1u);
    EXPECT_STREQ(job["ignored_columns"][0].GetString(), "Ghi chú");

    JsonResponse done = WaitForJob(job["id"].GetInt());
    ASSERT_EQ(done.status, 200) << done.body;
    const auto& summary = done.json["data"];
    EXPECT_STREQ(summary["status"].GetString(), "done") << done.body;
    EXPECT_EQ(summary["rows_done"].GetInt(), 4);
    EXPECT_EQ(summary["created"].GetInt(), 2);
    EXPECT_EQ(summary["skipped"].GetInt(), 1);
    EXPECT_EQ(summary["rejected"].GetInt(), 1);
    EXPECT_TRUE(summary["error"].IsNull());
    EXPECT_FALSE(summary["finish_time"].IsNull());

    HttpResult rejected =
        GetRaw("/api/v1/imports/" + std::to_string(job["id"].GetInt()) + "/rejected");
    ASSERT_EQ(rejected.status, 200);
    ASSERT_NE(rejected.Header("content-type"), nullptr);
    EXPECT_EQ(rejected.Header("content-type")->rfind("text/csv", 0), 0u);
    EXPECT_EQ(rejected.body,
              "line,reason,Họ tên,Email,SĐT,Ghi chú\r\n"
              "5,\"\"\"sai-email\"\" is not an email address\",Sai email,sai-email,,\r\n");

    JsonResponse persons = Call("GET", "/api/v2/persons");
    ASSERT_EQ(persons.json["data"].Size(), 2u);
    EXPECT_STREQ(persons.json["data"][0]["phones"][0]["value"].GetString(), "+84912345678");
}

TEST_F(ImportApi, ADryRunJobChangesNothing) {
    JsonResponse started =
        ToJsonResponse(Upload("/api/v1/imports?kind=persons&dry_run=true", kPersons));
    ASSERT_EQ(started.status, 201) << started.body;
    JsonResponse done = WaitForJob(started.json["data"]["id"].GetInt());
    EXPECT_STREQ(done.json["data"]["status"].GetString(), "done");
    EXPECT_TRUE(done.json["data"]["dry_run"].GetBool());
    EXPECT_EQ(done.json["data"]["created"].GetInt(), 2);
    EXPECT_EQ(Call("GET", "/api/v2/persons").json["data"].Size(), 0u);
}

TEST_F(ImportApi, BadUploadsAreRefusedNamingTheProblem) {
    JsonResponse no_kind = ToJsonResponse(Upload("/api/v1/imports", kPersons));
    EXPECT_EQ(no_kind.status, 400);
    EXPECT_STREQ(no_kind.json["field"].GetString(), "kind");
    JsonResponse latin1 =
        ToJsonResponse(Upload("/api/v1/imports?kind=persons", "name\nAn\nNguy\xE9n\n"));
    EXPECT_EQ(latin1.status, 400);
    EXPECT_STREQ(latin1.json["field"].GetString(), "line 3") << latin1.body;
    JsonResponse bad_map =
        ToJsonResponse(Upload("/api/v1/imports?kind=persons&map=Nope%3Dname", kPersons));
    EXPECT_EQ(bad_map.status, 400);
    EXPECT_STREQ(bad_map.json["field"].GetString(), "map");
    JsonResponse bad_duplicate =
        ToJsonResponse(Upload("/api/v1/imports?kind=persons&on_duplicate=merge", kPersons));
    EXPECT_EQ(bad_duplicate.status, 400);
    JsonResponse empty = ToJsonResponse(Upload("/api/v1/imports?kind=persons", ""));
    EXPECT_EQ(empty.status, 400);
    EXPECT_EQ(Call("GET", "/api/v1/imports/999").status, 404);
    EXPECT_EQ(GetRaw("/api/v1/exports/leads").status, 404);
    EXPECT_EQ(Call("GET", "/api/v2/persons").json["data"].Size(), 0u);
}

TEST_F(ImportApi, TheListShowsTheCallersOwnImportsNewestFirstInPages) {
    JsonResponse empty = Call("GET", "/api/v1/imports");
    ASSERT_EQ(empty.status, 200) << empty.body;
    EXPECT_EQ(empty.json["data"].Size(), 0u);
    EXPECT_FALSE(empty.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());

    int ids[3] = {};
    for (int i = 0; i < 3; ++i) {
        JsonResponse started = ToJsonResponse(Upload(
            "/api/v1/imports?kind=persons&dry_run=true&file_name=f" + std::to_string(i) + ".csv",
            kPersons));
        ASSERT_EQ(started.status, 201) << started.body;
        ids[i] = started.json["data"]["id"].GetInt();
        WaitForJob(ids[i]);
    }
    // Someone else's import is not in the caller's list.
    JsonResponse added = Call("POST", "/api/v1/users",
                              R"({"email":"rep@example.com","name":"Rep","role":"member",)"
                              R"("password":"mat-khau-dai-rep"})");
    ASSERT_EQ(added.status, 201) << added.body;
    JsonResponse rep_token =
        Call("POST", "/api/v1/apiTokens", R"({"email":"rep@example.com","name":"rep"})");
    ASSERT_EQ(rep_token.status, 201) << rep_token.body;
    const std::string rep = rep_token.json["data"]["token"].GetString();
    auto theirs = client_->Send("POST", "/api/v1/imports?kind=persons&dry_run=true", kPersons,
                                {{"x-api-token", rep}, {"content-type", "text/csv"}});
    ASSERT_TRUE(theirs.ok());
    ASSERT_EQ(theirs->status, 201) << theirs->body;

    JsonResponse first = Call("GET", "/api/v1/imports?limit=2");
    ASSERT_EQ(first.status, 200) << first.body;
    ASSERT_EQ(first.json["data"].Size(), 2u);
    EXPECT_EQ(first.json["data"][0]["id"].GetInt(), ids[2]);
    EXPECT_EQ(first.json["data"][1]["id"].GetInt(), ids[1]);
    EXPECT_STREQ(first.json["data"][0]["file_name"].GetString(), "f2.csv");
    EXPECT_STREQ(first.json["data"][0]["status"].GetString(), "done");
    EXPECT_EQ(first.json["data"][0]["rejected"].GetInt(), 1);
    const auto& pagination = first.json["additional_data"]["pagination"];
    EXPECT_TRUE(pagination["more_items_in_collection"].GetBool());
    EXPECT_EQ(pagination["next_start"].GetInt(), 2);

    JsonResponse second = Call("GET", "/api/v1/imports?start=2&limit=2");
    ASSERT_EQ(second.status, 200) << second.body;
    ASSERT_EQ(second.json["data"].Size(), 1u);
    EXPECT_EQ(second.json["data"][0]["id"].GetInt(), ids[0]);
    EXPECT_FALSE(
        second.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());

    JsonResponse rep_list = CallWithToken(rep, "GET", "/api/v1/imports");
    ASSERT_EQ(rep_list.status, 200);
    ASSERT_EQ(rep_list.json["data"].Size(), 1u);
    EXPECT_STREQ(rep_list.json["data"][0]["file_name"].GetString(), "");
    // A job and its rejected rows are the starter's (and the admins'): the rows hold the
    // file's data, which another member may not otherwise see.
    const std::string admins_job = "/api/v1/imports/" + std::to_string(ids[0]);
    EXPECT_EQ(CallWithToken(rep, "GET", admins_job).status, 404);
    EXPECT_EQ(CallWithToken(rep, "GET", admins_job + "/rejected").status, 404);
    const std::string reps_job =
        "/api/v1/imports/" + std::to_string(rep_list.json["data"][0]["id"].GetInt());
    EXPECT_EQ(CallWithToken(rep, "GET", reps_job).status, 200);
    EXPECT_EQ(Call("GET", reps_job).status, 200) << "an admin sees every job";

    JsonResponse bad = Call("GET", "/api/v1/imports?limit=0");
    EXPECT_EQ(bad.status, 400);
    EXPECT_STREQ(bad.json["field"].GetString(), "limit");
}

TEST_F(ImportApi, ExportsAreTheCsvTheCommandLineWrites) {
    JsonResponse started = ToJsonResponse(Upload("/api/v1/imports?kind=persons", kPersons));
    ASSERT_EQ(started.status, 201);
    WaitForJob(started.json["data"]["id"].GetInt());
    HttpResult exported = GetRaw("/api/v1/exports/persons");
    ASSERT_EQ(exported.status, 200);
    EXPECT_EQ(exported.Header("content-type")->rfind("text/csv", 0), 0u);
    EXPECT_EQ(exported.body, RunPipecrm({"export", "persons", "--db", db_}).out);
    EXPECT_NE(exported.body.find("Trần Thị Bình,binh@example.vn"), std::string::npos);
    for (const char* kind : {"organizations", "deals", "activities", "notes"}) {
        EXPECT_EQ(GetRaw(std::string("/api/v1/exports/") + kind).status, 200) << kind;
    }
}

}  // namespace
}  // namespace pipecrm::testing
