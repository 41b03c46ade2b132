// The HTTP server over real loopback sockets, driven by the blocking test client.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.hpp"

namespace pipecrm::http {
namespace {

using pipecrm::testing::HttpClient;
using pipecrm::testing::HttpResult;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr char kHost[] = "127.0.0.1";

/// A Server on an ephemeral loopback port, run on a background thread, with its log captured.
class RunningServer {
  public:
    explicit RunningServer(Handler handler, ServerOptions options = {}) {
        options.host = kHost;
        options.port = 0;
        server_ = std::make_unique<Server>(std::move(options), std::move(handler),
                                           [this](std::string_view line) {
                                               std::lock_guard<std::mutex> lock(mutex_);
                                               lines_.emplace_back(line);
                                           });
        const Status started = server_->Start();
        EXPECT_TRUE(started.ok()) << started.ToString();
        thread_ = std::thread([this] { server_->Run(); });
    }
    ~RunningServer() { StopAndWait(); }

    std::uint16_t port() const { return server_->port(); }
    void Stop() { server_->Stop(); }
    /// Stops the server and returns once Run() has returned.
    void StopAndWait() {
        if (thread_.joinable()) {
            server_->Stop();
            thread_.join();
        }
    }
    void Destroy() {
        StopAndWait();
        server_.reset();
    }
    std::vector<std::string> log_lines() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return lines_;
    }
    bool LogContains(std::string_view text) const {
        for (const std::string& line : log_lines()) {
            if (line.find(text) != std::string::npos) {
                return true;
            }
        }
        return false;
    }

  private:
    std::unique_ptr<Server> server_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;  // guarded by mutex_
};

Response Text(std::string body, int status = 200) {
    Response response;
    response.status = status;
    response.content_type = "text/plain";
    response.body = std::move(body);
    return response;
}

/// Answers with what it understood of the request, one `name=value` per line.
void Echo(Request&& request, const Responder& respond) {
    std::string text = "method=" + request.method + "\npath=" + request.path;
    for (const auto& [name, value] : request.query) {
        text += "\nquery." + name + "=" + value;
    }
    if (const std::string* test_header = request.Header("x-test")) {
        text += "\nheader.x-test=" + *test_header;
    }
    text += "\nremote=" + request.remote_address + "\nbody=" + request.body;
    respond(Text(std::move(text)));
}

bool StartsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

TEST(ErrorBody, IsThePipedriveEnvelope) {
    EXPECT_EQ(ErrorBody("not found", 404),
              R"({"success":false,"error":"not found","error_info":"See the PipeCRM API )"
              R"(documentation at /api/openapi.json","data":null,"additional_data":null})");
    EXPECT_EQ(ErrorBody("no", 401),
              R"({"success":false,"error":"no","error_info":"See the PipeCRM API documentation )"
              R"(at /api/openapi.json","data":null,"additional_data":null,"errorCode":401})");
}

TEST(ErrorBody, EscapesTheMessage) {
    const std::string body = ErrorBody("a\"b\\c\nd\x01\x7f\xc3\xa9", 400);
    EXPECT_NE(body.find(R"("error":"a\"b\\c\u000ad\u0001)"
                        "\x7f\xc3\xa9"
                        R"(")"),
              std::string::npos)
        << body;
}

TEST(Request, FindsTheFirstHeaderAndQueryParameter) {
    Request request;
    request.headers = {{"accept", "a"}, {"accept", "b"}};
    request.query = {{"limit", "1"}, {"limit", "2"}};
    ASSERT_NE(request.Header("accept"), nullptr);
    EXPECT_EQ(*request.Header("accept"), "a");
    EXPECT_EQ(request.Header("missing"), nullptr);
    ASSERT_NE(request.Query("limit"), nullptr);
    EXPECT_EQ(*request.Query("limit"), "1");
    EXPECT_EQ(request.Query("missing"), nullptr);
}

