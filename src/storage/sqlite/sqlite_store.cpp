#include "storage/sqlite/sqlite_store.hpp"

#include <mutex>

#include "storage/sql/query.hpp"
#include "storage/sql/sql_repositories.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/visibility.hpp"
#include "storage/sqlite/wal_sync.hpp"
#include "storage/sqlite/wal_write_buffer.hpp"

namespace pipecrm::storage::sqlite {
namespace {

// Frames (pages) in the write-ahead log at which the writer's COMMIT checkpoints.
constexpr int kCheckpointFrames = 10000;

// One SQLite connection with its viewer slot (read by the temp views' functions) and its
// repositories.
class SqliteSession final : public sql::StoreSession {
  public:
    explicit SqliteSession(std::unique_ptr<Connection> connection)
        : connection_(std::move(connection)), repositories_(*connection_) {}

    Status InstallVisibility() { return sqlite::InstallVisibility(*connection_, viewer_); }
    sql::Connection& connection() override { return *connection_; }
    /// The file of the database's write-ahead log.
    std::string WalPath() {
        return sqlite3_filename_wal(sqlite3_db_filename(connection_->raw(), "main"));
    }
    sql::SqlRepositories& repositories() override { return repositories_; }
    Status SetViewer(const std::optional<domain::Viewer>& viewer) override {
        viewer_ = viewer;
        return Status::Ok();
    }

  private:
    std::unique_ptr<Connection> connection_;
    ViewerSlot viewer_;
    sql::SqlRepositories repositories_;
};

Result<std::unique_ptr<SqliteSession>> OpenSession(const std::string& path,
                                                   Connection::Mode mode,
                                                   const char* vfs = nullptr) {
    auto connection = Connection::Open(path, mode, vfs);
    if (!connection.ok()) {
        return connection.status();
    }
    if (mode == Connection::Mode::kReadWrite) {
        PIPECRM_RETURN_IF_ERROR(ApplyMigrations(**connection));
    }
    auto session = std::make_unique<SqliteSession>(std::move(*connection));
    PIPECRM_RETURN_IF_ERROR(session->InstallVisibility());
    return session;
}

class SqliteBackend final : public sql::StoreBackend {
  public:
    SqliteBackend(std::string path, std::string wal_path)
        : path_(std::move(path)), wal_(std::move(wal_path)) {}

