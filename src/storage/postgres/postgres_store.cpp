#include "storage/postgres/postgres_store.hpp"

#include <mutex>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/sql/sql_repositories.hpp"
#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::postgres {
namespace {

// One libpq connection with the visibility views and its repositories.
class PostgresSession final : public sql::StoreSession {
  public:
    explicit PostgresSession(std::unique_ptr<Connection> connection)
        : connection_(std::move(connection)), repositories_(*connection_) {}

    sql::Connection& connection() override { return *connection_; }
    sql::SqlRepositories& repositories() override { return repositories_; }
    // Settings local to the transaction: they vanish at its end, and each job sets its own.
    Status SetViewer(const std::optional<domain::Viewer>& viewer) override {
        auto stmt = connection_->Cached(
            "SELECT set_config('pipecrm.viewer_user', ?, true), "
            "set_config('pipecrm.viewer_workspace', ?, true), "
            "set_config('pipecrm.viewer_role', ?, true)");
        if (!stmt.ok()) {
            return stmt.status();
        }
        if (viewer) {
            (*stmt)
                ->Bind(1, std::to_string(viewer->user_id))
                .Bind(2, std::to_string(viewer->workspace_id))
                .Bind(3, domain::RoleName(viewer->role));
        } else {
            (*stmt)->Bind(1, "").Bind(2, "").Bind(3, "");
        }
        return (*stmt)->Run();
    }

  private:
    std::unique_ptr<Connection> connection_;
    sql::SqlRepositories repositories_;
};

// A connection with the temp views (after the migrations).
Result<std::unique_ptr<PostgresSession>> OpenSession(const std::string& url) {
    auto connection = Connection::Open(url);
    if (!connection.ok()) {
        return connection.status();
    }
    PIPECRM_RETURN_IF_ERROR((*connection)->Exec(sql::VisibilityViewsSql()));
    return std::make_unique<PostgresSession>(std::move(*connection));
}

class PostgresBackend final : public sql::StoreBackend {
  public:
    explicit PostgresBackend(std::string url) : url_(std::move(url)) {}

    Result<std::unique_ptr<sql::StoreSession>> OpenReader() override {
        auto session = OpenSession(url_);
        if (!session.ok()) {
            return session.status();
        }
        return std::unique_ptr<sql::StoreSession>(std::move(*session));
    }
    const char* BeginWrite() const override { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }
    const char* BeginRead() const override {
        return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    }
    Status AfterCommit(sql::StoreSession& writer) override {
        return sql::RunCached(writer.connection(), "SELECT nextval('main.data_version')");
    }
    Result<std::uint64_t> DataVersion() override {
        std::lock_guard lock(version_mutex_);
        if (version_connection_ == nullptr) {
            auto connection = Connection::Open(url_);
            if (!connection.ok()) {
                return connection.status();
            }
            version_connection_ = std::move(*connection);
        }
        auto rows = version_connection_->Query("SELECT last_value FROM main.data_version");
        if (!rows.ok()) {
            version_connection_.reset();  // reconnect next time
            return rows.status();
        }
        return static_cast<std::uint64_t>(rows->Int(0, 0));
    }

  private:
    const std::string url_;
    std::mutex version_mutex_;  // guards version_connection_
    std::unique_ptr<Connection> version_connection_;
};

}  // namespace

bool IsPostgresUrl(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<bool> HasSchema(const std::string& url) {
    auto connection = Connection::Open(url);
    if (!connection.ok()) {
        return connection.status();
    }
    auto rows = (*connection)->Query("SELECT to_regclass('main.workspaces') IS NOT NULL");
    if (!rows.ok()) {
        return rows.status();
    }
    return rows->Int(0, 0) == 1;
}

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           sql::StoreOptions options) {
    {
        auto connection = Connection::Open(url);
        if (!connection.ok()) {
            return connection.status();
        }
        auto migrated = ApplyMigrations(**connection);
        if (!migrated.ok()) {
            return migrated.status();
        }
    }
    auto writer = OpenSession(url);
    if (!writer.ok()) {
        return writer.status();
    }
    return std::unique_ptr<PostgresStore>(
        new PostgresStore(std::make_unique<PostgresBackend>(url), std::move(*writer), options));
}

}  // namespace pipecrm::storage::postgres
