// Web sign-in over real HTTP: the session cookie, CSRF, logout, throttling, password change,
// expiry, and that no password or session secret reaches the log or the database in clear.

#include <fstream>
#include <sstream>
#include <thread>

#include "functional/api_fixture.hpp"
#include "support/test_database.hpp"

namespace pipecrm::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kPassword = "correct horse";

std::string LoginBody(const std::string& email, const std::string& password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
}

// The value of pipecrm_session in the response's Set-Cookie, or "".
std::string SessionSecretOf(const HttpResult& result) {
    const std::string* cookie = result.Header("set-cookie");
    const std::string prefix = "pipecrm_session=";
    if (cookie == nullptr || cookie->rfind(prefix, 0) != 0) {
        return {};
    }
    return cookie->substr(prefix.size(), cookie->find(';') - prefix.size());
}

std::string ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class LoginApi : public ApiTest {
  protected:
    struct Session {
        std::string secret;
        std::string csrf;
    };

    HttpResult Login(const std::string& email,
                     const std::string& password,
                     const Headers& headers = {},
                     HttpClient* client = nullptr) {
        auto result = (client ? client : client_.get())
                          ->Send("POST", "/api/v1/auth/login", LoginBody(email, password), headers);
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? *result : HttpResult{};
    }

    Session SignIn(const std::string& password = kPassword) {
        HttpResult result = Login("admin@example.com", password);
        EXPECT_EQ(result.status, 200) << result.body;
        JsonResponse json = ToJsonResponse(result);
        Session session{SessionSecretOf(result), {}};
        if (json.status == 200) {
            session.csrf = json.json["data"]["csrf_token"].GetString();
        }
        EXPECT_EQ(session.secret.size(), 64u);
        return session;
    }

    JsonResponse WithCookie(const Session& session,
                            const std::string& method,
                            const std::string& target,
                            const std::string& body = {},
                            bool send_csrf = true) {
        Headers headers = {{"Cookie", "theme=dark; pipecrm_session=" + session.secret}};
        if (send_csrf) {
            headers.emplace_back("X-CSRF-Token", session.csrf);
        }
        auto result = client_->Send(method, target, body, headers);
        EXPECT_TRUE(result.ok()) << result.status().ToString();
        return result.ok() ? ToJsonResponse(*result) : JsonResponse{};
    }

    // A second server on the same database with more serve options.
    std::unique_ptr<ServerProcess> StartServer(const std::vector<std::string>& args) {
        server_.reset();
        auto server = std::make_unique<ServerProcess>(db_, 2, args);
        EXPECT_TRUE(server->started());
        client_ = std::make_unique<HttpClient>("127.0.0.1", server->port());
        return server;
    }
};

TEST_F(LoginApi, LoginSetsHttpOnlyLaxCookieAndAnswersUserAndCsrf) {
    HttpResult result = Login("Admin@Example.com", kPassword, {{"X-Forwarded-Proto", "https"}});
    ASSERT_EQ(result.status, 200) << result.body;
    const std::string* cookie = result.Header("set-cookie");
    ASSERT_NE(cookie, nullptr);
    EXPECT_NE(cookie->find("HttpOnly"), std::string::npos) << *cookie;
    EXPECT_NE(cookie->find("SameSite=Lax"), std::string::npos) << *cookie;
    EXPECT_NE(cookie->find("Path=/"), std::string::npos) << *cookie;
    EXPECT_EQ(cookie->find("Secure"), std::string::npos)
        << "X-Forwarded-Proto is ignored without --trust-proxy: " << *cookie;
    JsonResponse json = ToJsonResponse(result);
    EXPECT_STREQ(json.json["data"]["user"]["email"].GetString(), "admin@example.com");
    EXPECT_STREQ(json.json["data"]["user"]["role"].GetString(), "admin");
    EXPECT_GE(std::string(json.json["data"]["csrf_token"].GetString()).size(), 32u);
}

