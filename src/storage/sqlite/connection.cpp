#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {

Status FromSqlite(int rc, sqlite3* db, std::string_view what) {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) {
        return Status::Ok();
    }
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_CANTOPEN:
        case SQLITE_FULL:
        case SQLITE_IOERR:
            return Unavailable(std::move(message));
        case SQLITE_CONSTRAINT:
            if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
                return AlreadyExists(std::move(message));
            }
            return {ErrorCode::kFailedPrecondition, std::move(message)};
        case SQLITE_READONLY:
            return {ErrorCode::kFailedPrecondition, std::move(message)};
        default:
            return Internal(std::move(message));
    }
}

void ConfigureSqliteOnce() {
    // If SQLite was initialised before this runs, the call is refused and SQLite keeps its
    // defaults: slower, not wrong.
    static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)kConfigured;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return *this;
}

sql::Statement& Statement::Bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

sql::Statement& Statement::Bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

sql::Statement& Statement::Bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

sql::Statement& Statement::BindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Result<bool> Statement::Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Status status = FromSqlite(rc, db_, "query failed");
    sqlite3_reset(stmt_);
    return status;
}

bool Statement::IsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::Int(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::Real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     Mode mode,
                                                     const char* vfs) {
    ConfigureSqliteOnce();
    sqlite3* db = nullptr;
    int flags =
        SQLITE_OPEN_NOMUTEX | (mode == Mode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                        : SQLITE_OPEN_READONLY);
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs);
    if (rc != SQLITE_OK) {
        Status status = Unavailable("cannot open database " + path + ": " +
                                    (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close(db);
        return status;
    }
    std::unique_ptr<Connection> connection(new Connection(db));  // private constructor
    sqlite3_busy_timeout(db, 10000);
    // A larger lookaside pool serves SQLite's many small per-statement allocations without
    // malloc (the default of 100 slots runs out within one grouped transaction).
    sqlite3_db_config(db, SQLITE_DBCONFIG_LOOKASIDE, nullptr, 512, 2000);
    sqlite3_extended_result_codes(db, 1);
    // temp_store=MEMORY keeps the savepoint sub-journal of each grouped write off the disk.
    std::string pragmas =
        "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;";
    if (mode == Mode::kReadWrite) {
        pragmas += " PRAGMA journal_mode=WAL;";
    }
    Status status = connection->Exec(pragmas);
    if (!status.ok()) {
        return Unavailable("cannot open database " + path + ": " + status.message());
    }
    return connection;
}

Connection::~Connection() {
    cache_.clear();  // statements must be finalized before the connection closes
    sqlite3_close(db_);
}

Status Connection::Exec(std::string_view sql) {
    std::string text(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        return FromSqlite(rc, nullptr, message);
    }
    return Status::Ok();
}

Result<sql::Statement*> Connection::Cached(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found != cache_.end()) {
        return &found->second->Reset();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return FromSqlite(rc, db_, "cannot prepare statement");
    }
    auto inserted = cache_.emplace(std::string(sql), std::make_unique<Statement>(stmt, db_));
    return inserted.first->second.get();
}

std::int64_t Connection::TotalChanges() const {
    return sqlite3_total_changes64(db_);
}

bool Connection::TransactionAborted() const {
    return sqlite3_get_autocommit(db_) != 0;
}

std::optional<std::int64_t> Connection::LastInsertedId() const {
    return sqlite3_last_insert_rowid(db_);
}

}  // namespace pipecrm::storage::sqlite
