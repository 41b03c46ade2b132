// Automation rules over real HTTP with the real binary: triggers, conditions, actions, the run
// log, the chain limit, time triggers and a restart in the middle of the work.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

class AutomationRules : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_.File("crm.db");
        token_ = InitDatabaseWithToken(db_);
        StartServer();
    }

    void StartServer() {
        client_.reset();
        server_ = std::make_unique<ServerProcess>(db_);
        ASSERT_TRUE(server_->started());
        client_ = std::make_unique<HttpClient>("127.0.0.1", server_->port());
    }

    void RestartServer() {
        server_->Signal(SIGTERM);
        ASSERT_EQ(server_->Wait(), 0);
        StartServer();
    }

    JsonResponse Call(const std::string& method,
                      const std::string& target,
                      const std::string& body = {}) {
        auto result = client_->Send(method, target, body, {{"x-api-token", token_}});
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? ToJsonResponse(*result) : JsonResponse{};
    }

    std::int64_t AddRule(const std::string& body) {
        JsonResponse added = Call("POST", "/api/v1/automations", body);
        EXPECT_EQ(added.status, 201) << added.body;
        return added.status == 201 ? added.json["data"]["id"].GetInt64() : 0;
    }

    std::int64_t Create(const std::string& path, const std::string& body) {
        JsonResponse created = Call("POST", path, body);
        EXPECT_EQ(created.status, 201) << created.body;
        return created.status == 201 ? created.json["data"]["id"].GetInt64() : 0;
    }

    /// The rule's run log once no run is pending (or as it is after 30 seconds).
    JsonResponse SettledRuns(std::int64_t rule_id, unsigned at_least) {
        JsonResponse runs;
        for (int i = 0; i < 300; ++i) {
            runs = Call("GET", "/api/v1/automations/" + std::to_string(rule_id) + "/runs");
            bool pending = false;
            for (const auto& run : runs.json["data"].GetArray()) {
                pending = pending || std::string(run["status"].GetString()) == "pending";
            }
            if (!pending && runs.json["data"].Size() >= at_least) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return runs;
    }

    /// The deal's activities with this subject.
    unsigned ActivitiesOf(std::int64_t deal_id, const std::string& subject) {
        JsonResponse list =
            Call("GET", "/api/v2/activities?deal_id=" + std::to_string(deal_id) + "&limit=500");
        unsigned count = 0;
        for (const auto& a : list.json["data"].GetArray()) {
            count += subject == a["subject"].GetString() ? 1u : 0u;
        }
        return count;
    }

    TempDir dir_;
    std::string db_;
    std::string token_;
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<HttpClient> client_;
};

TEST_F(AutomationRules, AStageMoveCreatesAnActivityAndSetsAFieldWhenConditionsHold) {
    const auto rule = AddRule(
        R"({"name":"Call after qualifying","trigger":{"type":"deal_stage_changed",)"
        R"("from_stage_id":1,"to_stage_id":2},"conditions":[{"field":"value","op":">=",)"
        R"("value":1000}],"actions":[{"type":"create_activity","subject":"Call the customer",)"
        R"("activity_type":"call","due_in_days":2},{"type":"set_field","field":"probability",)"
        R"("value":"40"}]})");
    const auto big = Create("/api/v2/deals", R"({"title":"Big","value":5000,"currency":"USD"})");
    const auto small = Create("/api/v2/deals", R"({"title":"Small","value":10,"currency":"USD"})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(big), R"({"stage_id":2})").status,
              200);
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(small), R"({"stage_id":2})").status,
              200);

    JsonResponse runs = SettledRuns(rule, 2);
    ASSERT_EQ(runs.json["data"].Size(), 2u) << runs.body;
    const auto& small_run = runs.json["data"][0];  // newest first
    const auto& big_run = runs.json["data"][1];
    EXPECT_EQ(big_run["object_id"].GetInt64(), big);
    EXPECT_STREQ(big_run["status"].GetString(), "done") << runs.body;
    EXPECT_EQ(big_run["depth"].GetInt(), 1);
    EXPECT_STREQ(small_run["status"].GetString(), "skipped");
    EXPECT_STREQ(small_run["result"].GetString(), "conditions not met");

    EXPECT_EQ(ActivitiesOf(big, "Call the customer"), 1u);
    EXPECT_EQ(ActivitiesOf(small, "Call the customer"), 0u);
    JsonResponse deal = Call("GET", "/api/v2/deals/" + std::to_string(big));
    EXPECT_EQ(deal.json["data"]["probability"].GetInt(), 40);
    JsonResponse activities = Call("GET", "/api/v2/activities?deal_id=" + std::to_string(big));
    EXPECT_STREQ(activities.json["data"][0]["type"].GetString(), "call");

    // A move that does not match from/to triggers nothing.
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(big), R"({"stage_id":3})").status,
              200);
    EXPECT_EQ(SettledRuns(rule, 2).json["data"].Size(), 2u);
}

