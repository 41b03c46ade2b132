// Serves the embedded browser app: its files at their paths and index.html for every other
// page path the app routes itself (/board, /deals/12, ...), leaving /api, /v1 and /healthz
// to the API.
#pragma once

#include <optional>
#include <span>

#include "http/server.hpp"
#include "http/web_asset.hpp"

namespace pipecrm::http {

/// Immutable after construction; safe for concurrent use.
class WebApp {
  public:
    /// `assets` must outlive the WebApp and hold "/index.html".
    explicit WebApp(std::span<const WebAsset> assets);

    /// The answer to a GET or HEAD of a page or asset path; nullopt for API paths, other
    /// methods, and unknown paths under /assets/ (those stay 404s of the API).
    /// Hashed files under /assets/ are cached for a year; index.html must be revalidated
    /// (ETag, If-None-Match gives 304).
    std::optional<Response> Serve(const Request& request) const;

  private:
    const WebAsset* Find(std::string_view path) const;

    std::span<const WebAsset> assets_;
    const WebAsset* index_ = nullptr;
};

}  // namespace pipecrm::http
