// The HTTP server on Boost.Beast: one strand per connection, callback-style asynchronous I/O, and a
// graceful shutdown that lets requests in flight finish. The only file that includes Beast/Asio.
#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <exception>
#include <iterator>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <utility>  // before any Asio header (Boost 1.74 with g++ 12)

// g++ 12 reports a false -Wnull-dereference inside Asio's scheduler when optimising.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

namespace pipecrm::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using Strand = asio::strand<asio::io_context::executor_type>;
using SteadyTime = std::chrono::steady_clock::time_point;

/// How much one read asks the socket for.
constexpr std::size_t kReadSize = 16 * 1024;
/// How long a connection closed after an error answer keeps draining what the client still sends,
/// so that the client reads the answer instead of a connection reset.
constexpr std::chrono::milliseconds kLingerTime{1'000};
/// How long to wait before accepting again after accept() failed (for example out of descriptors).
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

void AppendJsonEscaped(std::string& out, std::string_view text) {
    constexpr char kHex[] = "0123456789abcdef";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
}

std::string_view View(beast::string_view text) {
    return {text.data(), text.size()};
}

char LowerChar(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ToLower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = LowerChar(c);
    }
    return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return LowerChar(x) == LowerChar(y);
           });
}

/// `"METHOD path"` for the access log: the raw path without the query (which may hold an API
/// token), with quotes, backslashes and control characters escaped so a line stays one line.
std::string RequestLine(std::string_view method, std::string_view target) {
    target = target.substr(0, target.find('?'));
    std::string line;
    line.reserve(method.size() + target.size() + 1);
    line += method;
    line += ' ';
    constexpr char kHex[] = "0123456789abcdef";
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '"' || c == '\\') {
            line += "\\x";
            line += kHex[byte >> 4];
            line += kHex[byte & 0xf];
        } else {
            line += c;
        }
    }
    return line;
}

std::string UtcTimestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[64];
    std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(millis));
    return text;
}

bool IsSafeHeader(std::string_view name, std::string_view value) {
    auto breaks_line = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
    return !name.empty() && std::none_of(name.begin(), name.end(), [&](char c) {
        return breaks_line(c) || c == ':' || c == ' ' || c == '\t';
    }) && std::none_of(value.begin(), value.end(), breaks_line);
}

Response ErrorResponse(int status, std::string_view message) {
    Response response;
    response.status = status;
    response.body = ErrorBody(message, status);
    return response;
}

/// Lets responders on foreign threads reach the io_context only while it exists: the Server's
/// destructor closes the gate before destroying the io_context.
struct Gate {
    std::mutex mutex;
    bool open = true;  // guarded by mutex
};

class Session;

/// Everything the server shares between its threads; Server::Impl is this under another name.
class Core {
  public:
    Core(ServerOptions options, Handler handler, LogSink log);
    ~Core();
    Core(const Core&) = delete;
    Core& operator=(const Core&) = delete;

    Status Start();
    void Run();
    /// Stops accepting and closes idle connections; runs on control_.
    void Shutdown();
    void Log(std::string_view line) const {
        if (log_) {
            log_(line);
        }
    }
    bool logging() const { return static_cast<bool>(log_); }
    bool stopping() const { return stopping_.load(); }
    void Register(Session* session);
    void Unregister(Session* session);

    void DoAccept();
    void OnAccept(const beast::error_code& error, tcp::socket socket, const Strand& strand);

    const ServerOptions options_;
    const Handler handler_;
    const LogSink log_;
    const std::shared_ptr<Gate> gate_ = std::make_shared<Gate>();
    std::atomic<bool> stopping_{false};
    std::mutex sessions_mutex_;
    std::unordered_set<Session*> sessions_;  // guarded by sessions_mutex_
    bool destroying_ = false;                // guarded by sessions_mutex_
    // Declared after what Session destructors use: destroying the io_context destroys sessions.
    asio::io_context ioc_;
    Strand control_;  // serialises the acceptor, the signal set and the timers
    tcp::acceptor acceptor_;
    asio::signal_set signals_;
    asio::steady_timer grace_timer_;
    asio::steady_timer accept_retry_timer_;
    std::uint16_t port_ = 0;
};