TEST_F(AutomationRules, RulesThatTriggerEachOtherStopAtTheChainLimit) {
    const auto a = AddRule(R"({"name":"A","trigger":{"type":"deal_stage_changed","to_stage_id":3},)"
                           R"("actions":[{"type":"set_field","field":"stage_id","value":"4"}]})");
    const auto b = AddRule(R"({"name":"B","trigger":{"type":"deal_stage_changed","to_stage_id":4},)"
                           R"("actions":[{"type":"set_field","field":"stage_id","value":"3"}]})");
    const auto deal = Create("/api/v2/deals", R"({"title":"Ping-pong"})");
    ASSERT_EQ(Call("PATCH", "/api/v2/deals/" + std::to_string(deal), R"({"stage_id":3})").status,
              200);
    JsonResponse runs_a = SettledRuns(a, 2);
    JsonResponse runs_b = SettledRuns(b, 2);
    // A (depth 1) -> B (2) -> A (3) -> B (4: skipped, chain limit).
    ASSERT_EQ(runs_a.json["data"].Size(), 2u) << runs_a.body;
    ASSERT_EQ(runs_b.json["data"].Size(), 2u) << runs_b.body;
    EXPECT_STREQ(runs_a.json["data"][0]["status"].GetString(), "done");
    EXPECT_EQ(runs_a.json["data"][0]["depth"].GetInt(), 3);
    EXPECT_STREQ(runs_b.json["data"][0]["status"].GetString(), "skipped");
    EXPECT_EQ(runs_b.json["data"][0]["depth"].GetInt(), 4);
    EXPECT_NE(std::string(runs_b.json["data"][0]["result"].GetString()).find("chain limit"),
              std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(SettledRuns(a, 2).json["data"].Size(), 2u);  // and nothing more happens
    EXPECT_EQ(
        Call("GET", "/api/v2/deals/" + std::to_string(deal)).json["data"]["stage_id"].GetInt(), 4);
}

TEST_F(AutomationRules, NewDealsGoRoundRobinToTheTeamAndPersonsGetAWelcomeTask) {
    ASSERT_EQ(RunPipecrm({"team", "add", "--db", db_, "--name", "Sales"}).exit_code, 0);
    for (const char* email : {"an@example.com", "binh@example.com"}) {
        CommandResult added = RunPipecrm(
            {"user", "add", "--db", db_, "--email", email, "--role", "member", "--team", "Sales"});
        ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    AddRule(R"({"name":"Spread","trigger":{"type":"deal_created"},)"
            R"("actions":[{"type":"assign_owner","team_id":1}]})");
    const auto welcome =
        AddRule(R"({"name":"Welcome","trigger":{"type":"person_created"},)"
                R"("conditions":[{"field":"email","op":"is_not_empty"}],)"
                R"("actions":[{"type":"create_activity","subject":"Say hello","due_in_days":0}]})");
    std::vector<std::int64_t> deals;
    for (int i = 0; i < 4; ++i) {
        deals.push_back(Create("/api/v2/deals", R"({"title":"Lead )" + std::to_string(i) + "\"}"));
    }
    Create("/api/v2/persons", R"({"name":"Chị Lan","emails":[{"value":"lan@example.com"}]})");
    Create("/api/v2/persons", R"({"name":"No email"})");
    SettledRuns(1, 4);
    std::vector<std::int64_t> owners;
    for (std::int64_t id : deals) {
        owners.push_back(
            Call("GET", "/api/v2/deals/" + std::to_string(id)).json["data"]["owner_id"].GetInt64());
    }
    EXPECT_EQ(owners, (std::vector<std::int64_t>{2, 3, 2, 3}));
    JsonResponse runs = SettledRuns(welcome, 2);
    ASSERT_EQ(runs.json["data"].Size(), 2u);
    EXPECT_STREQ(runs.json["data"][0]["status"].GetString(), "skipped");
    EXPECT_STREQ(runs.json["data"][1]["status"].GetString(), "done");
}

TEST_F(AutomationRules, TimeTriggersFireOncePerIdleSpellAndOverdueActivity) {
    const auto idle = AddRule(
        R"({"name":"Nudge","trigger":{"type":"deal_idle","idle_days":0},)"
        R"("actions":[{"type":"create_activity","subject":"Nudge","activity_type":"task"}]})");
    const auto overdue =
        AddRule(R"({"name":"Chase","trigger":{"type":"activity_overdue"},)"
                R"("actions":[{"type":"create_activity","subject":"Chase up","due_in_days":1}]})");
    const auto deal = Create("/api/v2/deals", R"({"title":"Quiet"})");
    Create("/api/v2/activities", R"({"subject":"Late call","deal_id":)" + std::to_string(deal) +
                                     R"(,"due_date":"2020-01-01"})");
    RestartServer();  // a start scans the time triggers
    RestartServer();  // and a second start finds nothing new
    EXPECT_EQ(SettledRuns(idle, 1).json["data"].Size(), 1u);
    EXPECT_EQ(SettledRuns(overdue, 1).json["data"].Size(), 1u);
    EXPECT_EQ(ActivitiesOf(deal, "Nudge"), 1u);
    EXPECT_EQ(ActivitiesOf(deal, "Chase up"), 1u);
}

TEST_F(AutomationRules, AKilledServerNeitherLosesNorRepeatsRuns) {
    const auto rule = AddRule(R"({"name":"Follow up","trigger":{"type":"deal_created"},)"
                              R"("actions":[{"type":"create_activity","subject":"Follow up"}]})");
    std::vector<std::int64_t> deals;
    for (int i = 0; i < 20; ++i) {
        deals.push_back(Create("/api/v2/deals", R"({"title":"D)" + std::to_string(i) + "\"}"));
    }
    server_->Signal(SIGKILL);
    server_->Wait();
    StartServer();
    JsonResponse runs = SettledRuns(rule, 20);
    ASSERT_EQ(runs.json["data"].Size(), 20u);
    for (const auto& run : runs.json["data"].GetArray()) {
        EXPECT_STREQ(run["status"].GetString(), "done");
    }
    for (std::int64_t id : deals) {
        EXPECT_EQ(ActivitiesOf(id, "Follow up"), 1u) << id;
    }
}

