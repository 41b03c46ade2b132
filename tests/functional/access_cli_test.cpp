// Users, teams, tokens, workspaces and the audit log: the real binary's administration
// commands (no terminal, secrets from the environment) and what they change over HTTP.
#include <thread>

#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

const std::string kMemberPassword = "PIPECRM_USER_PASSWORD=member-secret-1";

// `pipecrm WORDS... --db DB ARGS...`, expecting success; returns stdout.
std::string Ok(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    CommandResult result = RunPipecrm(args, env);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

// Expects the exit code of `code` and a message containing `message` on stderr, nothing on
// stdout.
void Fails(const std::vector<std::string>& args,
           int code,
           const std::string& message,
           const std::vector<std::string>& env = {}) {
    CommandResult result = RunPipecrm(args, env);
    EXPECT_EQ(result.exit_code, code) << args[0] << " " << args[1] << ": " << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_EQ(result.err.find("terminate"), std::string::npos) << result.err;
}

std::vector<std::string> AuditEvents(const std::string& db) {
    return QueryColumn(db, "SELECT event || ' ' || subject_type FROM audit_log ORDER BY id");
}

bool Contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

TEST(AccessCli, UsersAreAddedListedDisabledAndReset) {
    TempDir dir;
    const std::string db = NewTestDatabase(dir);
    InitDatabaseWithToken(db);
    Ok({"team", "add", "--db", db, "--name", "Sales"});
    Ok({"user", "add", "--db", db, "--email", "Rep@Example.com", "--name", "Rep One", "--role",
        "member", "--team", "Sales"},
       {kMemberPassword});
    CommandResult no_password =
        RunPipecrm({"user", "add", "--db", db, "--email", "boss@example.com", "--role", "manager"});
    ASSERT_EQ(no_password.exit_code, 0) << no_password.err;
    EXPECT_NE(no_password.err.find("cannot sign in until an admin sets one"), std::string::npos)
        << no_password.err;
    EXPECT_EQ(QueryColumn(db, "SELECT password_hash FROM users WHERE email = 'boss@example.com'"),
              std::vector<std::string>{""});
    const auto rep_hash =
        QueryColumn(db, "SELECT password_hash FROM users WHERE email = 'rep@example.com'");
    ASSERT_EQ(rep_hash.size(), 1u);
    EXPECT_EQ(rep_hash[0].rfind("$argon2id$", 0), 0u) << "stored hashed";

    const std::string list = Ok({"user", "list", "--db", db});
    EXPECT_NE(list.find("id  email"), std::string::npos) << list;
    EXPECT_NE(list.find("rep@example.com"), std::string::npos) << list;
    EXPECT_NE(list.find("Rep One"), std::string::npos) << list;
    EXPECT_NE(list.find("Sales"), std::string::npos) << list;
    EXPECT_NE(list.find("manager"), std::string::npos) << list;
    EXPECT_EQ(list.find("member-secret-1"), std::string::npos) << "no password in the list";
    EXPECT_EQ(list.find(rep_hash[0]), std::string::npos) << "no hash in the list";
    EXPECT_EQ(list.find("argon2"), std::string::npos) << list;

    Fails({"user", "add", "--db", db, "--email", "rep@example.com", "--role", "member"}, 4,
          "already has a user");
    Fails({"user", "add", "--db", db, "--email", "x@example.com", "--role", "owner"}, 2,
          "admin, manager or member");
    Fails({"user", "add", "--db", db, "--email", "not-an-email", "--role", "member"}, 2,
          "not an email address");
    Fails({"user", "add", "--db", db, "--email", "y@example.com", "--role", "member", "--team",
           "Nope"},
          3, "no team named \"Nope\"");
    Fails({"user", "add", "--db", db, "--email", "z@example.com", "--role", "member"}, 2,
          "at least 8", {"PIPECRM_USER_PASSWORD=short"});
    Fails({"user", "add", "--db", dir.File("none.db"), "--email", "z@example.com", "--role",
           "member"},
          3, "no database");
    Fails({"user", "add", "--db", db, "--role", "member"}, 2, "missing --email");

    Ok({"user", "reset-password", "--db", db, "--email", "boss@example.com"}, {kMemberPassword});
    EXPECT_EQ(QueryColumn(db,
                          "SELECT substr(password_hash, 1, 10) FROM users WHERE email = "
                          "'boss@example.com'"),
              std::vector<std::string>{"$argon2id$"});
    Fails({"user", "reset-password", "--db", db, "--email", "boss@example.com"}, 2,
          "PIPECRM_USER_PASSWORD");
    Fails({"user", "reset-password", "--db", db, "--email", "who@example.com"}, 3, "no user",
          {kMemberPassword});

    Ok({"user", "set-role", "--db", db, "--email", "boss@example.com", "--role", "admin"});
    Ok({"user", "set-role", "--db", db, "--email", "admin@example.com", "--role", "member"});
    Fails({"user", "set-role", "--db", db, "--email", "boss@example.com", "--role", "member"}, 5,
          "without an active admin");
    Fails({"user", "disable", "--db", db, "--email", "boss@example.com"}, 5,
          "without an active admin");
    Ok({"user", "disable", "--db", db, "--email", "rep@example.com"});
    Fails({"user", "disable", "--db", db, "--email", "rep@example.com"}, 5, "already disabled");
    EXPECT_NE(Ok({"user", "list", "--db", db}).find("no "), std::string::npos);

    const auto events = AuditEvents(db);
    for (const char* expected : {"workspace_created workspace", "team_created team",
                                 "user_added user", "team_member_added team", "password_reset user",
                                 "role_changed user", "user_disabled user"}) {
        EXPECT_TRUE(Contains(events, expected)) << expected;
    }
    const auto details = QueryColumn(db, "SELECT detail FROM audit_log");
    for (const std::string& detail : details) {
        EXPECT_EQ(detail.find("member-secret-1"), std::string::npos) << detail;
    }
    EXPECT_TRUE(Contains(details, "boss@example.com: manager -> admin"));
}

TEST(AccessCli, TeamsAreAddedListedAndJoined) {
    TempDir dir;
    const std::string db = NewTestDatabase(dir);
    InitDatabaseWithToken(db);
    Ok({"user", "add", "--db", db, "--email", "lead@example.com", "--role", "manager"},
       {kMemberPassword});
    Ok({"user", "add", "--db", db, "--email", "rep@example.com", "--role", "member"},
       {kMemberPassword});
    Ok({"team", "add", "--db", db, "--name", "North", "--manager", "lead@example.com"});
    Ok({"team", "add-member", "--db", db, "--team", "North", "--email", "rep@example.com"});
    Ok({"team", "add-member", "--db", db, "--team", "North", "--email", "rep@example.com"});
    const std::string list = Ok({"team", "list", "--db", db});
    EXPECT_NE(list.find("North  lead@example.com  rep@example.com"), std::string::npos) << list;
    EXPECT_EQ(QueryColumn(db, "SELECT COUNT(*) FROM team_members"), std::vector<std::string>{"1"});

    Fails({"team", "add", "--db", db, "--name", "North"}, 4, "already has a team");
    Fails({"team", "add", "--db", db, "--name", " "}, 2, "needs a name");
    Fails({"team", "list", "--db", dir.File("none.db")}, 3, "no database");
    Fails({"user", "set-role", "--db", db, "--email", "rep@example.com", "--role", "boss"}, 2,
          "admin, manager or member");
    Fails({"audit", "list", "--db", db, "--limit", "many"}, 2, "--limit");
    Fails({"token", "list", "--db", db, "--workspace", "Nope"}, 3, "no workspace is named");
    Fails({"team", "add", "--db", db, "--name", "South", "--manager", "who@example.com"}, 3,
          "no user");
    Fails({"team", "add-member", "--db", db, "--team", "South", "--email", "rep@example.com"}, 3,
          "no team");
    Fails({"team", "add-member", "--db", db, "--team", "North", "--email", "who@example.com"}, 3,
          "no user");
    EXPECT_EQ(QueryColumn(db, "SELECT COUNT(*) FROM audit_log WHERE event = 'team_member_added'"),
              std::vector<std::string>{"1"})
        << "joining twice is one change";
}

TEST(AccessCli, WorkspacesKeepTheirUsersApart) {
    TempDir dir;
    const std::string db = NewTestDatabase(dir);
    const std::string first_token = InitDatabaseWithToken(db);
    const std::string other = "Công ty Khác";
    Ok({"workspace", "create", "--db", db, "--name", other, "--admin-email", "admin@example.com",
        "--lang", "vi"},
       {"PIPECRM_ADMIN_PASSWORD=another-long-one"});
    Fails({"workspace", "create", "--db", db, "--name", other, "--admin-email", "b@example.com"}, 4,
          "already named", {"PIPECRM_ADMIN_PASSWORD=another-long-one"});
    Fails({"workspace", "create", "--db", db, "--name", "Third", "--admin-email", "b@example.com"},
          2, "PIPECRM_ADMIN_PASSWORD");
    Fails({"workspace", "create", "--db", dir.File("none.db"), "--name", "Third", "--admin-email",
           "b@example.com"},
          3, "no database", {"PIPECRM_ADMIN_PASSWORD=another-long-one"});
    Fails({"user", "list", "--db", db, "--workspace", "Nope"}, 3, "no workspace is named");
    Fails({"token", "create", "--db", db, "--workspace", "Nope", "--email", "admin@example.com"}, 3,
          "no workspace is named");

    // The same email in both, each a user of its own workspace.
    Ok({"user", "add", "--db", db, "--workspace", other, "--email", "rep@example.com", "--role",
        "member"},
       {kMemberPassword});
    EXPECT_EQ(Ok({"user", "list", "--db", db}).find("rep@example.com"), std::string::npos);
    EXPECT_NE(Ok({"user", "list", "--db", db, "--workspace", other}).find("rep@example.com"),
              std::string::npos);
    const std::string other_token =
        Ok({"token", "create", "--db", db, "--workspace", other, "--email", "admin@example.com"});
    ASSERT_EQ(other_token.size(), 41u) << "only the token: " << other_token;

    ServerProcess server(db);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto stages =
        client.Send("GET", "/api/v2/stages", "", {{"x-api-token", other_token.substr(0, 40)}});
    ASSERT_TRUE(stages.ok());
    EXPECT_NE(stages->body.find("Chốt đơn"), std::string::npos) << "set up like init's";
    auto users = client.Send("GET", "/api/v1/users", "", {{"x-api-token", first_token}});
    ASSERT_TRUE(users.ok());
    EXPECT_EQ(users->body.find("rep@example.com"), std::string::npos) << users->body;
}

TEST(AccessCli, RevokedTokensStopWorkingAtOnce) {
    TempDir dir;
    const std::string db = NewTestDatabase(dir);
    const std::string admin_token = InitDatabaseWithToken(db);
    Ok({"user", "add", "--db", db, "--email", "rep@example.com", "--role", "member"},
       {kMemberPassword});
    const std::string rep_token =
        Ok({"token", "create", "--db", db, "--email", "rep@example.com", "--name", "laptop"})
            .substr(0, 40);
    ServerProcess server(db);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto before = client.Send("GET", "/api/v2/deals", "", {{"x-api-token", rep_token}});
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before->status, 200) << before->body;

    const std::string list = Ok({"token", "list", "--db", db, "--email", "rep@example.com"});
    EXPECT_NE(list.find("laptop"), std::string::npos) << list;
    EXPECT_EQ(list.find("admin@example.com"), std::string::npos) << "--email filters" << list;
    const auto ids = QueryColumn(db, "SELECT id FROM api_tokens WHERE name = 'laptop'");
    ASSERT_EQ(ids.size(), 1u);
    Ok({"token", "revoke", "--db", db, "--id", ids[0]});

    // The same request again: answered from no cache, refused.
    auto after = client.Send("GET", "/api/v2/deals", "", {{"x-api-token", rep_token}});
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->status, 401) << after->body;
    EXPECT_NE(after->body.find("revoked"), std::string::npos) << after->body;
    auto admin = client.Send("GET", "/api/v2/deals", "", {{"x-api-token", admin_token}});
    ASSERT_TRUE(admin.ok());
    EXPECT_EQ(admin->status, 200) << "other tokens keep working";

    const std::string revoked_list = Ok({"token", "list", "--db", db});
    const std::size_t laptop = revoked_list.find("laptop");
    ASSERT_NE(laptop, std::string::npos) << revoked_list;
    const std::string row = revoked_list.substr(laptop, revoked_list.find('\n', laptop) - laptop);
    EXPECT_NE(row.back(), '-') << "the revoked column is filled: " << row;
    Fails({"token", "revoke", "--db", db, "--id", ids[0]}, 5, "already revoked");
    Fails({"token", "revoke", "--db", db, "--id", "999"}, 3, "not found");
    Fails({"token", "revoke", "--db", db, "--id", "x"}, 2, "--id");
    Fails({"token", "list", "--db", db, "--email", "who@example.com"}, 3, "no user");

    EXPECT_TRUE(Contains(AuditEvents(db), "token_revoked api_token"));
}

