// One file of the browser app, embedded in the binary at build time (cmake/embed_web.cmake).
#pragma once

#include <span>
#include <string_view>

namespace pipecrm::http {

struct WebAsset {
    std::string_view path;          ///< the URL path, e.g. "/index.html", "/assets/main-X.js"
    std::string_view content_type;  ///< e.g. "text/javascript; charset=utf-8"
    std::string_view etag;          ///< quoted, e.g. "\"0123456789abcdef\""
    std::string_view bytes;
};

/// The files of web/ as built by web/build.mjs, sorted by path; always holds "/index.html".
std::span<const WebAsset> EmbeddedWebAssets();

}  // namespace pipecrm::http
