#include "http/webhook_http_poster.hpp"

#include <optional>
#include <string>
#include <utility>  // before any Asio header (Boost 1.74 with g++ 12)

// g++ 12 reports a false -Wnull-dereference inside Asio's scheduler when optimising.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

namespace pipecrm::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

struct Target {
    std::string host;
    std::string port;
    std::string path;
};

Result<Target> ParseHttpUrl(const std::string& url) {
    constexpr std::string_view kHttp = "http://";
    if (url.rfind("https://", 0) == 0) {
        return InvalidArgument("https:// delivery needs TLS, which this build does not have yet",
                               "subscription_url");
    }
    if (url.rfind(kHttp, 0) != 0) {
        return InvalidArgument("not an http:// URL: " + url, "subscription_url");
    }
    const std::string rest = url.substr(kHttp.size());
    const auto slash = rest.find_first_of("/?");
    std::string authority = rest.substr(0, slash);
    Target target;
    target.path = slash == std::string::npos ? "/" : rest.substr(slash);
    if (!target.path.empty() && target.path[0] == '?') {
        target.path = "/" + target.path;
    }
    const auto at = authority.rfind('@');
    if (at != std::string::npos) {
        authority = authority.substr(at + 1);
    }
    target.port = "80";
    if (!authority.empty() && authority[0] == '[') {  // [IPv6]:port
        const auto close = authority.find(']');
        if (close == std::string::npos) {
            return InvalidArgument("bad host in " + url, "subscription_url");
        }
        target.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size() && authority[close + 1] == ':') {
            target.port = authority.substr(close + 2);
        }
    } else {
        const auto colon = authority.rfind(':');
        target.host = authority.substr(0, colon);
        if (colon != std::string::npos) {
            target.port = authority.substr(colon + 1);
        }
    }
    if (target.host.empty() || target.port.empty()) {
        return InvalidArgument("bad host in " + url, "subscription_url");
    }
    return target;
}

}  // namespace

Result<int> WebhookHttpPoster::Post(const automation::OutgoingPost& post) {
    auto target = ParseHttpUrl(post.url);
    if (!target.ok()) {
        return target.status();
    }
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, target->path, 11};
    request.set(bhttp::field::host,
                target->port == "80" ? target->host : target->host + ":" + target->port);
    for (const auto& [name, value] : post.headers) {
        request.set(name, value);
    }
    request.body() = post.body;
    request.prepare_payload();
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::empty_body> parser;
    parser.skip(true);  // only the status line and headers are read
    std::optional<int> status_code;
    std::string failure = "no answer";

    auto fail = [&failure](const char* step, beast::error_code ec) {
        failure = std::string(step) + ": " + ec.message();
    };
    resolver.async_resolve(
        target->host, target->port,
        [&](beast::error_code ec, asio::ip::tcp::resolver::results_type endpoints) {
            if (ec) {
                return fail("resolve", ec);
            }
            stream.expires_after(post.timeout);
            stream.async_connect(endpoints, [&](beast::error_code connect_ec,
                                                const asio::ip::tcp::endpoint&) {
                if (connect_ec) {
                    return fail("connect", connect_ec);
                }
                bhttp::async_write(stream, request, [&](beast::error_code write_ec, std::size_t) {
                    if (write_ec) {
                        return fail("send", write_ec);
                    }
                    bhttp::async_read_header(
                        stream, buffer, parser, [&](beast::error_code read_ec, std::size_t) {
                            if (read_ec) {
                                return fail("read", read_ec);
                            }
                            status_code = static_cast<int>(parser.get().result_int());
                        });
                });
            });
        });
    // Name resolution is not covered by the stream's timer; bound the whole exchange too.
    io.run_for(post.timeout + std::chrono::seconds(1));
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    if (!status_code) {
        return Unavailable(post.url + ": " + failure);
    }
    return *status_code;
}

}  // namespace pipecrm::http