TEST(AccessCli, DisabledUsersTokensAreRefused) {
    TempDir dir;
    const std::string db = NewTestDatabase(dir);
    InitDatabaseWithToken(db);
    Ok({"user", "add", "--db", db, "--email", "rep@example.com", "--role", "member"},
       {kMemberPassword});
    const std::string rep_token =
        Ok({"token", "create", "--db", db, "--email", "rep@example.com"}).substr(0, 40);
    Ok({"user", "disable", "--db", db, "--email", "rep@example.com"});
    Fails({"token", "create", "--db", db, "--email", "rep@example.com"}, 5, "disabled");
    ServerProcess server(db);
    ASSERT_TRUE(server.started());
    HttpClient client("127.0.0.1", server.port());
    auto refused = client.Send("GET", "/api/v2/deals", "", {{"x-api-token", rep_token}});
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->status, 401);
    EXPECT_NE(refused->body.find("disabled"), std::string::npos) << refused->body;
}

using AccessApi = ApiTest;

// Waits up to 10 s for `sql` to return a row that is not NULL.
std::vector<std::string> AwaitValue(const std::string& db, const std::string& sql) {
    for (int i = 0; i < 200; ++i) {
        auto values = QueryColumn(db, sql);
        if (!values.empty() && values[0] != "NULL") {
            return values;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {};
}

TEST_F(AccessApi, LastUsedTimeIsRecordedAtMostOnceAMinute) {
    const std::string sql = "SELECT last_used_time FROM api_tokens";
    EXPECT_EQ(QueryColumn(db_, sql), std::vector<std::string>{"NULL"});
    EXPECT_EQ(Call("GET", "/api/v2/deals").status, 200);
    const auto first = AwaitValue(db_, sql);
    ASSERT_EQ(first.size(), 1u) << "last_used_time was never written";
    // After that write, the same GET is answered from the cache again and again: no request
    // within the minute writes (a write would empty the cache).
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(Call("GET", "/api/v2/deals").status, 200);
        // Time for a write, had one been queued, to commit before the next request; and the
        // requests span more than a second, so such a write would change the stored time.
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
    }
    EXPECT_EQ(QueryColumn(db_, sql), first);
    const std::string list = Ok({"token", "list", "--db", db_});
    EXPECT_NE(list.find("last used"), std::string::npos);
    EXPECT_EQ(list.find(token_), std::string::npos) << "never the token";
    EXPECT_EQ(list.find(QueryColumn(db_, "SELECT token_hash FROM api_tokens")[0]),
              std::string::npos)
        << "never its hash";
    server_->Signal(SIGTERM);
    ASSERT_EQ(server_->Wait(), 0);
    EXPECT_NE(server_->Log().find("response cache: 3 hits"), std::string::npos) << server_->Log();
}

TEST_F(AccessApi, DeletionsAreAuditedAndOnlyAdminsReadTheLog) {
    const std::int64_t deal = CreateDeal(R"({"title":"Gói Enterprise"})");
    const auto id_of = [](const JsonResponse& r) {
        return std::to_string(r.json["data"]["id"].GetInt64());
    };
    const std::string person = id_of(Call("POST", "/api/v2/persons", R"({"name":"Trần Thị B"})"));
    const std::string org = id_of(Call("POST", "/api/v2/organizations", R"({"name":"Acme"})"));
    const std::string activity =
        id_of(Call("POST", "/api/v2/activities", R"({"type":"call","subject":"Gọi lại"})"));
    const std::string note =
        id_of(Call("POST", "/api/v1/notes",
                   R"({"content":"secret plans","deal_id":)" + std::to_string(deal) + "}"));
    const std::string product =
        id_of(Call("POST", "/api/v2/products", R"({"name":"CRM Basic","code":"B1"})"));
    for (const std::string& target :
         {"/api/v2/deals/" + std::to_string(deal), "/api/v2/persons/" + person,
          "/api/v2/organizations/" + org, "/api/v2/activities/" + activity, "/api/v1/notes/" + note,
          "/api/v2/products/" + product}) {
        EXPECT_EQ(Call("DELETE", target).status, 200) << target;
    }

    JsonResponse log = Call("GET", "/api/v1/auditLog?event=record_deleted");
    ASSERT_EQ(log.status, 200) << log.body;
    const auto& entries = log.json["data"];
    ASSERT_EQ(entries.Size(), 6u) << log.body;
    EXPECT_STREQ(entries[0]["subject_type"].GetString(), "product") << "newest first";
    EXPECT_STREQ(entries[0]["detail"].GetString(), "CRM Basic");
    EXPECT_STREQ(entries[5]["subject_type"].GetString(), "deal");
    EXPECT_STREQ(entries[5]["detail"].GetString(), "Gói Enterprise");
    EXPECT_EQ(entries[5]["subject_id"].GetInt64(), deal);
    EXPECT_EQ(entries[5]["actor_user_id"].GetInt64(), 1);
    EXPECT_STREQ(entries[5]["remote_address"].GetString(), "127.0.0.1");
    EXPECT_EQ(log.body.find("secret plans"), std::string::npos) << "a note's text stays out";

    JsonResponse page = Call("GET", "/v1/auditLog?limit=2&start=1");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json["data"].Size(), 2u);
    EXPECT_TRUE(page.json["additional_data"]["pagination"]["more_items_in_collection"].GetBool());
    EXPECT_EQ(Call("GET", "/api/v1/auditLog?event=nothing").status, 400);

    Ok({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"},
       {kMemberPassword});
    const std::string rep_token =
        Ok({"token", "create", "--db", db_, "--email", "rep@example.com"}).substr(0, 40);
    JsonResponse denied = CallWithToken(rep_token, "GET", "/api/v1/auditLog");
    EXPECT_EQ(denied.status, 403) << denied.body;
    EXPECT_FALSE(denied.json["success"].GetBool());
    EXPECT_STREQ(denied.json["code"].GetString(), "permission_denied");

    const std::string cli = Ok({"audit", "list", "--db", db_, "--limit", "3"});
    EXPECT_NE(cli.find("token_created"), std::string::npos) << cli;
    EXPECT_NE(cli.find("user_added"), std::string::npos) << cli;
    EXPECT_NE(cli.find("record_deleted"), std::string::npos) << cli;
    EXPECT_EQ(cli.find("workspace_created"), std::string::npos) << "--limit 3: " << cli;
    EXPECT_EQ(cli.find(rep_token), std::string::npos);
}

TEST_F(AccessApi, SignInsAreAudited) {
    for (const char* password : {"wrong password", "correct horse"}) {
        auto login = client_->Send(
            "POST", "/api/v1/auth/login",
            std::string(R"({"email":"admin@example.com","password":")") + password + "\"}");
        ASSERT_TRUE(login.ok());
    }
    auto unknown = client_->Send("POST", "/api/v1/auth/login",
                                 R"({"email":"nobody@example.com","password":"whatever1"})");
    ASSERT_TRUE(unknown.ok());
    EXPECT_EQ(unknown->status, 401);
    const auto succeeded =
        AwaitValue(db_, "SELECT actor_user_id FROM audit_log WHERE event = 'login_succeeded'");
    ASSERT_EQ(succeeded, std::vector<std::string>{"1"}) << "written without waiting";
    EXPECT_EQ(
        QueryColumn(db_,
                    "SELECT COALESCE(CAST(actor_user_id AS TEXT), 'none') || ' ' || subject_id || "
                    "' ' || detail FROM audit_log WHERE event = 'login_failed'"),
        std::vector<std::string>{"none 1 admin@example.com"})
        << "one failure, naming the account; the unknown email belongs to no workspace";
    JsonResponse log = Call("GET", "/api/v1/auditLog?event=login_failed");
    ASSERT_EQ(log.status, 200) << log.body;
    EXPECT_EQ(log.json["data"].Size(), 1u);
    EXPECT_EQ(log.body.find("wrong password"), std::string::npos);
}

TEST_F(AccessApi, NoTokenOrPasswordReachesTheLogOrTheListings) {
    Ok({"user", "add", "--db", db_, "--email", "rep@example.com", "--role", "member"},
       {kMemberPassword});
    const std::string rep_token =
        Ok({"token", "create", "--db", db_, "--email", "rep@example.com"}).substr(0, 40);
    CallWithToken(rep_token, "GET", "/api/v2/deals");
    CallWithToken("", "GET", "/api/v2/deals?api_token=" + rep_token);
    auto bearer =
        client_->Send("GET", "/api/v1/users/me", "", {{"Authorization", "Bearer " + token_}});
    ASSERT_TRUE(bearer.ok());
    CallWithToken(rep_token, "GET", "/api/v1/auditLog");
    CallWithToken(std::string(40, 'f'), "GET", "/api/v2/deals");
    const std::string tokens = Ok({"token", "list", "--db", db_});
    const std::string users = Ok({"user", "list", "--db", db_});
    const std::string audit = Ok({"audit", "list", "--db", db_});
    server_->Signal(SIGTERM);
    ASSERT_EQ(server_->Wait(), 0);
    const std::string log = server_->Log();
    EXPECT_NE(log.find("\"GET /api/v2/deals\" 200"), std::string::npos) << log;
    for (const std::string& secret :
         {rep_token, token_, std::string("member-secret-1"), std::string("correct horse")}) {
        for (const std::string* text : {&log, &tokens, &users, &audit}) {
            EXPECT_EQ(text->find(secret), std::string::npos) << secret << " leaked:\n" << *text;
        }
    }
    for (const std::string& hash : QueryColumn(db_, "SELECT token_hash FROM api_tokens")) {
        EXPECT_EQ(tokens.find(hash), std::string::npos);
        EXPECT_EQ(log.find(hash), std::string::npos);
    }
}

}  // namespace
}  // namespace pipecrm::testing
