#include "support/webhook_receiver.hpp"

#include <stdexcept>

namespace pipecrm::testing {

std::string ReceivedRequest::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return "";
}

WebhookReceiver::WebhookReceiver() {
    http::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.shutdown_grace = std::chrono::milliseconds(500);
    server_ = std::make_unique<http::Server>(
        options,
        [this](http::Request&& request, http::Responder respond) {
            Handle(std::move(request), std::move(respond));
        },
        [](std::string_view) {});
    const Status started = server_->Start();
    if (!started.ok()) {
        throw std::runtime_error("webhook receiver: " + started.message());
    }
    thread_ = std::thread([this] { server_->Run(); });
}

WebhookReceiver::~WebhookReceiver() {
    ReleaseHeld(503);
    server_->Stop();
    thread_.join();
}

std::string WebhookReceiver::Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

void WebhookReceiver::FailNext(int count, int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    fail_count_ = count;
    fail_status_ = status;
}

void WebhookReceiver::Hold(bool hold) {
    std::lock_guard<std::mutex> lock(mutex_);
    hold_ = hold;
}

void WebhookReceiver::ReleaseHeld(int status) {
    std::vector<std::pair<std::size_t, http::Responder>> held;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        held.swap(held_);
        for (const auto& entry : held) {
            requests_[entry.first].answered = status;
        }
    }
    for (auto& entry : held) {
        http::Response response;
        response.status = status;
        response.body = "{}";
        entry.second(std::move(response));
    }
    changed_.notify_all();
}

std::vector<ReceivedRequest> WebhookReceiver::Requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
}

bool WebhookReceiver::WaitUntil(
    const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
    std::chrono::seconds timeout) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return done(requests_); });
}

void WebhookReceiver::Handle(http::Request&& request, http::Responder respond) {
    int status = 200;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ReceivedRequest received;
        received.path = request.path;
        received.headers = request.headers;
        received.body = request.body;
        if (hold_) {
            requests_.push_back(std::move(received));
            held_.emplace_back(requests_.size() - 1, std::move(respond));
            changed_.notify_all();
            return;
        }
        if (fail_count_ > 0) {
            --fail_count_;
            status = fail_status_;
        }
        received.answered = status;
        requests_.push_back(std::move(received));
    }
    changed_.notify_all();
    http::Response response;
    response.status = status;
    response.body = "{}";
    respond(std::move(response));
}

}  // namespace pipecrm::testing
