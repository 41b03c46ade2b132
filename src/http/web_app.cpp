#include "http/web_app.hpp"

#include <algorithm>
#include <stdexcept>

namespace pipecrm::http {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Paths the API owns, even when no route matches (their 404 stays a JSON error).
bool IsApiPath(std::string_view path) {
    return path == "/api" || StartsWith(path, "/api/") || path == "/v1" ||
           StartsWith(path, "/v1/") || path == "/healthz";
}

// Whether an If-None-Match header lists this ETag (or is "*").
bool Matches(const std::string* if_none_match, std::string_view etag) {
    if (if_none_match == nullptr) {
        return false;
    }
    std::string_view list = *if_none_match;
    return list.find(etag) != std::string_view::npos || list == "*";
}

}  // namespace

WebApp::WebApp(std::span<const WebAsset> assets) : assets_(assets) {
    index_ = Find("/index.html");
    if (index_ == nullptr) {
        throw std::invalid_argument("the web app has no /index.html");
    }
}

const WebAsset* WebApp::Find(std::string_view path) const {
    auto it = std::find_if(assets_.begin(), assets_.end(),
                           [path](const WebAsset& asset) { return asset.path == path; });
    return it == assets_.end() ? nullptr : &*it;
}

std::optional<Response> WebApp::Serve(const Request& request) const {
    if ((request.method != "GET" && request.method != "HEAD") || IsApiPath(request.path)) {
        return std::nullopt;
    }
    const WebAsset* asset = Find(request.path);
    const bool hashed = asset != nullptr && StartsWith(request.path, "/assets/");
    if (asset == nullptr) {
        // An old bundle name after an upgrade must not turn into index.html parsed as script.
        if (StartsWith(request.path, "/assets/")) {
            return std::nullopt;
        }
        asset = index_;
    }
    Response response;
    response.content_type = std::string(asset->content_type);
    response.headers.emplace_back("ETag", std::string(asset->etag));
    response.headers.emplace_back("Cache-Control",
                                  hashed ? "public, max-age=31536000, immutable" : "no-cache");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    if (asset == index_) {
        response.headers.emplace_back("X-Frame-Options", "DENY");
        response.headers.emplace_back("Content-Security-Policy",
                                      "default-src 'self'; img-src 'self' data:; "
                                      "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        response.headers.emplace_back("Referrer-Policy", "same-origin");
    }
    if (Matches(request.Header("if-none-match"), asset->etag)) {
        response.status = 304;
        return response;
    }
    response.body = std::string(asset->bytes);
    return response;
}

}  // namespace pipecrm::http
