// Project pipelines over real HTTP (issue 10): a project pipeline from the template, projects
// with members, risks and milestones whose derived status follows them through the stages, the
// portfolio (API and `pipecrm report portfolio`), visibility, and bad input named by field.
#include <chrono>
#include <cstdio>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

// Today in Vietnam (UTC+7, the users' default zone), "YYYY-MM-DD", shifted by `days`.
std::string VietnamDay(int days) {
    const auto local =
        std::chrono::system_clock::now() + std::chrono::hours(7) + std::chrono::days(days);
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(local)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

class ProjectsApi : public ApiTest {
  protected:
    // A project pipeline; returns its id and fills the stage ids in order.
    std::int64_t AddProjectPipeline(const std::string& language,
                                    std::vector<std::int64_t>& stages) {
        JsonResponse created = Call("POST", "/api/v2/pipelines",
                                    R"({"name":"Delivery )" + language +
                                        R"(","kind":"project","language":")" + language + "\"}");
        EXPECT_EQ(created.status, 201) << created.body;
        EXPECT_STREQ(created.json["data"]["kind"].GetString(), "project");
        const std::int64_t id = created.json["data"]["id"].GetInt64();
        JsonResponse listed =
            Call("GET", "/api/v2/stages?pipeline_id=" + std::to_string(id) + "&sort_by=order_nr");
        stages.clear();
        for (const auto& s : listed.json["data"].GetArray()) {
            stages.push_back(s["id"].GetInt64());
            names_.push_back(s["name"].GetString());
        }
        return id;
    }

    JsonResponse Project(std::int64_t id) {
        return Call("GET", "/api/v1/projects/" + std::to_string(id));
    }

    void ExpectError(const JsonResponse& response, int status, const char* field) {
        EXPECT_EQ(response.status, status) << response.body;
        ASSERT_TRUE(response.json.IsObject()) << response.body;
        ASSERT_TRUE(response.json.HasMember("field")) << response.body;
        EXPECT_STREQ(response.json["field"].GetString(), field) << response.body;
    }

    std::vector<std::string> names_;
};

TEST_F(ProjectsApi, ATemplatePipelineInEnglishOrVietnamese) {
    std::vector<std::int64_t> stages;
    AddProjectPipeline("en", stages);
    ASSERT_EQ(stages.size(), 5u);
    EXPECT_EQ(names_,
              (std::vector<std::string>{"Idea", "Planning", "In progress", "Review", "Done"}));
    names_.clear();
    AddProjectPipeline("vi", stages);
    EXPECT_EQ(names_, (std::vector<std::string>{"Ý tưởng", "Lập kế hoạch", "Đang thực hiện",
                                                "Xem xét", "Hoàn thành"}));
    JsonResponse deal_pipeline = Call("GET", "/api/v2/pipelines/1");
    EXPECT_STREQ(deal_pipeline.json["data"]["kind"].GetString(), "deal");
}