/// One TCP connection, serving one request at a time. Every member is used on strand_ only.
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(Core& server, tcp::socket socket, Strand strand, std::string remote_address)
        : server_(server),
          strand_(std::move(strand)),
          stream_(std::move(socket)),
          remote_address_(std::move(remote_address)) {
        server_.Register(this);
    }
    ~Session() { server_.Unregister(this); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const Strand& strand() const { return strand_; }

    void Start() {
        asio::post(strand_, [self = shared_from_this()] { self->ReadRequest(); });
    }

    /// Server shutdown: a connection waiting for its next request closes now; the others finish
    /// their request and close after the response.
    void OnShutdown() {
        if (state_ == State::kIdle) {
            Close();
        }
    }

    /// Writes the handler's answer. Runs on the strand, once per request.
    void Finish(Response response) {
        if (state_ != State::kHandling) {
            return;
        }
        const std::shared_ptr<Session> self = std::move(pinned_);
        Write(std::move(response), request_keep_alive_ && !server_.stopping(), false);
    }

    void LogError(std::string_view message) const {
        std::string line = "error: ";
        line += message;
        server_.Log(line);
    }

    /// Releases the self-reference of a request whose responder never came back (server
    /// destruction after the shutdown grace period); no server thread runs at that point.
    std::shared_ptr<Session> Unpin() { return std::move(pinned_); }

  private:
    enum class State { kIdle, kReading, kHandling, kWriting, kClosing, kClosed };

    void ReadRequest() {
        if (server_.stopping()) {
            Close();
            return;
        }
        const ServerOptions& options = server_.options_;
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
            options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
        parser_->body_limit(static_cast<std::uint64_t>(options.max_body_bytes));
        parser_->eager(true);
        continue_sent_ = false;
        if (buffer_.size() == 0) {
            state_ = State::kIdle;
            stream_.expires_after(options.idle_timeout);
            ReadMore();
            return;
        }
        BeginRequest();
        Parse();
    }

    void BeginRequest() {
        state_ = State::kReading;
        request_start_ = std::chrono::steady_clock::now();
        stream_.expires_after(server_.options_.read_timeout);
    }

    void ReadMore() {
        stream_.async_read_some(buffer_.prepare(kReadSize),
                                beast::bind_front_handler(&Session::OnRead, shared_from_this()));
    }

    void OnRead(const beast::error_code& error, std::size_t bytes) {
        if (error) {
            // End of stream, timeout, reset or shutdown: there is nobody to answer.
            Close();
            return;
        }
        buffer_.commit(bytes);
        if (state_ == State::kIdle) {
            BeginRequest();
        }
        Parse();
    }

    void Parse() {
        beast::error_code error;
        const std::size_t used = parser_->put(buffer_.data(), error);
        buffer_.consume(used);
        if (error == bhttp::error::need_more || (!error && !parser_->is_done())) {
            if (parser_->is_header_done() && !continue_sent_ && ExpectsContinue()) {
                continue_sent_ = true;
                asio::async_write(
                    stream_, asio::buffer(kContinue.data(), kContinue.size()),
                    beast::bind_front_handler(&Session::OnContinueSent, shared_from_this()));
                return;
            }
            ReadMore();
            return;
        }
        if (error) {
            AnswerBadRequest(error);
            return;
        }
        stream_.expires_never();  // the handler may take its time
        Dispatch();
    }

    bool ExpectsContinue() const {
        const auto& message = parser_->get();
        const auto expect = message.find(bhttp::field::expect);
        return message.version() >= 11 && expect != message.end() &&
               EqualsIgnoreCase(View(expect->value()), "100-continue");
    }

    void OnContinueSent(const beast::error_code& error, std::size_t /*bytes*/) {
        if (error) {
            Close();
            return;
        }
        ReadMore();
    }

    void AnswerBadRequest(const beast::error_code& error) {
        const bool header_done = parser_->is_header_done();
        request_line_ = header_done ? RequestLine(View(parser_->get().method_string()),
                                                  View(parser_->get().target()))
                                    : std::string("- -");
        version_ = header_done ? parser_->get().version() : 11;
        head_request_ = false;
        stream_.expires_never();
        if (error == bhttp::error::header_limit) {
            Write(ErrorResponse(431, "request header is larger than " +
                                         std::to_string(server_.options_.max_header_bytes) +
                                         " bytes"),
                  false, true);
        } else if (error == bhttp::error::body_limit) {
            Write(
                ErrorResponse(413, "request body is larger than " +
                                       std::to_string(server_.options_.max_body_bytes) + " bytes"),
                false, true);
        } else {
            Write(ErrorResponse(400, "malformed HTTP request: " + error.message()), false, true);
        }
    }

    void Dispatch();

    void Write(Response&& response, bool keep_alive, bool linger) {
        state_ = State::kWriting;
        close_after_write_ = !keep_alive;
        linger_ = linger;
        if (response.status < 100 || response.status > 999) {
            LogError("handler answered with invalid status " + std::to_string(response.status));
            response = ErrorResponse(500, "internal server error");
        }
        response_ = {};
        response_.version(version_);
        response_.result(static_cast<unsigned>(response.status));
        response_.set(bhttp::field::server, "pipecrm");
        if (!response.content_type.empty()) {
            response_.set(bhttp::field::content_type, response.content_type);
        }
        for (const auto& [name, value] : response.headers) {
            if (IsSafeHeader(name, value)) {
                response_.insert(name, value);
            } else {
                LogError("handler set an invalid response header; it was dropped");
            }
        }
        response_.content_length(response.body.size());
        if (!head_request_) {
            response_.body() = std::move(response.body);
        }
        response_.keep_alive(keep_alive);
        // A client that stops reading must not hold the connection forever.
        stream_.expires_after(server_.options_.idle_timeout);
        bhttp::async_write(stream_, response_,
                           beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
    }

    void OnWrite(const beast::error_code& error, std::size_t /*bytes*/) {
        stream_.expires_never();
        if (server_.logging()) {
            const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - request_start_);
            std::string line = UtcTimestamp();
            line += ' ';
            line += remote_address_;
            line += " \"";
            line += request_line_;
            line += "\" ";
            line += std::to_string(response_.result_int());
            line += ' ';
            line += std::to_string(response_.body().size());
            line += ' ';
            line += std::to_string(micros.count());
            line += "us";
            server_.Log(line);
        }
        response_ = {};  // do not keep a large body alive while the connection idles
        if (error) {
            Close();
        } else if (linger_) {
            Linger();
        } else if (close_after_write_) {
            Close();
        } else {
            ReadRequest();
        }
    }

    void Linger() {
        state_ = State::kClosing;
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(kLingerTime);  // one deadline for the whole drain
        buffer_.consume(buffer_.size());
        Drain();
    }

    void Drain() {
        stream_.async_read_some(buffer_.prepare(kReadSize),
                                beast::bind_front_handler(&Session::OnDrain, shared_from_this()));
    }

    void OnDrain(const beast::error_code& error, std::size_t /*bytes*/) {
        if (error) {
            Close();
            return;
        }
        Drain();
    }

    void Close() {
        state_ = State::kClosed;
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    Core& server_;
    const Strand strand_;
    beast::tcp_stream stream_;
    const std::string remote_address_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    bhttp::response<bhttp::string_body> response_;
    State state_ = State::kIdle;
    unsigned version_ = 11;
    bool request_keep_alive_ = false;
    bool head_request_ = false;  // the response to HEAD has a Content-Length but no body
    bool close_after_write_ = false;
    bool linger_ = false;
    bool continue_sent_ = false;
    SteadyTime request_start_{};
    std::string request_line_;  // for the access log; filled only when there is a LogSink
    // Keeps the session alive while the handler holds the responder, which only has a weak_ptr.
    std::shared_ptr<Session> pinned_;
};

/// What the copies of one request's Responder share: whether it has been called, and a safe way
/// to reach the connection from any thread. Safe for concurrent use.
class Exchange {
  public:
    Exchange(std::weak_ptr<Session> session, std::shared_ptr<Gate> gate)
        : session_(std::move(session)), gate_(std::move(gate)) {}
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;

    /// A handler bug must not leave the client waiting: a dropped responder answers 500.
    ~Exchange() {
        if (Claim()) {
            WithSession([](Session& session) {
                session.LogError("a handler dropped its responder without answering");
                session.Finish(ErrorResponse(500, "internal server error"));
            });
        }
    }

    /// True for the first caller only.
    bool Claim() { return !claimed_.exchange(true); }

    void Respond(Response response) {
        if (!Claim()) {
            WithSession([](Session& session) {
                session.LogError("a responder was called twice; the second response was dropped");
            });
            return;
        }
        WithSession([response = std::move(response)](Session& session) mutable {
            session.Finish(std::move(response));
        });
    }

  private:
    /// Runs `action` on the session's strand: at once when already there (a handler answering
    /// synchronously), else posted. Does nothing once the connection or the server is gone.
    template <typename Action>
    void WithSession(Action&& action) {
        std::shared_ptr<Session> session;
        {
            // Holding the gate keeps the io_context alive while this thread owns a session
            // reference: the last reference may destroy a socket, which needs the io_context.
            std::lock_guard<std::mutex> lock(gate_->mutex);
            if (!gate_->open) {
                return;
            }
            session = session_.lock();
            if (!session) {
                return;
            }
            if (!session->strand().running_in_this_thread()) {
                const Strand strand = session->strand();
                asio::post(strand,
                           [session = std::move(session),
                            action = std::forward<Action>(action)]() mutable { action(*session); });
                return;
            }
        }
        // On the strand we run inside the io_context, which therefore outlives this call.
        action(*session);
    }

    const std::weak_ptr<Session> session_;
    const std::shared_ptr<Gate> gate_;
    std::atomic<bool> claimed_{false};
};

void Session::Dispatch() {
    auto& message = parser_->get();
    version_ = message.version();
    request_keep_alive_ = message.keep_alive();
    head_request_ = message.method() == bhttp::verb::head;

    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    const std::string_view target = request.target;
    const std::size_t question = target.find('?');
    request.path = PercentDecode(target.substr(0, question), false);
    if (question != std::string_view::npos) {
        request.query = ParseQueryString(target.substr(question + 1));
    }
    request.headers.reserve(
        static_cast<std::size_t>(std::distance(message.begin(), message.end())));
    for (const auto& field : message) {
        request.headers.emplace_back(ToLower(View(field.name_string())),
                                     std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_address = remote_address_;
    if (server_.logging()) {
        request_line_ = RequestLine(request.method, target);
    }
    parser_.reset();

    state_ = State::kHandling;
    pinned_ = shared_from_this();
    // Kept here as well so that a handler that throws after passing on its responder does not
    // make the responder look dropped before the exception is reported below.
    const auto exchange = std::make_shared<Exchange>(weak_from_this(), server_.gate_);
    try {
        server_.handler_(std::move(request),
                         [exchange](Response response) { exchange->Respond(std::move(response)); });
        return;
    } catch (const std::exception& error) {
        LogError(error.what());
    } catch (...) {  // the top of a request: report anything and answer 500
        LogError("unknown exception");
    }
    if (exchange->Claim()) {
        Finish(ErrorResponse(500, "internal server error"));
    }
}

}  // namespace

std::string ErrorBody(std::string_view message, int status) {
    std::string body;
    body.reserve(message.size() + 160);
    body += R"({"success":false,"error":")";
    AppendJsonEscaped(body, message);
    body += R"(","error_info":"See the PipeCRM API documentation at /api/openapi.json")";
    body += R"(,"data":null,"additional_data":null)";
    if (status == 401) {
        body += R"(,"errorCode":401)";
    }
    body += '}';
    return body;
}

