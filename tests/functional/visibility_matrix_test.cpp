// The authorization matrix (issue 4): for each role and each visibility level, every API
// family — list, get, update, delete, search, summary, timeline, reports — shows and changes
// exactly what the model in docs/security.md allows, and a second workspace never appears anywhere.
// Users, teams, the second workspace and tokens are made with the real CLI.
#include <chrono>
#include <functional>
#include <map>
#include <set>

#include "functional/api_fixture.hpp"

namespace pipecrm::testing {
namespace {

using Ids = std::set<std::int64_t>;

// One kind of record and how the API creates, reads, changes and deletes it.
struct Family {
    std::string type;       ///< itemSearch type, or "" when not searchable
    std::string path;       ///< collection path
    std::string list_path;  ///< a list of every row the caller may see
    std::string update_method;
    std::function<std::string(const std::string& text, int visible_to)> body;
};

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

class VisibilityMatrix : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        tokens_["admin"] = token_;
        for (auto [name, role] : {std::pair{"manager", "manager"},
                                  {"rep", "member"},
                                  {"mate", "member"},
                                  {"loner", "member"}}) {
            Cli({"user", "add", "--email", std::string(name) + "@a.example", "--name", name,
                 "--role", role});
        }
        Cli({"team", "add", "--name", "North", "--manager", "manager@a.example"});
        Cli({"team", "add-member", "--team", "North", "--email", "rep@a.example"});
        Cli({"team", "add-member", "--team", "North", "--email", "mate@a.example"});
        for (const char* name : {"manager", "rep", "mate", "loner"}) {
            tokens_[name] = Token({"--email", std::string(name) + "@a.example"});
        }
        Cli({"workspace", "create", "--name", "Other company", "--admin-email", "boss@b.example"});
        tokens_["other"] = Token({"--email", "boss@b.example", "--workspace", "Other company"});

        // A deal everyone in the first workspace sees, for notes to hang on.
        JsonResponse anchor = Call("POST", "/api/v2/deals", R"({"title":"anchor","visible_to":7})");
        ASSERT_EQ(anchor.status, 201) << anchor.body;
        anchor_deal_ = std::to_string(anchor.json["data"]["id"].GetInt64());
        JsonResponse other = CallWithToken(tokens_["other"], "POST", "/api/v2/deals",
                                           R"({"title":"mtx other company","visible_to":7})");
        ASSERT_EQ(other.status, 201) << other.body;
        other_deal_ = other.json["data"]["id"].GetInt64();
    }

    void Cli(std::vector<std::string> args) {
        args.insert(args.begin() +
                        (args[0] == "user" || args[0] == "team" || args[0] == "workspace" ? 2 : 1),
                    {"--db", db_});
        CommandResult result = RunPipecrm(args, {"PIPECRM_USER_PASSWORD=matrix-password",
                                                 "PIPECRM_ADMIN_PASSWORD=boss-password"});
        ASSERT_EQ(result.exit_code, 0) << args[0] << " " << args[1] << ": " << result.err;
    }

    std::string Token(std::vector<std::string> args) {
        args.insert(args.begin(), {"token", "create", "--db", db_});
        CommandResult result = RunPipecrm(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        std::string token = result.out;
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) {
            token.pop_back();
        }
        return token;
    }

    std::vector<Family> Families() const {
        const std::string deal = anchor_deal_;
        return {
            {"deal", "/api/v2/deals", "/api/v2/deals?limit=500", "PATCH",
             [](const std::string& text, int v) {
                 return R"({"title":")" + text + R"(","visible_to":)" + std::to_string(v) + "}";
             }},
            {"person", "/api/v2/persons", "/api/v2/persons?limit=500", "PATCH",
             [](const std::string& text, int v) {
                 return R"({"name":")" + text + R"(","visible_to":)" + std::to_string(v) + "}";
             }},
            {"organization", "/api/v2/organizations", "/api/v2/organizations?limit=500", "PATCH",
             [](const std::string& text, int v) {
                 return R"({"name":")" + text + R"(","visible_to":)" + std::to_string(v) + "}";
             }},
            {"product", "/api/v2/products", "/api/v2/products?limit=500", "PATCH",
             [](const std::string& text, int v) {
                 return R"({"name":")" + text + R"(","visible_to":)" + std::to_string(v) + "}";
             }},
            {"", "/api/v2/activities", "/api/v2/activities?limit=500", "PATCH",
             [](const std::string& text, int v) {
                 return R"({"subject":")" + text + R"(","visible_to":)" + std::to_string(v) + "}";
             }},
            {"", "/v1/notes", "/v1/notes?limit=500", "PUT",
             [deal](const std::string& text, int v) {
                 return R"({"content":")" + text + R"(","deal_id":)" + deal + R"(,"visible_to":)" +
                        std::to_string(v) + "}";
             }},
        };
    }