TEST_F(LoginApi, CookieIsSecureBehindTrustedProxyOverHttps) {
    auto server = StartServer({"--trust-proxy"});
    HttpResult plain = Login("admin@example.com", kPassword);
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.Header("set-cookie")->find("Secure"), std::string::npos);
    HttpResult tls = Login("admin@example.com", kPassword, {{"X-Forwarded-Proto", "https"}});
    ASSERT_EQ(tls.status, 200);
    EXPECT_NE(tls.Header("set-cookie")->find("; Secure"), std::string::npos)
        << *tls.Header("set-cookie");
}

TEST_F(LoginApi, CookieWorksForGetAndSessionShowsCsrf) {
    Session session = SignIn();
    JsonResponse deals = WithCookie(session, "GET", "/api/v2/deals", {}, false);
    EXPECT_EQ(deals.status, 200) << deals.body;
    JsonResponse me = WithCookie(session, "GET", "/api/v1/auth/session", {}, false);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json["data"]["csrf_token"].GetString(), session.csrf);
    EXPECT_STREQ(me.json["data"]["user"]["email"].GetString(), "admin@example.com");
    // The cached answer is not given to a request without the cookie.
    EXPECT_EQ(CallWithToken("", "GET", "/api/v2/deals").status, 401);
    Session forged{std::string(64, 'a'), session.csrf};
    EXPECT_EQ(WithCookie(forged, "GET", "/api/v2/deals", {}, false).status, 401);
    JsonResponse with_token = Call("GET", "/api/v1/auth/session");
    ASSERT_EQ(with_token.status, 200);
    EXPECT_TRUE(with_token.json["data"]["csrf_token"].IsNull());
}

TEST_F(LoginApi, StateChangingRequestsWithCookieNeedCsrfHeader) {
    Session session = SignIn();
    const std::string deal = "{\"title\":\"Cookie deal\"}";
    JsonResponse missing = WithCookie(session, "POST", "/api/v2/deals", deal, false);
    EXPECT_EQ(missing.status, 403) << missing.body;
    EXPECT_NE(std::string(missing.json["error"].GetString()).find("X-CSRF-Token"),
              std::string::npos);
    EXPECT_STREQ(missing.json["field"].GetString(), "X-CSRF-Token");
    Session wrong{session.secret, std::string(session.csrf.size(), '0')};
    EXPECT_EQ(WithCookie(wrong, "POST", "/api/v2/deals", deal).status, 403);
    JsonResponse created = WithCookie(session, "POST", "/api/v2/deals", deal);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path =
        "/api/v2/deals/" + std::to_string(created.json["data"]["id"].GetInt64());
    EXPECT_EQ(WithCookie(session, "PATCH", path, "{\"title\":\"x\"}", false).status, 403);
    EXPECT_EQ(WithCookie(session, "DELETE", path, {}, false).status, 403);
    EXPECT_EQ(WithCookie(session, "PATCH", path, "{\"title\":\"x\"}").status, 200);
    EXPECT_EQ(WithCookie(session, "DELETE", path).status, 200);
    EXPECT_EQ(Call("POST", "/api/v2/deals", deal).status, 201) << "a token needs no CSRF header";
}

TEST_F(LoginApi, LogoutRevokesTheSessionAndClearsTheCookie) {
    Session session = SignIn();
    EXPECT_EQ(WithCookie(session, "POST", "/api/v1/auth/logout", {}, false).status, 403);
    auto result = client_->Send(
        "POST", "/api/v1/auth/logout", "",
        {{"Cookie", "pipecrm_session=" + session.secret}, {"X-CSRF-Token", session.csrf}});
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->status, 200) << result->body;
    const std::string* cookie = result->Header("set-cookie");
    ASSERT_NE(cookie, nullptr);
    EXPECT_EQ(cookie->rfind("pipecrm_session=;", 0), 0u) << *cookie;
    EXPECT_NE(cookie->find("Max-Age=0"), std::string::npos) << *cookie;
    EXPECT_EQ(WithCookie(session, "GET", "/api/v2/deals").status, 401);
    EXPECT_EQ(WithCookie(session, "GET", "/api/v1/auth/session").status, 401);
    EXPECT_EQ(Call("POST", "/api/v1/auth/logout").status, 409) << "a token has no session";
}

