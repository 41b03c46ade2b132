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

namespace pipecrm::storage::sqlite {

/// Process-wide SQLite settings (no memory statistics, whose global mutex every allocation
/// would take). Takes effect only before SQLite's first use in the process; Connection::Open
/// calls it, and a program that uses sqlite3 directly too should call it first. Idempotent.
void ConfigureSqliteOnce();

/// Turns an SQLite result code into a Status (kOk for SQLITE_OK/ROW/DONE).
Status FromSqlite(int rc, sqlite3* db, std::string_view what);

/// One prepared statement. Bind indexes start at 1; column indexes at 0.
/// Not safe for concurrent use (neither is its connection).
class Statement {
  public:
    Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    /// Resets and clears bindings; call before reusing a cached statement.
    Statement& Reset();
    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& Bind(int index, double value);
    Statement& Bind(int index, std::string_view value);
    Statement& BindNull(int index);
    template <typename T>
    Statement& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    /// Steps once: true with a row, false when done, or an error.
    Result<bool> Step();
    /// Steps to the end, for statements without rows.
    Status Run();

    bool IsNull(int column) const;
    std::int64_t Int(int column) const;
    double Real(int column) const;
    std::string Text(int column) const;
    std::optional<std::int64_t> OptionalInt(int column) const;

  private:
    sqlite3_stmt* stmt_;
    sqlite3* db_;
};

/// One connection. Not safe for concurrent use: one thread at a time.
class Connection {
  public:
    enum class Mode { kReadWrite, kReadOnly };

    /// Opens (creating when kReadWrite) with WAL, synchronous=FULL, foreign keys and a busy
    /// timeout. kUnavailable when the file cannot be opened.
    static Result<std::unique_ptr<Connection>> Open(const std::string& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without results.
    Status Exec(std::string_view sql);
    /// A statement prepared once and kept for the life of the connection, reset for reuse.
    Result<Statement*> Cached(const std::string& sql);
    std::int64_t LastInsertId() const;
    /// Rows inserted, updated or deleted through this connection since it opened.
    std::int64_t TotalChanges() const;
    sqlite3* raw() { return db_; }

  private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace pipecrm::storage::sqlite