TEST(HttpServer, EchoesMethodPathAndDecodedQuery) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    auto result = client.Send("GET", "/items/caf%C3%A9+x?a=b+c&d=%2C&flag&&e=%zz");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body,
              "method=GET\npath=/items/caf\xc3\xa9+x\nquery.a=b c\nquery.d=,\nquery.flag=\n"
              "query.e=%zz\nremote=127.0.0.1\nbody=");
}

TEST(HttpServer, PassesHeadersAndBody) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    auto result = client.Send("POST", "/deals", R"({"title":"x"})", {{"X-Test", "Yes"}});
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->body,
              "method=POST\npath=/deals\nheader.x-test=Yes\nremote=127.0.0.1\n"
              "body={\"title\":\"x\"}");
    ASSERT_NE(result->Header("content-type"), nullptr);
    EXPECT_EQ(*result->Header("content-type"), "text/plain");
    ASSERT_NE(result->Header("server"), nullptr);
    EXPECT_EQ(*result->Header("server"), "pipecrm");
    ASSERT_NE(result->Header("content-length"), nullptr);
    EXPECT_EQ(*result->Header("content-length"), std::to_string(result->body.size()));
}

TEST(HttpServer, SendsHandlerHeadersAndStatus) {
    RunningServer server([](Request&&, const Responder& respond) {
        Response response = Text("", 201);
        response.headers = {{"Location", "/deals/7"},
                            {"Set-Cookie", "a=1"},
                            {"Set-Cookie", "b=2"},
                            {"X-Bad", "evil\r\nInjected: yes"}};
        respond(std::move(response));
    });
    HttpClient client(kHost, server.port());
    auto result = client.Send("POST", "/deals", "{}");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 201);
    ASSERT_NE(result->Header("location"), nullptr);
    EXPECT_EQ(*result->Header("location"), "/deals/7");
    int cookies = 0;
    for (const auto& [name, value] : result->headers) {
        cookies += name == "set-cookie" ? 1 : 0;
    }
    EXPECT_EQ(cookies, 2);
    EXPECT_EQ(result->Header("x-bad"), nullptr);
    EXPECT_EQ(result->Header("injected"), nullptr);
}

TEST(HttpServer, KeepsTheConnectionAliveBetweenRequests) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    for (int i = 0; i < 5; ++i) {
        auto result = client.Send("GET", "/ping?i=" + std::to_string(i));
        ASSERT_TRUE(result.ok()) << result.status().ToString();
        EXPECT_EQ(result->status, 200);
        EXPECT_EQ(result->Header("connection"), nullptr);
    }
    EXPECT_EQ(client.connections_opened(), 1);
}

TEST(HttpServer, AnswersHeadWithALengthButNoBody) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    auto head = client.Send("HEAD", "/x");
    ASSERT_TRUE(head.ok()) << head.status().ToString();
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->body, "");
    ASSERT_NE(head->Header("content-length"), nullptr);
    EXPECT_EQ(
        *head->Header("content-length"),
        std::to_string(std::string_view("method=HEAD\npath=/x\nremote=127.0.0.1\nbody=").size()));
    auto get = client.Send("GET", "/x");  // the connection is still in step
    ASSERT_TRUE(get.ok()) << get.status().ToString();
    EXPECT_EQ(get->status, 200);
    EXPECT_EQ(client.connections_opened(), 1);
}

TEST(HttpServer, ClosesWhenTheClientAsksTo) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    auto first = client.Send("GET", "/a", {}, {{"Connection", "close"}});
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    ASSERT_NE(first->Header("connection"), nullptr);
    EXPECT_EQ(*first->Header("connection"), "close");
    auto second = client.Send("GET", "/b");
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(client.connections_opened(), 2);
}