    // Who may see a record the rep owns with this visibility (docs/security.md).
    static bool Sees(const std::string& viewer, int visible_to) {
        if (viewer == "admin" || viewer == "rep" || viewer == "manager") {
            return true;  // the workspace's admin, the owner, the manager of the owner's team
        }
        if (viewer == "mate") {
            return visible_to != 1;
        }
        if (viewer == "loner") {
            return visible_to == 7;
        }
        return false;  // another workspace
    }

    // Creates a record of `family` owned by the rep; its id.
    std::int64_t CreateAsRep(const Family& family, const std::string& text, int visible_to) {
        JsonResponse created =
            CallWithToken(tokens_["rep"], "POST", family.path, family.body(text, visible_to));
        EXPECT_EQ(created.status, 201) << family.path << ": " << created.body;
        return created.status == 201 ? created.json["data"]["id"].GetInt64() : 0;
    }

    Ids Listed(const std::string& viewer, const Family& family) {
        JsonResponse list = CallWithToken(tokens_[viewer], "GET", family.list_path);
        EXPECT_EQ(list.status, 200) << list.body;
        Ids ids;
        if (list.status == 200) {
            for (const auto& row : list.json["data"].GetArray()) {
                ids.insert(row["id"].GetInt64());
            }
        }
        return ids;
    }

    std::map<std::string, std::string> tokens_;
    std::string anchor_deal_;
    std::int64_t other_deal_ = 0;
    const std::vector<std::string> viewers_ = {"admin", "manager", "rep", "mate", "loner", "other"};
    const std::vector<int> levels_ = {1, 3, 5, 7};
};

TEST_F(VisibilityMatrix, ListGetUpdateSearchSummaryAndTimelineShowExactlyWhatIsAllowed) {
    // rep's records: one per family and visibility level.
    std::map<std::string, std::map<int, std::int64_t>> ids;
    for (const Family& family : Families()) {
        for (int v : levels_) {
            ids[family.path][v] = CreateAsRep(family, "mtx " + std::to_string(v), v);
        }
    }
    for (const std::string& viewer : viewers_) {
        SCOPED_TRACE("viewer " + viewer);
        Ids expected_deals;
        for (const Family& family : Families()) {
            SCOPED_TRACE(family.path);
            Ids expected;
            for (int v : levels_) {
                const std::int64_t id = ids[family.path][v];
                const std::string item = family.path + "/" + std::to_string(id);
                const bool sees = Sees(viewer, v);
                if (sees) {
                    expected.insert(id);
                }
                EXPECT_EQ(CallWithToken(tokens_[viewer], "GET", item).status, sees ? 200 : 404)
                    << "get, visible_to " << v;
                EXPECT_EQ(CallWithToken(tokens_[viewer], family.update_method, item,
                                        family.body("mtx " + std::to_string(v), v))
                              .status,
                          sees ? 200 : 404)
                    << "update, visible_to " << v;
            }
            Ids listed = Listed(viewer, family);
            Ids matrix_rows;
            for (std::int64_t id : listed) {
                for (int v : levels_) {
                    if (ids[family.path][v] == id) {
                        matrix_rows.insert(id);
                    }
                }
            }
            EXPECT_EQ(matrix_rows, expected) << "list";
            if (family.type == "deal") {
                EXPECT_EQ(listed.count(other_deal_) == 1, viewer == "other")
                    << "the other workspace's deal appears only to its own admin";
                expected_deals = expected;
            }
            if (!family.type.empty()) {
                JsonResponse found =
                    CallWithToken(tokens_[viewer], "GET",
                                  "/api/v2/itemSearch?term=mtx&item_types=" + family.type);
                ASSERT_EQ(found.status, 200) << found.body;
                Ids hits;
                for (const auto& hit : found.json["data"]["items"].GetArray()) {
                    hits.insert(hit["item"]["id"].GetInt64());
                }
                Ids expected_hits = expected;
                if (viewer == "other" && family.type == "deal") {
                    expected_hits.insert(other_deal_);
                }
                EXPECT_EQ(hits, expected_hits) << "search";
            }
        }
        // Plus one: the anchor deal for the first workspace's people, the other company's
        // deal for its admin.
        const std::size_t deals = expected_deals.size() + 1;
        JsonResponse summary = CallWithToken(tokens_[viewer], "GET", "/v1/deals/summary");
        ASSERT_EQ(summary.status, 200) << summary.body;
        EXPECT_EQ(summary.json["data"]["total_count"].GetInt64(), static_cast<std::int64_t>(deals))
            << "summary";
        JsonResponse timeline = CallWithToken(
            tokens_[viewer], "GET",
            "/v1/deals/timeline?interval=day&amount=3&field_key=add_time&exclude_deals=1&"
            "start_date=" +
                VietnamDay(-1));
        ASSERT_EQ(timeline.status, 200) << timeline.body;
        std::int64_t counted = 0;
        for (const auto& period : timeline.json["data"].GetArray()) {
            counted += period["totals"]["count"].GetInt64();
        }
        EXPECT_EQ(counted, static_cast<std::int64_t>(deals)) << "timeline";
        // Reports (issue 7) count the same deals: every one is open in its first stage.
        const auto expected = static_cast<std::int64_t>(deals);
        JsonResponse funnel = CallWithToken(tokens_[viewer], "GET", "/api/v1/reports/funnel");
        ASSERT_EQ(funnel.status, 200) << funnel.body;
        EXPECT_EQ(funnel.json["data"]["rows"][0]["reached"].GetInt64(), expected) << "funnel";
        JsonResponse stalled = CallWithToken(tokens_[viewer], "GET", "/api/v1/reports/stalled");
        ASSERT_EQ(stalled.status, 200) << stalled.body;
        EXPECT_EQ(stalled.json["data"]["summary"]["open"].GetInt64(), expected) << "stalled";
        JsonResponse board = CallWithToken(tokens_[viewer], "GET", "/api/v1/reports/leaderboard");
        ASSERT_EQ(board.status, 200) << board.body;
        std::int64_t added = 0;
        for (const auto& row : board.json["data"]["rows"].GetArray()) {
            if (std::string(row["kind"].GetString()) == "user") {
                added += row["deals_added"].GetInt64();
            }
        }
        EXPECT_EQ(added, expected) << "leaderboard";
        JsonResponse forecast = CallWithToken(tokens_[viewer], "GET", "/api/v1/reports/forecast");
        ASSERT_EQ(forecast.status, 200) << forecast.body;
        EXPECT_EQ(forecast.json["data"]["rows"][0]["open"].GetInt64(), expected) << "forecast";
    }
}

