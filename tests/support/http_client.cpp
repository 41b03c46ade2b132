#include "support/http_client.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include "base/encoding.hpp"

namespace pipecrm::testing {
namespace {

/// A server that sends nothing for this long counts as unreachable, so a test fails, not hangs.
constexpr int kIoTimeoutSeconds = 30;
constexpr std::size_t kReadChunk = 64 * 1024;

char LowerChar(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return LowerChar(x) == LowerChar(y);
           });
}

bool ContainsIgnoreCase(std::string_view text, std::string_view word) {
    if (word.size() > text.size()) {
        return false;
    }
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        if (EqualsIgnoreCase(text.substr(i, word.size()), word)) {
            return true;
        }
    }
    return false;
}

std::optional<std::size_t> ParseNumber(std::string_view text, int base) {
    text = TrimSpaces(text);
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::string ErrnoText() {
    return std::strerror(errno);
}

/// A connected TCP socket with TCP_NODELAY, or kUnavailable.
Result<int> OpenConnection(const std::string& host, std::uint16_t port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* addresses = nullptr;
    const std::string service = std::to_string(port);
    const std::string where = host + ":" + service;
    if (const int error = getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses);
        error != 0) {
        return Unavailable("cannot resolve " + where + ": " + gai_strerror(error));
    }
    std::string failure = "no address";
    int fd = -1;
    for (addrinfo* address = addresses; address != nullptr; address = address->ai_next) {
        fd = socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) {
            failure = ErrnoText();
            continue;
        }
        if (connect(fd, address->ai_addr, address->ai_addrlen) == 0) {
            break;
        }
        failure = ErrnoText();
        ::close(fd);
        fd = -1;
    }
    freeaddrinfo(addresses);
    if (fd < 0) {
        return Unavailable("cannot connect to " + where + ": " + failure);
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return fd;
}

bool SendBytes(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

}  // namespace

const std::string* HttpResult::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return &value;
        }
    }
    return nullptr;
}

HttpClient::HttpClient(std::string host, std::uint16_t port)
    : host_(std::move(host)), port_(port) {}

HttpClient::~HttpClient() {
    Close();
}

void HttpClient::Close() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    in_.clear();
    in_pos_ = 0;
}

Status HttpClient::Connect() {
    Result<int> fd = OpenConnection(host_, port_);
    if (!fd.ok()) {
        return fd.status();
    }
    fd_ = *fd;
    peer_closed_ = false;
    ++connections_opened_;
    timeval timeout{};
    timeout.tv_sec = kIoTimeoutSeconds;
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
    return Status::Ok();
}

Status HttpClient::SendAll(std::string_view bytes) {
    if (!SendBytes(fd_, bytes)) {
        return Unavailable("send failed: " + ErrnoText());
    }
    return Status::Ok();
}

Status HttpClient::Fill() {
    if (in_pos_ == in_.size()) {
        in_.clear();
        in_pos_ = 0;
    } else if (in_pos_ >= kReadChunk) {
        in_.erase(0, in_pos_);
        in_pos_ = 0;
    }
    const std::size_t old_size = in_.size();
    in_.resize(old_size + kReadChunk);
    for (;;) {
        const ssize_t received = ::recv(fd_, in_.data() + old_size, kReadChunk, 0);
        if (received > 0) {
            in_.resize(old_size + static_cast<std::size_t>(received));
            received_any_ = true;
            return Status::Ok();
        }
        in_.resize(old_size);
        if (received == 0) {
            peer_closed_ = true;
            return Unavailable("connection closed by the server");
        }
        if (errno == EINTR) {
            in_.resize(old_size + kReadChunk);
            continue;
        }
        if (errno == EAGAIN) {  // SO_RCVTIMEO passed (EWOULDBLOCK is the same value on Linux)
            return Unavailable("timed out waiting for the server");
        }
        return Unavailable("receive failed: " + ErrnoText());
    }
}

Result<std::string> HttpClient::ReadLine() {
    for (;;) {
        const std::size_t end = in_.find("\r\n", in_pos_);
        if (end != std::string::npos) {
            std::string line = in_.substr(in_pos_, end - in_pos_);
            in_pos_ = end + 2;
            return line;
        }
        PIPECRM_RETURN_IF_ERROR(Fill());
    }
}

Result<std::string> HttpClient::ReadExactly(std::size_t count) {
    while (in_.size() - in_pos_ < count) {
        PIPECRM_RETURN_IF_ERROR(Fill());
    }
    std::string bytes = in_.substr(in_pos_, count);
    in_pos_ += count;
    return bytes;
}

