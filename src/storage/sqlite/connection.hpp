// A thin RAII layer over one sqlite3 connection: prepared statements cached per connection,
// every SQLite error translated to a Status once, here.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sqlite {

/// Process-wide SQLite settings (no memory statistics, whose global mutex every allocation
/// would take). Takes effect only before SQLite's first use in the process; Connection::Open
/// and WalWriteBufferVfs call it, and a program that uses sqlite3 directly too should call it
/// first. Idempotent.
void ConfigureSqliteOnce();

/// Turns an SQLite result code into a Status (kOk for SQLITE_OK/ROW/DONE).
Status FromSqlite(int rc, sqlite3* db, std::string_view what);

/// One prepared SQLite statement.
class Statement final : public sql::Statement {
  public:
    Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    using sql::Statement::Bind;
    Statement& Reset() override;
    sql::Statement& Bind(int index, std::int64_t value) override;
    sql::Statement& Bind(int index, double value) override;
    sql::Statement& Bind(int index, std::string_view value) override;
    sql::Statement& BindNull(int index) override;

    Result<bool> Step() override;

    bool IsNull(int column) const override;
    std::int64_t Int(int column) const override;
    double Real(int column) const override;
    std::string Text(int column) const override;

  private:
    sqlite3_stmt* stmt_;
    sqlite3* db_;
};

/// One connection. Not safe for concurrent use: one thread at a time.
class Connection final : public sql::Connection {
  public:
    enum class Mode { kReadWrite, kReadOnly };

    /// Opens (creating when kReadWrite) with WAL, synchronous=FULL, foreign keys and a busy
    /// timeout, through the VFS named `vfs` (SQLite's default when null). kUnavailable when the
    /// file cannot be opened.
    static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                    Mode mode,
                                                    const char* vfs = nullptr);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without results.
    sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
    Status Exec(std::string_view sql) override;
    Result<sql::Statement*> Cached(std::string_view sql) override;
    std::int64_t TotalChanges() const override;
    std::optional<std::int64_t> LastInsertedId() const override;
    /// No transaction is open any more (called inside one): a statement ended it.
    bool TransactionAborted() const override;
    sqlite3* raw() { return db_; }

  private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    sql::StatementCache<std::unique_ptr<Statement>> cache_;
};

}  // namespace pipecrm::storage::sqlite