TEST_F(LoginApi, WrongPasswordOrUnknownEmailIs401WithTheSameMessage) {
    HttpResult wrong_password = Login("admin@example.com", "not the password");
    HttpResult unknown_email = Login("nobody@example.com", kPassword);
    EXPECT_EQ(wrong_password.status, 401);
    EXPECT_EQ(unknown_email.status, 401);
    EXPECT_EQ(wrong_password.Header("set-cookie"), nullptr);
    EXPECT_EQ(wrong_password.body, unknown_email.body);
    JsonResponse json = ToJsonResponse(wrong_password);
    EXPECT_STREQ(json.json["error"].GetString(), "the email or password is not correct");
    EXPECT_EQ(Login("admin@example.com", "").status, 400);
    EXPECT_EQ(Login("admin@example.com", kPassword).status, 200);
}

TEST_F(LoginApi, ThrottlesPerAccountAfterFiveFailures) {
    // Behind a trusted proxy each attempt comes from a different address, so only the account
    // counter can lock.
    auto server = StartServer({"--trust-proxy"});
    for (int i = 0; i < 5; ++i) {
        HttpResult result = Login("admin@example.com", "wrong password",
                                  {{"X-Forwarded-For", "10.0.0." + std::to_string(i)}});
        EXPECT_EQ(result.status, 401) << i;
    }
    HttpResult locked = Login("admin@example.com", kPassword, {{"X-Forwarded-For", "10.0.1.1"}});
    ASSERT_EQ(locked.status, 429) << locked.body;
    ASSERT_NE(locked.Header("retry-after"), nullptr);
    EXPECT_GT(std::stoi(*locked.Header("retry-after")), 0);
    EXPECT_NE(ToJsonResponse(locked).body.find("too many failed sign-in attempts"),
              std::string::npos);
    EXPECT_EQ(Call("GET", "/api/v2/deals").status, 200) << "API tokens are not throttled";
}

TEST_F(LoginApi, ThrottlesPerAddressAcrossAccounts) {
    auto server = StartServer({"--trust-proxy"});
    const Headers from = {{"X-Forwarded-For", "203.0.113.9"}};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(Login("user" + std::to_string(i) + "@example.com", kPassword, from).status, 401);
    }
    EXPECT_EQ(Login("admin@example.com", kPassword, from).status, 429);
    EXPECT_EQ(Login("admin@example.com", kPassword, {{"X-Forwarded-For", "203.0.113.10"}}).status,
              200)
        << "another address may still sign in";
}

TEST_F(LoginApi, PasswordChangeWorksAndEndsOtherSessions) {
    Session mine = SignIn();
    Session other = SignIn();
    const std::string target = "/api/v1/auth/password";
    JsonResponse short_password =
        WithCookie(mine, "POST", target,
                   "{\"current_password\":\"correct horse\",\"new_password\":\"short\"}");
    EXPECT_EQ(short_password.status, 400);
    EXPECT_STREQ(short_password.json["field"].GetString(), "new_password");
    JsonResponse wrong_current =
        WithCookie(mine, "POST", target,
                   "{\"current_password\":\"nope nope\",\"new_password\":\"battery staple\"}");
    EXPECT_EQ(wrong_current.status, 400);
    EXPECT_STREQ(wrong_current.json["field"].GetString(), "current_password");
    JsonResponse changed =
        WithCookie(mine, "POST", target,
                   "{\"current_password\":\"correct horse\",\"new_password\":\"battery staple\"}");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(WithCookie(other, "GET", "/api/v2/deals").status, 401);
    EXPECT_EQ(WithCookie(mine, "GET", "/api/v2/deals").status, 200);
    EXPECT_EQ(Login("admin@example.com", kPassword).status, 401);
    EXPECT_EQ(Login("admin@example.com", "battery staple").status, 200);
}

