// The HTTP/1.1 server: Boost.Beast underneath, plain structs on top so that handlers never
// include Beast (its headers are slow to compile and stay inside server.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// One parsed request. Header names are lower-case; the query is percent-decoded with '+' as
/// a space.
struct Request {
    std::string method;  ///< "GET", "POST", ...
    std::string target;  ///< the raw request target, path and query
    std::string path;    ///< percent-decoded path without the query
    HeaderList query;
    HeaderList headers;
    std::string body;
    std::string remote_address;

    /// The first header with this (lower-case) name, or nullptr.
    const std::string* Header(std::string_view name) const;
    /// The first query parameter with this name, or nullptr.
    const std::string* Query(std::string_view name) const;
};

/// Decodes %XX escapes (an invalid escape stays as written) and, when `plus_is_space`, '+'.
std::string PercentDecode(std::string_view text, bool plus_is_space);
/// Splits "a=1&b=x+y" into decoded pairs, in order; a key without '=' gets an empty value.
HeaderList ParseQueryString(std::string_view query);

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    HeaderList headers;
};

/// Answers a request. Must be called exactly once, from any thread.
using Responder = std::function<void(Response)>;
/// Handles one request. Runs on a server thread; may answer at once or later (after a commit).
/// An exception thrown here becomes a 500 with a JSON error body and one log line.
using Handler = std::function<void(Request&&, Responder)>;
/// Receives one line of log text (access log and server errors), without a newline.
using LogSink = std::function<void(std::string_view line)>;

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  ///< 0 picks a free port; see Server::port()
    int threads = 2;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 4 * 1024 * 1024;
    std::chrono::milliseconds read_timeout{30'000};    ///< to receive one whole request
    std::chrono::milliseconds idle_timeout{60'000};    ///< a keep-alive connection with no request
    std::chrono::milliseconds shutdown_grace{15'000};  ///< in-flight requests get this long
};

/// The JSON error body every failure carries (Pipedrive's error envelope).
std::string ErrorBody(std::string_view message, int status);

/// A running HTTP server. Not copyable. Start() and Run() from one thread; Stop() from any.
class Server {
  public:
    Server(ServerOptions options, Handler handler, LogSink log);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens. Fails with kUnavailable when the address cannot be bound.
    Status Start();
    /// The bound port (useful when options.port was 0). Valid after Start().
    std::uint16_t port() const;
    /// Serves until Stop() or SIGTERM/SIGINT, then stops accepting, lets in-flight requests
    /// finish (up to shutdown_grace), closes idle connections and returns.
    void Run();
    /// Asks Run() to shut down gracefully. Safe from any thread and from signal context
    /// through Run()'s own signal handling.
    void Stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pipecrm::http
