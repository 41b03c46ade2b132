// A thin RAII layer over one libpq connection: prepared statements cached per connection,
// parameters bound as text or binary, and every libpq error translated to a Status once, here.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::postgres {

/// Turns a SQLSTATE (five characters; empty when the server sent none) into an error code,
/// matching what the SQLite layer returns for the same failure: unique violation ->
/// kAlreadyExists, other constraints (foreign key, not null, check) and a refusing trigger ->
/// kFailedPrecondition, serialization failure and deadlock -> kConflict, connection and
/// resource failures -> kUnavailable, bad data -> kInvalidArgument, anything else kInternal.
ErrorCode ErrorCodeForSqlState(std::string_view sqlstate);

/// The parameters of one statement, in order ($1, $2, ...). Integers go as int8, doubles as
/// float8, text untyped (the server infers its type from the statement). Owns copies.
class Params {
  public:
    struct Value {
        std::optional<std::string> bytes;  ///< empty for NULL
        Oid type = 0;                      ///< 0: the server infers it
        int format = 0;                    ///< 0 text, 1 binary
    };
    static Value Of(std::int64_t value);
    static Value Of(double value);
    static Value Of(std::string_view value);

    Params() = default;
    explicit Params(std::vector<Value> values) : values_(std::move(values)) {}

    Params& Add(std::int64_t value) { return Push(Of(value)); }
    Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
    Params& Add(std::string_view value) { return Push(Of(value)); }
    Params& Add(const char* value) { return Add(std::string_view(value)); }
    Params& Add(double value) { return Push(Of(value)); }
    Params& AddNull() { return Push({}); }
    template <typename T>
    Params& Add(const std::optional<T>& value) {
        return value ? Add(*value) : AddNull();
    }

    int size() const { return static_cast<int>(values_.size()); }
    std::vector<Oid> Types() const;
    /// The arrays libpq takes; valid until the next Add.
    std::vector<const char*> Values() const;
    std::vector<int> Lengths() const;
    std::vector<int> Formats() const;

  private:
    Params& Push(Value value) {
        values_.push_back(std::move(value));
        return *this;
    }
    std::vector<Value> values_;
};

/// The rows of one statement, in text format. Row and column indexes start at 0.
class Rows {
  public:
    explicit Rows(PGresult* result) : result_(result, &PQclear) {}

    int size() const { return PQntuples(result_.get()); }
    bool empty() const { return size() == 0; }
    bool IsNull(int row, int column) const;
    std::int64_t Int(int row, int column) const;
    double Real(int row, int column) const;
    std::string Text(int row, int column) const;
    std::optional<std::int64_t> OptionalInt(int row, int column) const;
    /// Rows inserted, updated or deleted by the statement.
    std::int64_t Affected() const;
    const PGresult* raw() const { return result_.get(); }
    /// Every row through `read(rows, row)`, in order.
    template <typename ReadRow>
    auto Map(ReadRow read) const -> std::vector<decltype(read(*this, 0))> {
        std::vector<decltype(read(*this, 0))> out;
        out.reserve(static_cast<std::size_t>(size()));
        for (int row = 0; row < size(); ++row) {
            out.push_back(read(*this, row));
        }
        return out;
    }

  private:
    std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

/// One connection. Not safe for concurrent use: one thread at a time.
class Connection final : public sql::Connection {
  public:
    /// Connects to a `postgresql://USER@HOST:PORT/DBNAME` URL (any libpq connection URI).
    /// kInvalidArgument when the text is not such a URL; kUnavailable, with libpq's reason,
    /// when the server cannot be reached or refuses the connection.
    static Result<std::unique_ptr<Connection>> Open(const std::string& url);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
    /// Runs one or more statements without parameters (a migration, BEGIN, COMMIT).
    Status Exec(std::string_view sql) override;
    /// Runs one statement in PostgreSQL's numbering ($N), prepared once per connection (and
    /// per parameter types) and kept for its life.
    Result<Rows> Query(const std::string& sql, const Params& params = {});
    /// The shared statement interface: `?` placeholders, run through Query.
    Result<sql::Statement*> Cached(std::string_view sql) override;
    std::int64_t TotalChanges() const override { return total_changes_; }
    bool TransactionAborted() const override;
    bool RetryableConflict() const override { return retryable_conflict_; }
    /// A session setting for the rest of the open transaction (set_config(name, value, true)).
    Status SetLocal(const char* name, std::string_view value);

  private:
    explicit Connection(PGconn* conn) : conn_(conn) {}
    Status Failed(const PGresult* result, std::string_view what);
    /// Forgets the last transaction's conflict when no transaction is open.
    void NoteStart();

    PGconn* conn_;
    /// SQL text and parameter types -> the name of its prepared statement on this connection.
    std::unordered_map<std::string, std::string> prepared_;
    /// SQL text as written (`?`) -> its statement.
    sql::StatementCache<std::unique_ptr<sql::Statement>> statements_;
    std::int64_t total_changes_ = 0;
    bool retryable_conflict_ = false;
};

/// The URL without its password, for messages and logs.
std::string RedactUrl(std::string_view url);

}  // namespace pipecrm::storage::postgres
