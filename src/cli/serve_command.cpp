// pipecrm serve: the API on the database until SIGTERM or SIGINT.
#include <charconv>

#include "cli/commands.hpp"

namespace pipecrm::cli {

Status RunServe(const Arguments& args, Environment& env) {
    const std::string& listen = args.Get("listen");
    const auto colon = listen.rfind(':');
    unsigned port = 0;
    const char* port_begin = listen.data() + (colon == std::string::npos ? 0 : colon + 1);
    auto [end, ec] = std::from_chars(port_begin, listen.data() + listen.size(), port);
    if (colon == std::string::npos || colon == 0 || ec != std::errc() ||
        end != listen.data() + listen.size() || port > 65535) {
        return InvalidArgument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080, got \"" + listen +
                               "\"");
    }
    auto threads = PositiveIntOption(args, "threads", 256);
    if (!threads.ok()) {
        return threads.status();
    }
    auto cache_mb = PositiveIntOption(args, "cache-mb", 65536);
    if (!cache_mb.ok()) {
        return cache_mb.status();
    }
    if (!env.FileExists(args.Get("db"))) {
        return NotFound("no database at " + args.Get("db") + "; create one with pipecrm init");
    }
    auto store = env.OpenStore(args.Get("db"), /*create=*/false);
    if (!store.ok()) {
        return store.status();
    }
    ServeOptions options;
    options.host = listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(port);
    options.threads = std::max(1, static_cast<int>(*threads));
    options.cache_mb = static_cast<int>(*cache_mb);
    return env.Serve(**store, options);
}

}  // namespace pipecrm::cli