TEST(HttpServer, AnswersPipelinedRequestsInOrder) {
    RunningServer server(Echo);
    const std::string answer =
        HttpClient::SendRaw(kHost, server.port(),
                            "GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: "
                            "x\r\nConnection: close\r\n\r\n",
                            milliseconds(10'000));
    const std::size_t one = answer.find("path=/one");
    const std::size_t two = answer.find("path=/two");
    ASSERT_NE(one, std::string::npos) << answer;
    ASSERT_NE(two, std::string::npos) << answer;
    EXPECT_LT(one, two);
}

TEST(HttpServer, ClosesAnHttp10ConnectionAfterTheResponse) {
    RunningServer server(Echo);
    const auto start = steady_clock::now();
    const std::string answer = HttpClient::SendRaw(
        kHost, server.port(), "GET /old HTTP/1.0\r\n\r\n", milliseconds(10'000));
    EXPECT_LT(steady_clock::now() - start, milliseconds(5'000));  // closed, not timed out
    EXPECT_TRUE(StartsWith(answer, "HTTP/1.0 200")) << answer;
    EXPECT_NE(answer.find("path=/old"), std::string::npos);
}

TEST(HttpServer, AcceptsAnAnswerFromAnotherThread) {
    std::mutex mutex;
    std::vector<std::thread> workers;  // guarded by mutex
    {
        RunningServer server([&](Request&& request, Responder respond) {
            std::lock_guard<std::mutex> lock(mutex);
            workers.emplace_back([path = request.path, respond = std::move(respond)] {
                std::this_thread::sleep_for(milliseconds(50));
                respond(Text("later " + path));
            });
        });
        HttpClient client(kHost, server.port());
        for (int i = 0; i < 3; ++i) {
            auto result = client.Send("GET", "/slow");
            ASSERT_TRUE(result.ok()) << result.status().ToString();
            EXPECT_EQ(result->body, "later /slow");
        }
        EXPECT_EQ(client.connections_opened(), 1);
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
}

TEST(HttpServer, TurnsAHandlerExceptionInto500) {
    RunningServer server([](Request&& request, const Responder& respond) {
        if (request.path == "/boom") {
            throw std::runtime_error("boom");
        }
        respond(Text("fine"));
    });
    HttpClient client(kHost, server.port());
    auto result = client.Send("GET", "/boom");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 500);
    EXPECT_EQ(result->body, ErrorBody("internal server error", 500));
    ASSERT_NE(result->Header("content-type"), nullptr);
    EXPECT_EQ(*result->Header("content-type"), "application/json; charset=utf-8");
    EXPECT_TRUE(server.LogContains("error: boom"));

    auto after = client.Send("GET", "/ok");  // the connection and the server carry on
    ASSERT_TRUE(after.ok()) << after.status().ToString();
    EXPECT_EQ(after->body, "fine");
    EXPECT_EQ(client.connections_opened(), 1);
}

TEST(HttpServer, AnswersADroppedResponderWith500) {
    RunningServer server([](Request&&, Responder) {});
    HttpClient client(kHost, server.port());
    auto result = client.Send("GET", "/forgotten");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 500);
    EXPECT_TRUE(server.LogContains("dropped its responder"));
}

TEST(HttpServer, IgnoresASecondResponderCall) {
    RunningServer server([](Request&&, const Responder& respond) {
        respond(Text("first"));
        respond(Text("second"));
    });
    HttpClient client(kHost, server.port());
    for (int i = 0; i < 2; ++i) {
        auto result = client.Send("GET", "/twice");
        ASSERT_TRUE(result.ok()) << result.status().ToString();
        EXPECT_EQ(result->body, "first");
    }
    EXPECT_TRUE(server.LogContains("called twice"));
}

TEST(HttpServer, RejectsAnOversizedHeaderWith431) {
    ServerOptions options;
    options.max_header_bytes = 1024;
    RunningServer server(Echo, options);
    HttpClient client(kHost, server.port());
    auto result = client.Send("GET", "/", {}, {{"X-Big", std::string(4000, 'x')}});
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 431);
    EXPECT_EQ(result->body, ErrorBody("request header is larger than 1024 bytes", 431));
}

TEST(HttpServer, RejectsAnOversizedBodyWith413) {
    ServerOptions options;
    options.max_body_bytes = 100;
    RunningServer server(Echo, options);
    HttpClient client(kHost, server.port());
    // Much more than the socket buffers hold: the answer must survive the unread upload.
    auto result = client.Send("POST", "/", std::string(4 * 1024 * 1024, 'x'));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 413);
    EXPECT_EQ(result->body, ErrorBody("request body is larger than 100 bytes", 413));

    auto small = client.Send("POST", "/", std::string(100, 'y'));  // at the limit is fine
    ASSERT_TRUE(small.ok()) << small.status().ToString();
    EXPECT_EQ(small->status, 200);
}

TEST(HttpServer, RejectsAMalformedRequestWith400) {
    RunningServer server(Echo);
    const std::string answer =
        HttpClient::SendRaw(kHost, server.port(), "NOT HTTP AT ALL\r\n\r\n", milliseconds(10'000));
    EXPECT_TRUE(StartsWith(answer, "HTTP/1.1 400")) << answer;
    EXPECT_NE(answer.find(R"({"success":false,"error":"malformed HTTP request)"), std::string::npos)
        << answer;
    EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
}

TEST(HttpServer, CutsAStalledRequestAfterTheReadTimeout) {
    ServerOptions options;
    options.read_timeout = milliseconds(300);
    RunningServer server(Echo, options);
    const auto start = steady_clock::now();
    const std::string answer = HttpClient::SendRaw(
        kHost, server.port(), "GET / HTTP/1.1\r\nHost: x\r\n", milliseconds(10'000));
    EXPECT_LT(steady_clock::now() - start, milliseconds(5'000));
    EXPECT_EQ(answer, "");
}

TEST(HttpServer, ClosesAnIdleConnectionAfterTheIdleTimeout) {
    ServerOptions options;
    options.idle_timeout = milliseconds(300);
    RunningServer server(Echo, options);
    const auto start = steady_clock::now();
    const std::string answer = HttpClient::SendRaw(kHost, server.port(), "", milliseconds(10'000));
    EXPECT_LT(steady_clock::now() - start, milliseconds(5'000));
    EXPECT_EQ(answer, "");
}

TEST(HttpServer, AnswersExpectContinue) {
    ServerOptions options;
    options.read_timeout = milliseconds(300);  // the body never comes
    RunningServer server(Echo, options);
    const std::string answer = HttpClient::SendRaw(
        kHost, server.port(),
        "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n",
        milliseconds(10'000));
    EXPECT_EQ(answer, "HTTP/1.1 100 Continue\r\n\r\n");
}

TEST(HttpServer, WritesOneAccessLogLinePerRequestWithoutTheQuery) {
    RunningServer server(Echo);
    HttpClient client(kHost, server.port());
    auto result = client.Send("GET", "/deals?api_token=secret123&limit=2");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    server.StopAndWait();  // the line is written after the response; this waits for it

    const std::vector<std::string> lines = server.log_lines();
    ASSERT_EQ(lines.size(), 1u);
    const std::regex format(
        R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1 "GET /deals" 200 (\d+) \d+us)");
    std::smatch match;
    ASSERT_TRUE(std::regex_match(lines[0], match, format)) << lines[0];
    EXPECT_EQ(match[1].str(), std::to_string(result->body.size()));
    EXPECT_FALSE(server.LogContains("secret123"));
    EXPECT_FALSE(server.LogContains("api_token"));
}

TEST(HttpServer, FinishesTheRequestInFlightOnShutdown) {
    std::promise<void> entered;
    std::thread worker;
    ServerOptions options;
    options.shutdown_grace = milliseconds(20'000);
    RunningServer server(
        [&](Request&& request, Responder respond) {
            if (request.path != "/slow") {
                respond(Text("quick"));
                return;
            }
            worker = std::thread([respond = std::move(respond)] {
                std::this_thread::sleep_for(milliseconds(300));
                respond(Text("done"));
            });
            entered.set_value();
        },
        options);
    HttpClient idle(kHost, server.port());  // kept alive, with no request, during the shutdown
    ASSERT_TRUE(idle.Send("GET", "/quick").ok());

    std::future<Result<HttpResult>> slow = std::async(std::launch::async, [&] {
        HttpClient client(kHost, server.port());
        return client.Send("GET", "/slow");
    });
    entered.get_future().wait();
    const auto start = steady_clock::now();
    server.StopAndWait();
    // Run() returned without waiting for the idle connection or the grace period.
    EXPECT_LT(steady_clock::now() - start, milliseconds(10'000));

    Result<HttpResult> result = slow.get();
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "done");
    ASSERT_NE(result->Header("connection"), nullptr);
    EXPECT_EQ(*result->Header("connection"), "close");
    worker.join();

    auto refused = idle.Send("GET", "/quick");  // closed, and nobody listens any more
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), ErrorCode::kUnavailable);
}

TEST(HttpServer, GivesUpOnAStuckRequestAfterTheGracePeriod) {
    std::promise<Responder> stuck;
    ServerOptions options;
    options.shutdown_grace = milliseconds(200);
    RunningServer server([&](Request&&, Responder respond) { stuck.set_value(std::move(respond)); },
                         options);
    std::future<Result<HttpResult>> waiting = std::async(std::launch::async, [&] {
        HttpClient client(kHost, server.port());
        return client.Send("GET", "/never");
    });
    std::future<Responder> responder = stuck.get_future();
    Responder respond = responder.get();
    const auto start = steady_clock::now();
    server.StopAndWait();
    EXPECT_LT(steady_clock::now() - start, milliseconds(10'000));
    EXPECT_TRUE(server.LogContains("grace period ended"));
    server.Destroy();

    respond(Text("too late"));  // after the server is gone: ignored, no crash
    Result<HttpResult> result = waiting.get();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), ErrorCode::kUnavailable);
}

TEST(HttpServer, StopBeforeRunReturnsAtOnce) {
    Server server({.host = kHost, .port = 0}, Echo, {});
    ASSERT_TRUE(server.Start().ok());
    server.Stop();
    server.Run();
}

TEST(HttpServer, FailsToStartOnATakenPort) {
    RunningServer first(Echo);
    ServerOptions options;
    options.host = kHost;
    options.port = first.port();
    Server second(options, Echo, {});
    const Status status = second.Start();
    EXPECT_EQ(status.code(), ErrorCode::kUnavailable);
    EXPECT_TRUE(StartsWith(status.message(),
                           "cannot listen on 127.0.0.1:" + std::to_string(first.port()) + ": "))
        << status.message();
}

TEST(HttpServer, ServesManyClientsAtOnce) {
    std::mutex mutex;
    std::vector<std::thread> workers;  // guarded by mutex
    std::atomic<int> answered{0};
    {
        RunningServer server([&](Request&& request, Responder respond) {
            if (request.Query("async") == nullptr) {
                respond(Text(request.body));
                return;
            }
            std::lock_guard<std::mutex> lock(mutex);
            workers.emplace_back([body = std::move(request.body), respond = std::move(respond)] {
                respond(Text(body));
            });
        });
        std::vector<std::thread> clients;
        for (int c = 0; c < 8; ++c) {
            clients.emplace_back([&, c] {
                HttpClient client(kHost, server.port());
                for (int i = 0; i < 100; ++i) {
                    const std::string body = std::to_string(c) + ":" + std::to_string(i);
                    auto result = client.Send("POST", i % 2 == 0 ? "/x" : "/x?async=1", body);
                    if (result.ok() && result->status == 200 && result->body == body) {
                        ++answered;
                    }
                }
            });
        }
        for (std::thread& client : clients) {
            client.join();
        }
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    EXPECT_EQ(answered.load(), 800);
}

}  // namespace
}  // namespace pipecrm::http