    Result<std::unique_ptr<sql::StoreSession>> OpenReader() override {
        auto session = OpenSession(path_, Connection::Mode::kReadOnly);
        if (!session.ok()) {
            return session.status();
        }
        return std::unique_ptr<sql::StoreSession>(std::move(*session));
    }
    // IMMEDIATE takes the write lock at once, so the batch cannot fail half-way for it.
    const char* BeginWrite() const override { return "BEGIN IMMEDIATE"; }
    const char* BeginRead() const override { return "BEGIN"; }
    Status AfterCommit(sql::StoreSession&) override { return Status::Ok(); }
    // The pragma does nothing inside a transaction, so it is read back. Changing it makes
    // SQLite prepare the writer's statements again (with or without their checks).
    Status CheckForeignKeys(sql::StoreSession& writer, bool check) override {
        sql::Connection& db = writer.connection();
        PIPECRM_RETURN_IF_ERROR(
            db.Exec(check ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF"));
        bool on = !check;
        PIPECRM_RETURN_IF_ERROR(sql::Query(
            db, "PRAGMA foreign_keys", [](sql::Statement&) {},
            [&on](sql::Statement& row) { on = row.Int(0) != 0; }));
        if (on != check) {
            return Internal("the writer's foreign-key checks could not be turned " +
                            std::string(check ? "on" : "off"));
        }
        return Status::Ok();
    }
    // The writer commits with synchronous=NORMAL: its log is synced here, by the completer
    // (or a reader), while the writer runs the next transaction.
    bool DefersSync() const override { return true; }
    Status SyncCommitted() override { return wal_.Sync(); }

    /// SQLite's data_version, read on a connection of its own that never writes: it changes
    /// with every commit of any connection or process.
    Result<std::uint64_t> DataVersion() override {
        std::lock_guard lock(version_mutex_);
        if (version_connection_ == nullptr) {
            auto connection = Connection::Open(path_, Connection::Mode::kReadOnly);
            if (!connection.ok()) {
                return connection.status();
            }
            version_connection_ = std::move(*connection);
        }
        auto stmt = version_connection_->Cached("PRAGMA data_version");
        if (!stmt.ok()) {
            return stmt.status();
        }
        auto row = (*stmt)->Step();
        const std::uint64_t version =
            row.ok() && *row ? static_cast<std::uint64_t>((*stmt)->Int(0)) : 0;
        (*stmt)->Reset();
        if (!row.ok()) {
            return row.status();
        }
        return version;
    }

  private:
    const std::string path_;
    WalSync wal_;               // used by one thread at a time (GroupCommitStore::MakeDurable)
    std::mutex version_mutex_;  // guards version_connection_
    std::unique_ptr<Connection> version_connection_;
};

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       StoreOptions options) {
    // The writer writes each commit's log frames with one write call (wal_write_buffer.hpp).
    auto writer = OpenSession(path, Connection::Mode::kReadWrite, WalWriteBufferVfs());
    if (!writer.ok()) {
        return writer.status();
    }
    // The writer keeps up to 128 MiB of pages unless told otherwise (allocated as they are
    // read; SQLite's default is 2 MiB): a large import inserts at scattered places of indexes
    // far larger than 2 MiB, and a small cache reads those pages back from the file for every
    // row, and spills dirty ones.
    const int cache_mib = options.sqlite_writer_cache_mib > 0 ? options.sqlite_writer_cache_mib
                                                              : sql::kDefaultWriterCacheMib;
    PIPECRM_RETURN_IF_ERROR(
        (*writer)->connection().Exec("PRAGMA cache_size=-" + std::to_string(cache_mib * 1024)));
    // Durability stays that of synchronous=FULL: no write is answered, and no reader shown a
    // transaction, before the log holding it is synced (GroupCommitStore::MakeDurable). The
    // sync just moves off the writer thread, which goes on with the next transaction.
    // Checkpoints still sync the log before, and the database file after, as in FULL.
    PIPECRM_RETURN_IF_ERROR((*writer)->connection().Exec("PRAGMA synchronous=NORMAL"));
    // SQLite checkpoints inside the COMMIT that leaves 1,000 frames in the log: it syncs the
    // log, copies the pages and syncs the database file while every write waits, about 1.6 ms
    // every 25 batches under load, a tenth of the writer's time. A page changed in many
    // transactions is copied once per checkpoint, so ten times fewer checkpoints copy about
    // as many pages per checkpoint and sync ten times less often. The log grows to about
    // 40 MiB before it starts over; journal_size_limit trims it back to that when a
    // long-running reader made it grow further.
    PIPECRM_RETURN_IF_ERROR((*writer)->connection().Exec(
        "PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointFrames) +
        "; PRAGMA journal_size_limit=" + std::to_string(kCheckpointFrames * 4096)));
    std::string wal_path = (*writer)->WalPath();
    return std::unique_ptr<SqliteStore>(new SqliteStore(
        std::make_unique<SqliteBackend>(path, std::move(wal_path)), std::move(*writer), options));
}

Status BackupDatabase(const std::string& from, const std::string& to) {
    auto source = Connection::Open(from, Connection::Mode::kReadOnly);
    if (!source.ok()) {
        return source.status();
    }
    auto target = Connection::Open(to, Connection::Mode::kReadWrite);
    if (!target.ok()) {
        return target.status();
    }
    sqlite3_backup* backup =
        sqlite3_backup_init((*target)->raw(), "main", (*source)->raw(), "main");
    if (backup == nullptr) {
        return FromSqlite(sqlite3_errcode((*target)->raw()), (*target)->raw(), "backup failed");
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        return FromSqlite(rc, (*target)->raw(), "backup failed");
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sqlite