TEST_F(LoginApi, AnAdminResetThroughTheCliEndsTheUsersSessions) {
    Session session = SignIn();
    ASSERT_EQ(WithCookie(session, "GET", "/api/v2/deals").status, 200);
    CommandResult reset =
        RunPipecrm({"user", "reset-password", "--db", db_, "--email", "admin@example.com"},
                   {"PIPECRM_USER_PASSWORD=a brand new one"});
    ASSERT_EQ(reset.exit_code, 0) << reset.err;
    EXPECT_EQ(WithCookie(session, "GET", "/api/v2/deals").status, 401);
    EXPECT_EQ(Login("admin@example.com", kPassword).status, 401);
    EXPECT_EQ(Login("admin@example.com", "a brand new one").status, 200);
}

TEST_F(LoginApi, IdleSessionExpires) {
    auto server = StartServer({"--session-idle", "2s"});
    Session session = SignIn();
    EXPECT_EQ(WithCookie(session, "GET", "/api/v2/deals").status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(3200));
    JsonResponse expired = WithCookie(session, "GET", "/api/v2/deals");
    EXPECT_EQ(expired.status, 401) << expired.body;
}

TEST_F(LoginApi, SessionExpiresAtMaxAgeEvenWhenUsed) {
    auto server = StartServer({"--session-max-age", "3s"});
    Session session = SignIn();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(WithCookie(session, "GET", "/api/v1/auth/session").status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    EXPECT_EQ(WithCookie(session, "GET", "/api/v1/auth/session").status, 401);
}

TEST_F(LoginApi, BadDurationIsAUsageError) {
    CommandResult result =
        RunPipecrm({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--session-idle", "8 hours"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--session-idle"), std::string::npos) << result.err;
}

TEST_F(LoginApi, PasswordsAndSecretsNeverReachTheLogOrTheDatabaseInClear) {
    const std::string new_password = "battery staple 42";
    EXPECT_EQ(Login("admin@example.com", "a wrong guess").status, 401);
    Session session = SignIn();
    EXPECT_EQ(WithCookie(session, "GET", "/api/v2/deals").status, 200);
    EXPECT_EQ(WithCookie(session, "POST", "/api/v1/auth/password",
                         "{\"current_password\":\"correct horse\",\"new_password\":\"" +
                             new_password + "\"}")
                  .status,
              200);
    server_->Signal(SIGTERM);
    EXPECT_EQ(server_->Wait(), 0);
    const std::string log = server_->Log();
    EXPECT_NE(log.find("login.failed email=admin@example.com"), std::string::npos) << log;
    EXPECT_NE(log.find("login.succeeded"), std::string::npos) << log;
    // Every byte of the SQLite file and its log, or on PostgreSQL the stored columns.
    std::string stored =
        TestOnPostgres() ? std::string() : ReadWholeFile(db_) + ReadWholeFile(db_ + "-wal");
    for (const char* sql : {"SELECT token_hash || remote_address || user_agent FROM sessions",
                            "SELECT password_hash FROM users"}) {
        const auto values = QueryColumn(db_, sql);
        EXPECT_FALSE(values.empty()) << sql;
        for (const std::string& value : values) {
            stored += value;
        }
    }
    EXPECT_NE(stored.find("$argon2id$"), std::string::npos);
    for (const std::string& secret : {std::string(kPassword), new_password,
                                      std::string("a wrong guess"), session.secret, session.csrf}) {
        EXPECT_EQ(log.find(secret), std::string::npos) << "in the log: " << secret;
        EXPECT_EQ(stored.find(secret), std::string::npos) << "stored in clear: " << secret;
    }
}

}  // namespace
}  // namespace pipecrm::testing