TEST_F(VisibilityMatrix, DeletesReachOnlyWhatIsVisible) {
    for (const std::string& viewer : viewers_) {
        for (const Family& family : Families()) {
            for (int v : levels_) {
                const std::int64_t id = CreateAsRep(family, "doomed", v);
                EXPECT_EQ(
                    CallWithToken(tokens_[viewer], "DELETE", family.path + "/" + std::to_string(id))
                        .status,
                    Sees(viewer, v) ? 200 : 404)
                    << viewer << " deleting " << family.path << " visible_to " << v;
            }
        }
    }
}

TEST_F(VisibilityMatrix, SettingsAreForAdminsAndNewRecordsTakeTheDefault) {
    for (const char* viewer : {"manager", "rep"}) {
        JsonResponse pipeline =
            CallWithToken(tokens_[viewer], "POST", "/api/v2/pipelines", R"({"name":"Mine"})");
        EXPECT_EQ(pipeline.status, 403) << pipeline.body;
        EXPECT_EQ(
            CallWithToken(tokens_[viewer], "PATCH", "/api/v2/stages/1", R"({"name":"x"})").status,
            403);
        EXPECT_EQ(CallWithToken(tokens_[viewer], "GET", "/v1/webhooks").status, 403);
        EXPECT_EQ(CallWithToken(tokens_[viewer], "POST", "/v1/dealFields",
                                R"({"name":"Budget","field_type":"double"})")
                      .status,
                  403);
        EXPECT_EQ(CallWithToken(tokens_[viewer], "GET", "/api/v2/pipelines").status, 200)
            << "reading settings is fine";
    }
    EXPECT_EQ(Call("POST", "/api/v2/pipelines", R"({"name":"Admins may"})").status, 201);

    JsonResponse deal = CallWithToken(tokens_["rep"], "POST", "/api/v2/deals", R"({"title":"d"})");
    ASSERT_EQ(deal.status, 201) << deal.body;
    EXPECT_EQ(deal.json["data"]["visible_to"].GetInt(), 7) << "the workspace default";

    Cli({"workspace", "set", "--default-visibility", "1"});
    JsonResponse note =
        CallWithToken(tokens_["rep"], "POST", "/v1/notes",
                      R"({"content":"private by default","deal_id":)" + anchor_deal_ + "}");
    ASSERT_EQ(note.status, 201) << note.body;
    EXPECT_EQ(note.json["data"]["visible_to"].GetInt(), 1);
    const std::string note_path = "/v1/notes/" + std::to_string(note.json["data"]["id"].GetInt64());
    EXPECT_EQ(CallWithToken(tokens_["mate"], "GET", note_path).status, 404);
    EXPECT_EQ(CallWithToken(tokens_["manager"], "GET", note_path).status, 200);
    JsonResponse shared = CallWithToken(tokens_["rep"], "POST", "/api/v2/activities",
                                        R"({"subject":"call","visible_to":7})");
    EXPECT_EQ(shared.json["data"]["visible_to"].GetInt(), 7) << "a request may still name one";

    CommandResult bad = RunPipecrm({"workspace", "set", "--db", db_, "--default-visibility", "2"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--default-visibility"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace pipecrm::testing
