#include "http/router.hpp"

#include <charconv>

namespace pipecrm::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') {
            ++pos;
            continue;
        }
        std::size_t end = path.find('/', pos);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        parts.push_back(path.substr(pos, end - pos));
        pos = end;
    }
    return parts;
}

}  // namespace

Result<Id> RouteContext::IdParam(std::size_t n) const {
    std::string_view text = n < params.size() ? params[n] : std::string_view();
    Id id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        return NotFound("no item with id \"" + std::string(text) + "\"");
    }
    return id;
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler, Access access) {
    Route route;
    route.method = std::move(method);
    route.pattern = std::move(pattern);
    route.access = access;
    route.handler = std::move(handler);
    for (std::string_view part : Split(route.pattern)) {
        route.segments.emplace_back(part);
    }
    routes_.push_back(std::move(route));
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
    const std::vector<std::string_view> parts = Split(path);
    Match match;
    for (const Route& route : routes_) {
        if (route.segments.size() != parts.size()) {
            continue;
        }
        std::vector<std::string_view> params;
        bool fits = true;
        for (std::size_t i = 0; i < parts.size() && fits; ++i) {
            const std::string& segment = route.segments[i];
            if (!segment.empty() && segment.front() == '{') {
                params.push_back(parts[i]);
            } else {
                fits = segment == parts[i];
            }
        }
        if (!fits) {
            continue;
        }
        if (route.method == method) {
            match.route = &route;
            match.params = std::move(params);
            return match;
        }
        match.path_known = true;
    }
    return match;
}

}  // namespace pipecrm::http
