// One prepared statement of either backend: the interface the shared repositories are written
// against (repositories.cpp, filter_sql.cpp). SQLite implements it directly; PostgreSQL through
// an adapter that collects the parameters and runs the statement on the first Step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace pipecrm::storage::sql {

/// Bind indexes start at 1 (`?` or `?N` in the SQL); column indexes at 0.
/// Not safe for concurrent use (neither is its connection).
class Statement {
  public:
    virtual ~Statement() = default;

    /// Resets and clears bindings; Connection::Cached does this before handing it out.
    virtual Statement& Reset() = 0;
    virtual Statement& Bind(int index, std::int64_t value) = 0;
    virtual Statement& Bind(int index, double value) = 0;
    virtual Statement& Bind(int index, std::string_view value) = 0;
    virtual Statement& BindNull(int index) = 0;
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& Bind(int index, const std::string& value) {
        return Bind(index, std::string_view(value));
    }
    Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
    template <typename T>
    Statement& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    /// Steps once: true with a row, false when done, or an error.
    virtual Result<bool> Step() = 0;
    /// Steps to the end, for statements without rows.
    Status Run();

    /// Column readers for the current row. Booleans read as 1 and 0 on both backends.
    virtual bool IsNull(int column) const = 0;
    virtual std::int64_t Int(int column) const = 0;
    virtual double Real(int column) const = 0;
    virtual std::string Text(int column) const = 0;
    std::optional<std::int64_t> OptionalInt(int column) const {
        if (IsNull(column)) {
            return std::nullopt;
        }
        return Int(column);
    }
};

}  // namespace pipecrm::storage::sql