TEST_F(AutomationRules, BadRulesAreRefusedNamingTheField) {
    struct Case {
        const char* body;
        const char* field;
    };
    const Case cases[] = {
        {R"({"trigger":{"type":"deal_created"},"actions":[{"type":"set_field","field":"x"}]})",
         "name"},
        {R"({"name":"n","actions":[{"type":"set_field","field":"x"}]})", "trigger"},
        {R"({"name":"n","trigger":{"type":"deal_exploded"},"actions":[]})", "trigger.type"},
        {R"({"name":"n","trigger":{"type":"deal_created"},"actions":[]})", "actions"},
        {R"({"name":"n","trigger":{"type":"deal_created"},"actions":[{"type":"fly"}]})",
         "actions[0].type"},
        {R"({"name":"n","trigger":{"type":"deal_created"},"actions":[{"type":"create_activity"}]})",
         "actions[0].subject"},
        {R"({"name":"n","trigger":{"type":"deal_created"},)"
         R"("actions":[{"type":"assign_owner","team_id":99}]})",
         "actions[0].team_id"},
        {R"({"name":"n","trigger":{"type":"deal_stage_changed","to_stage_id":99},)"
         R"("actions":[{"type":"set_field","field":"title","value":"x"}]})",
         "trigger.to_stage_id"},
        {R"({"name":"n","trigger":{"type":"deal_idle"},)"
         R"("actions":[{"type":"set_field","field":"title","value":"x"}]})",
         "trigger.idle_days"},
        {R"({"name":"n","trigger":{"type":"deal_created"},"conditions":[{"field":"value",)"
         R"("op":"~"}],"actions":[{"type":"set_field","field":"title","value":"x"}]})",
         "conditions[0].op"},
        {R"({"name":"n","trigger":{"type":"deal_created"},)"
         R"("actions":[{"type":"call_webhook","webhook_id":5}]})",
         "actions[0].webhook_id"},
        {R"({"name":"n","colour":1,"trigger":{"type":"deal_created"},"actions":[]})", "colour"},
    };
    for (const Case& c : cases) {
        JsonResponse response = Call("POST", "/api/v1/automations", c.body);
        EXPECT_EQ(response.status, 400) << c.body;
        EXPECT_STREQ(response.json["field"].GetString(), c.field) << response.body;
    }
    EXPECT_EQ(Call("GET", "/api/v1/automations").json["data"].Size(), 0u);

    const auto rule = AddRule(R"({"name":"Off switch","trigger":{"type":"deal_created"},)"
                              R"("actions":[{"type":"create_activity","subject":"x"}]})");
    const std::string path = "/api/v1/automations/" + std::to_string(rule);
    JsonResponse off = Call("PATCH", path, R"({"active":false})");
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_FALSE(off.json["data"]["active"].GetBool());
    Create("/api/v2/deals", R"({"title":"Unseen"})");
    EXPECT_EQ(SettledRuns(rule, 0).json["data"].Size(), 0u);
    EXPECT_EQ(Call("DELETE", path).status, 200);
    EXPECT_EQ(Call("GET", path).status, 404);
    EXPECT_EQ(Call("GET", path + "/runs").status, 404);
    auto anonymous = client_->Send("GET", "/api/v1/automations");
    ASSERT_TRUE(anonymous.ok());
    EXPECT_EQ(anonymous->status, 401);
}

}  // namespace
}  // namespace pipecrm::testing
