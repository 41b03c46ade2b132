// The composition root: the only place that knows the concrete store and server.
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app/buffered_log.hpp"
#include "auth/authenticator.hpp"
#include "auth/credentials.hpp"
#include "auth/login_audit.hpp"
#include "auth/session_manager.hpp"
#include "automation/rule_worker.hpp"
#include "automation/webhook_worker.hpp"
#include "cli/command_table.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http/web_app.hpp"
#include "http/webhook_http_poster.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/sqlite_migration.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace pipecrm::app {
namespace {

class ProcessEnvironment final : public cli::Environment {
  public:
    std::ostream& out() override { return std::cout; }
    std::ostream& err() override { return std::cerr; }
    const Clock& clock() override { return clock_; }

    std::optional<std::string> GetEnv(const char* name) override {
        const char* value = std::getenv(name);
        if (value == nullptr) {
            return std::nullopt;
        }
        return std::string(value);
    }

    std::optional<std::string> AskSecret(const std::string& prompt) override {
        if (!isatty(STDIN_FILENO)) {
            return std::nullopt;
        }
        std::cerr << prompt << std::flush;
        termios saved{};
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::string line;
        std::getline(std::cin, line);
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
        return line;
    }

    bool FileExists(const std::string& path) override {
        struct stat info {};
        return ::stat(path.c_str(), &info) == 0;
    }

    bool DatabaseExists(const std::string& db) override {
        if (!storage::postgres::IsPostgresUrl(db)) {
            return FileExists(db);
        }
        auto set_up = storage::postgres::HasSchema(db);
        return !set_up.ok() || *set_up;
    }

    Result<std::unique_ptr<domain::Store>> OpenStore(const std::string& db, bool create) override {
        if (storage::postgres::IsPostgresUrl(db)) {
            auto store = storage::postgres::PostgresStore::Open(db);
            if (!store.ok()) {
                return store.status();
            }
            return std::unique_ptr<domain::Store>(std::move(*store));
        }
        if (!create && !FileExists(db)) {
            return NotFound("no database at " + db);
        }
        auto store = storage::sqlite::SqliteStore::Open(db);
        if (!store.ok()) {
            return store.status();
        }
        return std::unique_ptr<domain::Store>(std::move(*store));
    }

    Status Serve(domain::Store& store, const cli::ServeOptions& options) override {
        http::ServerOptions server_options;
        server_options.host = options.host;
        server_options.port = options.port;
        server_options.threads = options.threads;
        std::optional<http::ResponseCache::Stats> cache_stats;
        {
            BufferedLog log(STDERR_FILENO);
            auth::Authenticator authenticator(store, clock_);
            // Sign-in events go to the server log and the audit log; the event carries no secret.
            auth::SessionManager sessions(
                store, clock_, {options.session_idle, options.session_max_age}, {},
                [&log, &store](const auth::LoginEvent& event) {
                    auth::AppendLoginAudit(store, event);
                    std::string line = "pipecrm: ";
                    line += auth::LoginEventName(event.kind);
                    line += " email=" + event.email;
                    if (event.user_id) {
                        line += " user_id=" + std::to_string(*event.user_id);
                    }
                    line += " from " + event.remote_address;
                    log.Write(line);
                });
            http::Api api({store, authenticator, sessions, clock_,
                           static_cast<std::size_t>(options.cache_mb) * 1024 * 1024,
                           options.trust_proxy});
            // The browser app's pages and files; every other path goes to the API.
            const http::WebApp web(http::EmbeddedWebAssets());
            http::Server server(
                server_options,
                [&api, &web](http::Request&& request, http::Responder respond) {
                    if (auto page = web.Serve(request)) {
                        respond(std::move(*page));
                        return;
                    }
                    api.Handle(std::move(request), std::move(respond));
                },
                [&log](std::string_view line) { log.Write(line); });
            PIPECRM_RETURN_IF_ERROR(server.Start());
            // Webhook deliveries go out from their own thread, outside any transaction.
            http::WebhookHttpPoster poster;
            automation::WebhookWorkerOptions webhook_options;
            webhook_options.timeout = options.webhook_timeout;
            webhook_options.retry.first_retry = options.webhook_first_retry;
            automation::WebhookWorker webhooks(store, clock_, poster, webhook_options,
                                               [&log](std::string_view line) { log.Write(line); });
            webhooks.Start();
            // Automation rules run after their changes commit, from a thread of their own.
            automation::RuleWorker rules(store, clock_, {},
                                         [&log](std::string_view line) { log.Write(line); });
            rules.Start();
            std::cout << "pipecrm: listening on http://" << options.host << ":" << server.port()
                      << std::endl;
            server.Run();
            rules.Stop();
            webhooks.Stop();
            cache_stats = api.cache_stats();
        }  // the server is gone and its log written out
        if (cache_stats) {
            std::cerr << "pipecrm: response cache: " << cache_stats->hits << " hits, "
                      << cache_stats->misses << " misses\n";
        }
        std::cerr << "pipecrm: stopped\n";
        return Status::Ok();
    }

