// What CLI commands need from the outside world. Only app/ implements it, so commands never
// name a concrete store or server, and tests can run them against their own.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/store.hpp"

namespace pipecrm::cli {

struct ServeOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    int threads = 2;
    int cache_mb = 64;         ///< GET response cache budget; 0 turns it off
    bool trust_proxy = false;  ///< believe X-Forwarded-Proto and X-Forwarded-For
    std::chrono::seconds session_idle = std::chrono::hours(8);
    std::chrono::seconds session_max_age = std::chrono::days(7);
    std::chrono::seconds webhook_timeout{10};      ///< per webhook POST
    std::chrono::seconds webhook_first_retry{30};  ///< doubles per failure, for a day
};

/// One thing `pipecrm migrate` compared after copying: as the source and the target have it.
struct MigrationCheck {
    std::string what;
    std::string source;
    std::string target;
};

/// Told as `pipecrm migrate` copies: the table, rows copied of it, its row count.
using MigrationProgress =
    std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

class Environment {
  public:
    virtual ~Environment() = default;
    virtual std::ostream& out() = 0;
    virtual std::ostream& err() = 0;
    virtual const Clock& clock() = 0;
    /// The value of an environment variable, if set.
    virtual std::optional<std::string> GetEnv(const char* name) = 0;
    /// Asks for a secret on the terminal without echo; nullopt when there is no terminal.
    virtual std::optional<std::string> AskSecret(const std::string& prompt) = 0;
    virtual bool FileExists(const std::string& path) = 0;
    /// Whether the database named by --db exists: a file, or for a postgresql:// URL a database
    /// that PipeCRM has set up (true when the server cannot be asked, so that opening it reports
    /// why).
    virtual bool DatabaseExists(const std::string& db) { return FileExists(db); }
    /// Opens the database named by --db (creating it when `create`), migrated to this version.
    virtual Result<std::unique_ptr<domain::Store>> OpenStore(const std::string& db,
                                                             bool create) = 0;
    /// Serves the API on `store` until SIGTERM/SIGINT. Prints the address once listening.
    virtual Status Serve(domain::Store& store, const ServeOptions& options) = 0;
    /// A consistent copy of a live database.
    virtual Status Backup(const std::string& db, const std::string& to) = 0;
    /// Copies the SQLite database `from` into the empty PostgreSQL database `to` and compares
    /// both (storage/postgres/sqlite_migration.hpp).
    virtual Result<std::vector<MigrationCheck>> Migrate(const std::string& from,
                                                        const std::string& to,
                                                        const MigrationProgress& progress) = 0;
    /// The whole file; kNotFound naming the path when it cannot be opened, kInvalidArgument
    /// when it cannot be read (a directory).
    virtual Result<std::string> ReadFile(const std::string& path) = 0;
    /// False for a pipe or a device (/dev/stdin), a directory, or nothing at all.
    virtual bool IsRegularFile(const std::string& path) = 0;
    /// Replaces the file's contents (creating it); kUnavailable naming the path on failure.
    virtual Status WriteFile(const std::string& path, const std::string& contents) = 0;
    /// Removes the file if it exists.
    virtual void RemoveFile(const std::string& path) = 0;
    /// True when err() is a terminal (progress bars), false for a pipe or a file (plain lines).
    virtual bool ErrIsTerminal() = 0;
};

}  // namespace pipecrm::cli
