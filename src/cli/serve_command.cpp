// pipecrm serve: the API on the database until SIGTERM or SIGINT.
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <stop_token>
#include <thread>

#include "cli/commands.hpp"
#include "reports/forecast_snapshot.hpp"

namespace pipecrm::cli {
namespace {

// "90s", "30m", "8h", "7d": a positive whole number and its unit.
Result<std::chrono::seconds> DurationOption(const Arguments& args, const std::string& name) {
    const std::string& text = args.Get(name);
    long long count = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
    const std::string unit(end, text.data() + text.size());
    long long scale = 0;
    if (unit == "s") {
        scale = 1;
    } else if (unit == "m") {
        scale = 60;
    } else if (unit == "h") {
        scale = 3600;
    } else if (unit == "d") {
        scale = 86400;
    }
    if (ec != std::errc() || count <= 0 || scale == 0 || count > 3650LL * 86400 / scale) {
        return InvalidArgument("--" + name +
                               " must be a number and a unit s, m, h or d, e.g. 8h; got \"" + text +
                               "\"");
    }
    return std::chrono::seconds(count * scale);
}

}  // namespace

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
    auto session_idle = DurationOption(args, "session-idle");
    if (!session_idle.ok()) {
        return session_idle.status();
    }
    auto session_max_age = DurationOption(args, "session-max-age");
    if (!session_max_age.ok()) {
        return session_max_age.status();
    }
    auto webhook_timeout = DurationOption(args, "webhook-timeout");
    if (!webhook_timeout.ok()) {
        return webhook_timeout.status();
    }
    auto webhook_first_retry = DurationOption(args, "webhook-first-retry");
    if (!webhook_first_retry.ok()) {
        return webhook_first_retry.status();
    }
    if (!env.DatabaseExists(args.Get("db"))) {
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
    options.trust_proxy = args.Has("trust-proxy");
    options.session_idle = *session_idle;
    options.session_max_age = *session_max_age;
    // Once an hour, each workspace without today's forecast snapshot gets one (docs/reports.md).
    domain::Store& served = **store;
    std::jthread snapshots([&served, &env](std::stop_token stop) {
        std::mutex mutex;  // guards nothing but the wait
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
            auto taken = reports::TakeDailyForecastSnapshots(served, env.clock().Now());
            if (!taken.ok()) {
                env.err() << "pipecrm: forecast snapshot failed: " << taken.status().ToString()
                          << "\n";
            }
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, std::chrono::hours(1), [] { return false; });
        }
    });
    options.webhook_timeout = *webhook_timeout;
    options.webhook_first_retry = *webhook_first_retry;
    return env.Serve(served, options);
}

}  // namespace pipecrm::cli
