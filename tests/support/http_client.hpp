// A small blocking HTTP/1.1 client over POSIX sockets, for functional tests and load scripts.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.hpp"

namespace pipecrm::testing {

struct HttpResult {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-case

    /// The first header with this name (compared case-insensitively), or nullptr.
    const std::string* Header(std::string_view name) const;
};

/// One keep-alive connection to host:port. Not thread-safe; use one per thread.
class HttpClient {
  public:
    HttpClient(std::string host, std::uint16_t port);
    ~HttpClient();  // closes
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends one request and reads the whole response (Content-Length, chunked or until close).
    /// Adds Host, Content-Length (when there is a body or the method is POST/PUT/PATCH) and
    /// `Content-Type: application/json` (when there is a body) unless `headers` has them.
    /// Reconnects once if the kept-alive connection was closed by the server before any response
    /// byte arrived. Fails with kUnavailable when the server cannot be reached, the connection
    /// drops mid-response or no answer comes within 30 seconds.
    pipecrm::Result<HttpResult> Send(
        std::string_view method,
        std::string_view target,
        std::string_view body = {},
        const std::vector<std::pair<std::string, std::string>>& headers = {});

    /// Sends raw bytes on a fresh connection and returns whatever comes back until the server
    /// closes or `timeout` passes — for malformed-request tests. Returns "" when it cannot
    /// connect.
    static std::string SendRaw(const std::string& host,
                               std::uint16_t port,
                               std::string_view bytes,
                               std::chrono::milliseconds timeout);

    void Close();

    /// How many TCP connections this client has opened, for tests of keep-alive.
    int connections_opened() const { return connections_opened_; }

  private:
    pipecrm::Status Connect();
    pipecrm::Status SendAll(std::string_view bytes);
    /// Reads more bytes into in_; fails on close, error or timeout.
    pipecrm::Status Fill();
    pipecrm::Result<std::string> ReadLine();
    pipecrm::Result<std::string> ReadExactly(std::size_t count);
    pipecrm::Result<HttpResult> ReadResponse(bool head_request);

    std::string host_;
    std::uint16_t port_;
    int fd_ = -1;
    std::string out_;  // the request being sent; reused between requests
    std::string in_;   // bytes received and not yet consumed start at in_pos_
    std::size_t in_pos_ = 0;
    bool received_any_ = false;  // whether the current response has sent a byte
    bool peer_closed_ = false;   // whether the server closed the connection
    int connections_opened_ = 0;
};

}  // namespace pipecrm::testing