    Status Backup(const std::string& db, const std::string& to) override {
        if (storage::postgres::IsPostgresUrl(db)) {
            return FailedPrecondition(
                "pipecrm backup copies SQLite files; back up a PostgreSQL database with "
                "pg_dump, e.g. pg_dump --format=custom --file=" +
                to + " '" + storage::postgres::RedactUrl(db) + "'");
        }
        return storage::sqlite::BackupDatabase(db, to);
    }

    Result<std::vector<cli::MigrationCheck>> Migrate(
        const std::string& from,
        const std::string& to,
        const cli::MigrationProgress& progress) override {
        auto checks = storage::postgres::MigrateSqliteToPostgres(from, to, progress);
        if (!checks.ok()) {
            return checks.status();
        }
        std::vector<cli::MigrationCheck> out;
        for (auto& check : *checks) {
            out.push_back(
                {std::move(check.what), std::move(check.source), std::move(check.target)});
        }
        return out;
    }

    Result<std::string> ReadFile(const std::string& path) override {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return NotFound("cannot read " + path, "FILE");
        }
        // Into one string of the file's size (a pipe has none; it grows then): an import of a
        // 100 MB file spent about 0.2 s, before it could start, growing and copying a stream's
        // buffer three times.
        std::string contents;
        std::error_code no_size;
        const std::uintmax_t size = std::filesystem::file_size(path, no_size);
        if (!no_size) {
            contents.reserve(static_cast<std::size_t>(size));
        }
        std::array<char, 1 << 16> chunk;
        while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
            contents.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        }
        if (in.bad()) {
            const int error = errno;  // EISDIR for a directory
            return InvalidArgument("cannot read " + path + ": " + std::strerror(error), "FILE");
        }
        return contents;
    }

    Status WriteFile(const std::string& path, const std::string& contents) override {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << contents;
        out.close();
        if (!out) {
            return Unavailable("cannot write " + path);
        }
        return Status::Ok();
    }

    void RemoveFile(const std::string& path) override { std::remove(path.c_str()); }

    bool IsRegularFile(const std::string& path) override {
        std::error_code error;
        return std::filesystem::is_regular_file(path, error);
    }

    bool ErrIsTerminal() override { return isatty(STDERR_FILENO) != 0; }

  private:
    SystemClock clock_;
};

int Main(int argc, char** argv) {
    ProcessEnvironment env;
    Status crypto = auth::InitCrypto();
    if (!crypto.ok()) {
        std::cerr << "pipecrm: " << crypto.message() << "\n";
        return cli::ExitCodeFor(crypto.code());
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    return cli::RunCommandLine(args, env);
}

}  // namespace
}  // namespace pipecrm::app

int main(int argc, char** argv) {
    try {
        return pipecrm::app::Main(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "pipecrm: unexpected error: " << e.what() << "\n";
        return 10;
    }
}