TEST_F(ProjectsApi, StatusAndWorkloadFollowTheProjectThroughItsStages) {
    std::vector<std::int64_t> stages;
    const std::int64_t pipeline = AddProjectPipeline("en", stages);
    const std::string p = std::to_string(pipeline);
    JsonResponse created = Call("POST", "/api/v1/projects",
                                R"({"title":"Website","pipeline_id":)" + p + R"(,"start_date":")" +
                                    VietnamDay(-10) + R"(","due_date":")" + VietnamDay(30) +
                                    R"(","progress":20,"budget":1500.5,"budget_currency":"USD"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& data = created.json["data"];
    const std::int64_t website = data["id"].GetInt64();
    EXPECT_EQ(data["stage_id"].GetInt64(), stages[0]);
    EXPECT_STREQ(data["project_status"].GetString(), "on_track");
    EXPECT_DOUBLE_EQ(data["budget"].GetDouble(), 1500.5);
    EXPECT_STREQ(data["budget_currency"].GetString(), "USD");
    EXPECT_EQ(data["progress"].GetInt(), 20);
    const std::string w = std::to_string(website);

    JsonResponse app = Call("POST", "/api/v1/projects",
                            R"({"title":"App","stage_id":)" + std::to_string(stages[1]) + "}");
    ASSERT_EQ(app.status, 201) << app.body;
    const std::string a = std::to_string(app.json["data"]["id"].GetInt64());

    // The admin (user 1) gives 30 hours to one and 20 to the other: over 40.
    ASSERT_EQ(
        Call("POST", "/api/v1/projects/" + w + "/members", R"({"user_id":1,"hours_per_week":30})")
            .status,
        200);
    JsonResponse member =
        Call("POST", "/api/v1/projects/" + a + "/members", R"({"user_id":1,"hours_per_week":20})");
    ASSERT_EQ(member.status, 200) << member.body;
    EXPECT_EQ(member.json["data"]["hours_per_week"].GetInt(), 20);
    JsonResponse portfolio = Call("GET", "/api/v1/reports/portfolio?pipeline_id=" + p);
    ASSERT_EQ(portfolio.status, 200) << portfolio.body;
    const auto& workload = portfolio.json["data"]["workload"];
    ASSERT_EQ(workload["rows"].Size(), 1u) << portfolio.body;
    EXPECT_EQ(workload["rows"][0]["peak_hours"].GetInt(), 50);
    EXPECT_STREQ(workload["rows"][0]["over_allocated"].GetString(), "yes");
    EXPECT_EQ(workload["summary"]["over_allocated"].GetInt(), 1);

    // An open high risk puts the website at risk; closing it puts it back on track.
    JsonResponse risk = Call("POST", "/api/v1/projects/" + w + "/risks",
                             R"({"description":"Designer leaves","likelihood":"high",)"
                             R"("impact":"high","contingency":"Agency on call"})");
    ASSERT_EQ(risk.status, 201) << risk.body;
    EXPECT_STREQ(risk.json["data"]["project_status"].GetString(), "at_risk");
    EXPECT_EQ(risk.json["data"]["open_high_risks"].GetInt(), 1);
    const std::string risk_id = std::to_string(risk.json["data"]["risks"][0]["id"].GetInt64());
    EXPECT_STREQ(risk.json["data"]["risks"][0]["contingency"].GetString(), "Agency on call");
    JsonResponse closed =
        Call("PATCH", "/api/v1/projects/" + w + "/risks/" + risk_id, R"({"status":"closed"})");
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_STREQ(closed.json["data"]["project_status"].GetString(), "on_track");
    ASSERT_EQ(
        Call("PATCH", "/api/v1/projects/" + w + "/risks/" + risk_id, R"({"status":"open"})").status,
        200);

    // Progress far behind the time elapsed is at risk too: 30 of 40 days gone wants 75 %.
    JsonResponse behind = Call("PATCH", "/api/v1/projects/" + a,
                               R"({"start_date":")" + VietnamDay(-30) + R"(","due_date":")" +
                                   VietnamDay(10) + R"(","progress":10})");
    ASSERT_EQ(behind.status, 200) << behind.body;
    EXPECT_STREQ(behind.json["data"]["project_status"].GetString(), "at_risk");
    // An overdue milestone makes it late; done, it does not.
    JsonResponse milestone =
        Call("POST", "/api/v1/projects/" + a + "/milestones",
             R"({"name":"Design signed off","due_date":")" + VietnamDay(-1) + "\"}");
    ASSERT_EQ(milestone.status, 201) << milestone.body;
    EXPECT_STREQ(milestone.json["data"]["project_status"].GetString(), "late");
    const std::string m = std::to_string(milestone.json["data"]["milestones"][0]["id"].GetInt64());
    JsonResponse done = Call("PATCH", "/api/v1/projects/" + a + "/milestones/" + m,
                             R"({"done":true,"progress":80})");
    EXPECT_EQ(done.status, 400) << "progress is not a milestone field";
    done = Call("PATCH", "/api/v1/projects/" + a + "/milestones/" + m, R"({"done":true})");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_STREQ(done.json["data"]["project_status"].GetString(), "at_risk");

    // Moved through the stages with the deal routes, to Done: finished, on track, and its
    // hours leave the workload.
    for (std::size_t i = 1; i < stages.size(); ++i) {
        ASSERT_EQ(
            Call("PATCH", "/api/v2/deals/" + w, R"({"stage_id":)" + std::to_string(stages[i]) + "}")
                .status,
            200);
    }
    JsonResponse finished = Project(website);
    EXPECT_TRUE(finished.json["data"]["finished"].GetBool()) << finished.body;
    EXPECT_STREQ(finished.json["data"]["project_status"].GetString(), "on_track");
    portfolio = Call("GET", "/api/v1/reports/portfolio?pipeline_id=" + p);
    const auto& after = portfolio.json["data"];
    EXPECT_EQ(after["workload"]["rows"][0]["peak_hours"].GetInt(), 20) << portfolio.body;
    EXPECT_STREQ(after["workload"]["rows"][0]["over_allocated"].GetString(), "no");
    // By stage and status: App at risk in Planning, Website in Done.
    const auto& by_stage = after["stages"]["rows"];
    ASSERT_EQ(by_stage.Size(), 5u);
    EXPECT_EQ(by_stage[1]["at_risk"].GetInt(), 1);
    EXPECT_EQ(by_stage[4]["on_track"].GetInt(), 1);
    EXPECT_EQ(after["projects"]["summary"]["projects"].GetInt(), 2);
    EXPECT_EQ(after["projects"]["summary"]["at_risk"].GetInt(), 1);
    // Time in stage from the event log: the website left four stages.
    const auto& stage_time = after["stage_time"];
    EXPECT_STREQ(stage_time["report"].GetString(), "stage-time");
    ASSERT_EQ(stage_time["rows"].Size(), 5u) << portfolio.body;
    EXPECT_EQ(stage_time["rows"][0]["left_count"].GetInt(), 1) << portfolio.body;

    JsonResponse listed = Call("GET", "/api/v1/projects?pipeline_id=" + p);
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.json["data"].Size(), 2u);

    // Linked deals, and the member's removal.
    const std::int64_t sale = CreateDeal(R"({"title":"Website sale"})");
    JsonResponse linked = Call("POST", "/api/v1/projects/" + w + "/deals",
                               R"({"deal_ids":[)" + std::to_string(sale) + "]}");
    ASSERT_EQ(linked.status, 200) << linked.body;
    EXPECT_EQ(linked.json["data"]["deal_ids"][0].GetInt64(), sale);
    JsonResponse removed = Call("DELETE", "/api/v1/projects/" + a + "/members/1");
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.json["data"]["members"].Size(), 0u);
    EXPECT_EQ(Call("DELETE", "/api/v1/projects/" + a + "/members/1").status, 404);

    // The CLI prints the same portfolio.
    CommandResult json =
        RunPipecrm({"report", "portfolio", "--db", db_, "--pipeline", p, "--format", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    EXPECT_NE(json.out.find("\"title\":\"Website\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"stage_time\":{\"report\":\"stage-time\""), std::string::npos);
    CommandResult csv = RunPipecrm({"report", "portfolio", "--db", db_, "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("id,title,stage,status,progress,", 0), 0u) << csv.out;
    CommandResult table = RunPipecrm({"report", "portfolio", "--db", db_, "--weeks", "2"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("portfolio-workload"), std::string::npos) << table.out;
}

TEST_F(ProjectsApi, ProjectsFollowDealVisibility) {
    std::vector<std::int64_t> stages;
    const std::string p = std::to_string(AddProjectPipeline("en", stages));
    JsonResponse secret = Call("POST", "/api/v1/projects",
                               R"({"title":"Secret","pipeline_id":)" + p + R"(,"visible_to":1})");
    ASSERT_EQ(secret.status, 201) << secret.body;
    const std::string id = std::to_string(secret.json["data"]["id"].GetInt64());
    ASSERT_EQ(
        RunPipecrm({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"})
            .exit_code,
        0);
    CommandResult token =
        RunPipecrm({"token", "create", "--db", db_, "--email", "rep@example.com"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    std::string rep = token.out;
    while (!rep.empty() && (rep.back() == '\n' || rep.back() == '\r')) {
        rep.pop_back();
    }
    EXPECT_EQ(CallWithToken(rep, "GET", "/api/v1/projects/" + id).status, 404);
    EXPECT_EQ(CallWithToken(rep, "GET", "/api/v1/projects?pipeline_id=" + p).json["data"].Size(),
              0u);
    EXPECT_EQ(
        CallWithToken(rep, "POST", "/api/v1/projects/" + id + "/risks", R"({"description":"x"})")
            .status,
        404);
    EXPECT_EQ(Call("GET", "/api/v1/projects/" + id).status, 200);
}

TEST_F(ProjectsApi, BadInputIsRefusedNamingTheField) {
    ExpectError(Call("POST", "/api/v2/pipelines", R"({"name":"X","kind":"board"})"), 400, "kind");
    ExpectError(
        Call("POST", "/api/v2/pipelines", R"({"name":"X","kind":"project","language":"fr"})"), 400,
        "language");
    ExpectError(Call("POST", "/api/v2/pipelines", R"({"name":"X","language":"vi"})"), 400,
                "language");
    EXPECT_EQ(Call("GET", "/api/v2/pipelines").json["data"].Size(), 1u) << "nothing written";
    std::vector<std::int64_t> stages;
    const std::int64_t pipeline = AddProjectPipeline("en", stages);
    const std::string p = std::to_string(pipeline);
    ExpectError(Call("PATCH", "/api/v2/pipelines/" + p, R"({"kind":"deal"})"), 400, "kind");

    ExpectError(Call("POST", "/api/v1/projects", R"({"title":"X","pipeline_id":1})"), 400,
                "pipeline_id");
    ExpectError(Call("POST", "/api/v1/projects", R"({"title":"X"})"), 400, "pipeline_id");
    ExpectError(Call("POST", "/api/v1/projects", R"({"pipeline_id":)" + p + "}"), 400, "title");
    ExpectError(Call("POST", "/api/v1/projects",
                     R"({"title":"X","pipeline_id":)" + p + R"(,"progress":150})"),
                400, "progress");
    ExpectError(Call("POST", "/api/v1/projects",
                     R"({"title":"X","pipeline_id":)" + p +
                         R"(,"start_date":"2026-05-02","due_date":"2026-05-01"})"),
                400, "due_date");
    ExpectError(
        Call("POST", "/api/v1/projects",
             R"({"title":"X","pipeline_id":)" + p + R"(,"budget":10,"budget_currency":"XYZ"})"),
        400, "budget_currency");
    ExpectError(Call("POST", "/api/v1/projects",
                     R"({"title":"X","pipeline_id":)" + p + R"(,"start_date":"May 1"})"),
                400, "start_date");
    ExpectError(Call("POST", "/api/v1/projects",
                     R"({"title":"X","pipeline_id":)" + p + R"(,"colour":"red"})"),
                400, "colour");
    EXPECT_EQ(Call("GET", "/api/v1/projects").json["data"].Size(), 0u) << "nothing written";

    JsonResponse created =
        Call("POST", "/api/v1/projects", R"({"title":"Y","pipeline_id":)" + p + "}");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(created.json["data"]["id"].GetInt64());
    const std::string base = "/api/v1/projects/" + id;
    ExpectError(Call("POST", base + "/members", R"({"user_id":1,"hours_per_week":200})"), 400,
                "hours_per_week");
    ExpectError(Call("POST", base + "/members", R"({"user_id":999,"hours_per_week":10})"), 400,
                "user_id");
    ExpectError(Call("POST", base + "/members", R"({"hours_per_week":10})"), 400, "user_id");
    ExpectError(Call("POST", base + "/risks", R"({"description":"x","likelihood":"huge"})"), 400,
                "likelihood");
    ExpectError(Call("POST", base + "/risks", R"({"impact":"low"})"), 400, "description");
    ExpectError(Call("POST", base + "/risks", R"({"description":"x","status":"gone"})"), 400,
                "status");
    ExpectError(Call("POST", base + "/milestones", R"({"name":"M"})"), 400, "due_date");
    ExpectError(Call("POST", base + "/milestones", R"({"due_date":"2026-01-01"})"), 400, "name");
    ExpectError(Call("POST", base + "/deals", R"({"deal_ids":[999]})"), 400, "deal_ids");
    ExpectError(Call("POST", base + "/deals", R"({"deal_ids":[)" + id + "]}"), 400, "deal_ids");
    ExpectError(Call("PATCH", base, R"({"progress":-1})"), 400, "progress");
    JsonResponse unchanged = Call("GET", base);
    EXPECT_EQ(unchanged.json["data"]["members"].Size(), 0u);
    EXPECT_EQ(unchanged.json["data"]["risks"].Size(), 0u);
    EXPECT_EQ(unchanged.json["data"]["milestones"].Size(), 0u);
    EXPECT_EQ(Call("PATCH", base + "/risks/99", R"({"status":"closed"})").status, 404);

    const std::int64_t deal = CreateDeal(R"({"title":"Just a deal"})");
    EXPECT_EQ(Call("GET", "/api/v1/projects/" + std::to_string(deal)).status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/projects/999").status, 404);
    ExpectError(Call("GET", "/api/v1/reports/portfolio?pipeline_id=1"), 400, "pipeline_id");
    ExpectError(Call("GET", "/api/v1/reports/portfolio?weeks=60"), 400, "weeks");
    ExpectError(Call("GET", "/api/v1/reports/portfolio?capacity=x"), 400, "capacity");
    ExpectError(Call("GET", "/api/v1/projects?pipeline_id=1"), 400, "pipeline_id");

    CommandResult cli = RunPipecrm({"report", "portfolio", "--db", db_, "--format", "xml"});
    EXPECT_NE(cli.exit_code, 0);
    EXPECT_NE(cli.err.find("--format"), std::string::npos) << cli.err;
    cli = RunPipecrm({"report", "portfolio", "--db", db_, "--pipeline", "1"});
    EXPECT_NE(cli.exit_code, 0);
    EXPECT_NE(cli.err.find("not a project pipeline"), std::string::npos) << cli.err;
    cli = RunPipecrm({"report", "portfolio", "--db", db_, "--weeks", "0"});
    EXPECT_NE(cli.exit_code, 0);
}

}  // namespace
}  // namespace pipecrm::testing