Result<HttpResult> HttpClient::ReadResponse(bool head_request) {
    HttpResult result;
    bool http10 = false;
    do {  // skips interim 1xx responses
        Result<std::string> status_line = ReadLine();
        if (!status_line.ok()) {
            return status_line.status();
        }
        const std::string& line = *status_line;
        if (line.size() < 12 || line.compare(0, 5, "HTTP/") != 0) {
            return Unavailable("malformed status line: " + line);
        }
        http10 = line.compare(0, 8, "HTTP/1.0") == 0;
        std::optional<std::size_t> status = ParseNumber(std::string_view(line).substr(9, 3), 10);
        if (!status) {
            return Unavailable("malformed status line: " + line);
        }
        result.status = static_cast<int>(*status);
        result.headers.clear();
        for (;;) {
            Result<std::string> header = ReadLine();
            if (!header.ok()) {
                return header.status();
            }
            if (header->empty()) {
                break;
            }
            const std::size_t colon = header->find(':');
            if (colon == std::string::npos) {
                return Unavailable("malformed header line: " + *header);
            }
            std::string name = header->substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), LowerChar);
            result.headers.emplace_back(
                std::move(name),
                std::string(TrimSpaces(std::string_view(*header).substr(colon + 1))));
        }
    } while (result.status >= 100 && result.status < 200);

    const std::string* connection = result.Header("connection");
    bool keep_alive = http10
                          ? connection != nullptr && ContainsIgnoreCase(*connection, "keep-alive")
                          : connection == nullptr || !ContainsIgnoreCase(*connection, "close");
    const std::string* encoding = result.Header("transfer-encoding");
    const std::string* length = result.Header("content-length");
    if (head_request || result.status == 204 || result.status == 304) {
        // no body
    } else if (encoding != nullptr && ContainsIgnoreCase(*encoding, "chunked")) {
        for (;;) {
            Result<std::string> size_line = ReadLine();
            if (!size_line.ok()) {
                return size_line.status();
            }
            const std::optional<std::size_t> size =
                ParseNumber(std::string_view(*size_line).substr(0, size_line->find(';')), 16);
            if (!size) {
                return Unavailable("malformed chunk size: " + *size_line);
            }
            if (*size == 0) {
                for (;;) {  // trailers up to the empty line
                    Result<std::string> trailer = ReadLine();
                    if (!trailer.ok()) {
                        return trailer.status();
                    }
                    if (trailer->empty()) {
                        break;
                    }
                }
                break;
            }
            Result<std::string> chunk = ReadExactly(*size + 2);  // data and its CRLF
            if (!chunk.ok()) {
                return chunk.status();
            }
            result.body.append(*chunk, 0, *size);
        }
    } else if (length != nullptr) {
        const std::optional<std::size_t> size = ParseNumber(*length, 10);
        if (!size) {
            return Unavailable("malformed Content-Length: " + *length);
        }
        Result<std::string> body = ReadExactly(*size);
        if (!body.ok()) {
            return body.status();
        }
        result.body = std::move(*body);
    } else {
        keep_alive = false;  // the body ends when the server closes
        for (;;) {
            Status more = Fill();
            if (!more.ok()) {
                if (!peer_closed_) {
                    return more;
                }
                break;
            }
        }
        result.body = in_.substr(in_pos_);
        in_pos_ = in_.size();
    }
    if (!keep_alive) {
        Close();
    }
    return result;
}

Result<HttpResult> HttpClient::Send(
    std::string_view method,
    std::string_view target,
    std::string_view body,
    const std::vector<std::pair<std::string, std::string>>& headers) {
    bool has_host = false;
    bool has_type = false;
    bool has_length = false;
    for (const auto& [name, value] : headers) {
        has_host = has_host || EqualsIgnoreCase(name, "host");
        has_type = has_type || EqualsIgnoreCase(name, "content-type");
        has_length = has_length || EqualsIgnoreCase(name, "content-length");
    }
    out_.clear();
    out_.reserve(256 + body.size());
    out_.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
    if (!has_host) {
        out_.append("Host: ")
            .append(host_)
            .append(":")
            .append(std::to_string(port_))
            .append("\r\n");
    }
    for (const auto& [name, value] : headers) {
        out_.append(name).append(": ").append(value).append("\r\n");
    }
    if (!body.empty() && !has_type) {
        out_.append("Content-Type: application/json\r\n");
    }
    const bool body_method = method == "POST" || method == "PUT" || method == "PATCH";
    if ((!body.empty() || body_method) && !has_length) {
        out_.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    }
    out_.append("\r\n").append(body);

    for (int attempt = 0;; ++attempt) {
        const bool reused = fd_ >= 0;
        if (!reused) {
            PIPECRM_RETURN_IF_ERROR(Connect());
        }
        received_any_ = false;
        Status failure = SendAll(out_);
        if (failure.ok()) {
            Result<HttpResult> response = ReadResponse(method == "HEAD");
            if (response.ok()) {
                return response;
            }
            failure = response.status();
        }
        Close();
        // A kept-alive connection the server closed before answering: retry once, fresh.
        if (!reused || received_any_ || attempt > 0) {
            return failure;
        }
    }
}

std::string HttpClient::SendRaw(const std::string& host,
                                std::uint16_t port,
                                std::string_view bytes,
                                std::chrono::milliseconds timeout) {
    Result<int> fd = OpenConnection(host, port);
    if (!fd.ok()) {
        return {};
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string received;
    if (SendBytes(*fd, bytes)) {
        char chunk[16 * 1024];
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                break;
            }
            pollfd wait{*fd, POLLIN, 0};
            const int ready = poll(&wait, 1, static_cast<int>(left.count()));
            if (ready < 0 && errno == EINTR) {
                continue;
            }
            if (ready <= 0) {
                break;
            }
            const ssize_t count = ::recv(*fd, chunk, sizeof(chunk), 0);
            if (count < 0 && errno == EINTR) {
                continue;
            }
            if (count <= 0) {
                break;
            }
            received.append(chunk, static_cast<std::size_t>(count));
        }
    }
    ::close(*fd);
    return received;
}

}  // namespace pipecrm::testing