namespace {

Core::Core(ServerOptions options, Handler handler, LogSink log)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      log_(std::move(log)),
      ioc_(std::max(1, options_.threads)),
      control_(asio::make_strand(ioc_)),
      acceptor_(ioc_),
      signals_(ioc_),
      grace_timer_(ioc_),
      accept_retry_timer_(ioc_) {}

Core::~Core() {
    {
        std::lock_guard<std::mutex> lock(gate_->mutex);
        gate_->open = false;
    }
    // Run() has returned, so no server thread touches the sessions. Requests whose responder
    // never came back are released here, while the io_context their sockets need still exists;
    // the io_context's destructor then destroys the sessions still owned by pending operations.
    std::vector<std::shared_ptr<Session>> released;
    {
        std::lock_guard<std::mutex> lock(sessions_mutex_);
        destroying_ = true;
        for (Session* session : sessions_) {
            if (auto owner = session->weak_from_this().lock()) {
                released.push_back(owner->Unpin());
                released.push_back(std::move(owner));
            }
        }
    }
    released.clear();
}

Status Core::Start() {
    beast::error_code error;
    auto fail = [&]() {
        beast::error_code ignored;
        acceptor_.close(ignored);
        return Unavailable("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) + ": " + error.message());
    };
    tcp::resolver resolver(ioc_);
    const auto endpoints =
        resolver.resolve(options_.host, std::to_string(options_.port),
                         tcp::resolver::passive | tcp::resolver::numeric_service, error);
    if (error) {
        return fail();
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    acceptor_.open(endpoint.protocol(), error);
    if (!error) {
        acceptor_.set_option(asio::socket_base::reuse_address(true), error);
    }
    if (!error) {
        acceptor_.bind(endpoint, error);
    }
    if (!error) {
        acceptor_.listen(asio::socket_base::max_listen_connections, error);
    }
    if (!error) {
        port_ = acceptor_.local_endpoint(error).port();
    }
    if (error) {
        return fail();
    }
    DoAccept();
    return Status::Ok();
}

void Core::Run() {
    if (!acceptor_.is_open()) {
        return;  // Start() failed or was not called
    }
    beast::error_code ignored;
    signals_.add(SIGINT, ignored);
    signals_.add(SIGTERM, ignored);
    signals_.async_wait(asio::bind_executor(control_, [this](const beast::error_code& error, int) {
        if (!error) {
            Shutdown();
        }
    }));
    std::vector<std::thread> helpers;
    for (int i = 1; i < options_.threads; ++i) {
        helpers.emplace_back([this] { ioc_.run(); });
    }
    ioc_.run();
    for (std::thread& helper : helpers) {
        helper.join();
    }
}

void Core::Shutdown() {
    if (stopping_.exchange(true)) {
        return;
    }
    beast::error_code ignored;
    acceptor_.close(ignored);
    accept_retry_timer_.cancel();
    signals_.cancel(ignored);
    signals_.clear(ignored);  // gives SIGINT/SIGTERM their default action back
    std::vector<std::shared_ptr<Session>> open;
    {
        std::lock_guard<std::mutex> lock(sessions_mutex_);
        if (sessions_.empty()) {
            ioc_.stop();
            return;
        }
        for (Session* session : sessions_) {
            if (auto owner = session->weak_from_this().lock()) {
                open.push_back(std::move(owner));
            }
        }
    }
    // Outside the lock: dropping the last reference runs ~Session, which takes it.
    for (auto& session : open) {
        const Strand strand = session->strand();
        asio::post(strand, [session = std::move(session)] { session->OnShutdown(); });
    }
    grace_timer_.expires_after(options_.shutdown_grace);
    grace_timer_.async_wait(asio::bind_executor(control_, [this](const beast::error_code& error) {
        if (error) {
            return;
        }
        std::size_t remaining = 0;
        {
            std::lock_guard<std::mutex> lock(sessions_mutex_);
            remaining = sessions_.size();
        }
        Log("error: shutdown grace period ended with " + std::to_string(remaining) +
            " connection(s) still open");
        ioc_.stop();
    }));
}

void Core::Register(Session* session) {
    std::lock_guard<std::mutex> lock(sessions_mutex_);
    sessions_.insert(session);
}

void Core::Unregister(Session* session) {
    bool last = false;
    {
        std::lock_guard<std::mutex> lock(sessions_mutex_);
        sessions_.erase(session);
        last = stopping() && sessions_.empty() && !destroying_;
    }
    if (last) {
        ioc_.stop();  // the last connection of a shutdown is gone: Run() may return
    }
}

void Core::DoAccept() {
    Strand strand = asio::make_strand(ioc_);
    acceptor_.async_accept(
        strand, asio::bind_executor(
                    control_, [this, strand](const beast::error_code& error, tcp::socket socket) {
                        OnAccept(error, std::move(socket), strand);
                    }));
}

void Core::OnAccept(const beast::error_code& error, tcp::socket socket, const Strand& strand) {
    if (error == asio::error::operation_aborted || stopping()) {
        return;  // the socket, if any, closes as it goes out of scope
    }
    if (error) {
        Log("error: accept failed: " + error.message());
        accept_retry_timer_.expires_after(kAcceptRetryDelay);
        accept_retry_timer_.async_wait(
            asio::bind_executor(control_, [this](const beast::error_code& timer_error) {
                if (!timer_error && !stopping()) {
                    DoAccept();
                }
            }));
        return;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    beast::error_code peer_error;
    const tcp::endpoint peer = socket.remote_endpoint(peer_error);
    std::string remote = peer_error ? std::string("-") : peer.address().to_string();
    std::make_shared<Session>(*this, std::move(socket), strand, std::move(remote))->Start();
    DoAccept();
}

}  // namespace

struct Server::Impl {
    Impl(ServerOptions options, Handler handler, LogSink log)
        : core(std::move(options), std::move(handler), std::move(log)) {}
    Core core;
};

Server::Server(ServerOptions options, Handler handler, LogSink log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(log))) {}

Server::~Server() = default;

Status Server::Start() {
    return impl_->core.Start();
}

std::uint16_t Server::port() const {
    return impl_->core.port_;
}

void Server::Run() {
    impl_->core.Run();
}

void Server::Stop() {
    Core& core = impl_->core;
    asio::post(core.control_, [&core] { core.Shutdown(); });
}

}  // namespace pipecrm::http
