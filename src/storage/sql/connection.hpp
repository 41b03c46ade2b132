// One database connection of either backend, as the shared repositories and the group-commit
// store see it: run SQL, hand out cached prepared statements, and say what SQL dialect it
// speaks where the two differ (kept to a handful of spots, see dialect.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.hpp"
#include "storage/sql/statement.hpp"

namespace pipecrm::storage::sql {

enum class Dialect { kSqlite, kPostgres };

/// Hashes the SQL text keying a statement cache, so a lookup by std::string_view (a literal at
/// most call sites) needs no std::string copy of it.
struct SqlTextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept {
        return std::hash<std::string_view>{}(sql);
    }
};
/// A connection's prepared statements by their SQL text.
template <typename T>
using StatementCache = std::unordered_map<std::string, T, SqlTextHash, std::equal_to<>>;

/// Not safe for concurrent use: one thread at a time.
class Connection {
  public:
    virtual ~Connection() = default;

    virtual Dialect dialect() const = 0;
    /// Runs one or more statements without parameters or results.
    virtual Status Exec(std::string_view sql) = 0;
    /// A statement prepared once and kept for the life of the connection, reset for reuse.
    /// The SQL uses `?` / `?N` placeholders on both backends.
    virtual Result<Statement*> Cached(std::string_view sql) = 0;
    /// Rows inserted, updated or deleted through this connection since it opened.
    virtual std::int64_t TotalChanges() const = 0;
    /// The id of the row the last INSERT through this connection added, on a backend that keeps
    /// it (SQLite); none where an INSERT must return it itself (InsertedIdClause).
    virtual std::optional<std::int64_t> LastInsertedId() const { return std::nullopt; }
    /// True when the open transaction can only be rolled back (PostgreSQL after any failed
    /// statement), or is already gone (SQLite after a statement that ended it: an INSERT OR
    /// ROLLBACK that failed, or an I/O error). Other failed SQLite statements undo only
    /// themselves.
    virtual bool TransactionAborted() const { return false; }
    /// True when the last failure was a serialization failure or deadlock between concurrent
    /// transactions: running the whole transaction again may succeed.
    virtual bool RetryableConflict() const { return false; }

    /// Whether the open transaction holds one write job alone (Store::WriteBulk), so that a
    /// failed statement may end it whole (MultiRowInsert). The group-commit store sets it for each
    /// transaction.
    void set_job_alone(bool alone) { job_alone_ = alone; }
    bool job_alone() const { return job_alone_; }

  private:
    bool job_alone_ = false;
};

/// Prepares (cached) and runs `sql` to the end.
Status RunCached(Connection& db, std::string_view sql);

}  // namespace pipecrm::storage::sql
