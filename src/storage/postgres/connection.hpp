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

namespace pipecrm::storage::postgres {

/// Turns a SQLSTATE (five characters; empty when the server sent none) into an error code,
/// matching what the SQLite layer returns for the same failure: unique violation ->
/// kAlreadyExists, other constraints (foreign key, not null, check) and a refusing trigger ->
/// kFailedPrecondition, serialization failure and deadlock -> kConflict, connection and
/// resource failures -> kUnavailable, bad data -> kInvalidArgument, anything else kInternal.
ErrorCode ErrorCodeForSqlState(std::string_view sqlstate);

/// The parameters of one statement, in order ($1, $2, ...). Integers go in binary (int8),
/// text as text. Owns copies of the values.
class Params {
  public:
    Params& Add(std::int64_t value);
    Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
    Params& Add(std::string_view value);
    Params& Add(const char* value) { return Add(std::string_view(value)); }
    Params& Add(double value);
    Params& AddNull();
    template <typename T>
    Params& Add(const std::optional<T>& value) {
        return value ? Add(*value) : AddNull();
    }

    int size() const { return static_cast<int>(values_.size()); }
    const std::vector<Oid>& types() const { return types_; }
    /// The arrays libpq takes; valid until the next Add.
    std::vector<const char*> Values() const;
    std::vector<int> Lengths() const;
    std::vector<int> Formats() const;

  private:
    std::vector<std::optional<std::string>> values_;
    std::vector<Oid> types_;
    std::vector<int> formats_;
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
class Connection {
  public:
    /// Connects to a `postgresql://USER@HOST:PORT/DBNAME` URL (any libpq connection URI).
    /// kInvalidArgument when the text is not such a URL; kUnavailable, with libpq's reason,
    /// when the server cannot be reached or refuses the connection.
    static Result<std::unique_ptr<Connection>> Open(const std::string& url);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without parameters (a migration, BEGIN, COMMIT).
    Status Exec(std::string_view sql);
    /// Runs one statement, prepared once per connection and kept for its life.
    Result<Rows> Query(const std::string& sql, const Params& params = {});

  private:
    explicit Connection(PGconn* conn) : conn_(conn) {}
    Status Failed(const PGresult* result, std::string_view what) const;

    PGconn* conn_;
    /// SQL text -> the name of its prepared statement on this connection.
    std::unordered_map<std::string, std::string> prepared_;
};

/// The URL without its password, for messages and logs.
std::string RedactUrl(std::string_view url);

}  // namespace pipecrm::storage::postgres
