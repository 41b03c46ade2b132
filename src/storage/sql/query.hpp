// The few ways the shared repositories run a cached statement: every row to a callback, every
// row read into a vector, one row or kNotFound, an INSERT's new id, no rows at all, or many rows
// inserted a statement at a time. One place,
// so each table file says only its SQL, its bindings and how it reads a row.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/dialect.hpp"

namespace pipecrm::storage::sql {

// Runs a cached statement prepared from `sql` after `bind` fills it; calls `row` per row.
template <typename BindFn, typename RowFn>
Status Query(Connection& db, std::string_view sql, BindFn&& bind, RowFn&& row) {
    auto stmt = db.Cached(sql);
    if (!stmt.ok()) {
        return stmt.status();
    }
    bind(**stmt);
    for (;;) {
        auto has_row = (*stmt)->Step();
        if (!has_row.ok()) {
            return has_row.status();
        }
        if (!*has_row) {
            return Status::Ok();
        }
        row(**stmt);
    }
}

// Runs an INSERT and returns the new row's id (InsertedIdClause, else the connection's
// LastInsertedId).
template <typename BindFn>
Result<Id> InsertRow(Connection& db, std::string_view sql, BindFn&& bind) {
    std::optional<Id> id;
    const std::int64_t changes_before = db.TotalChanges();
    // The clause is empty on SQLite: no copy of the statement's text for each insert.
    const std::string_view clause = InsertedIdClause(db.dialect());
    const std::string with_clause =
        clause.empty() ? std::string() : std::string(sql) + std::string(clause);
    Status status = Query(db, clause.empty() ? sql : std::string_view(with_clause), bind,
                          [&](Statement& s) { id = s.Int(0); });
    if (status.ok() && !id && db.TotalChanges() != changes_before) {
        id = db.LastInsertedId();
    }
    if (!status.ok()) {
        return status;
    }
    if (!id) {
        return Internal("the insert returned no id");
    }
    return *id;
}

// Runs a statement without rows (or ignores them).
template <typename BindFn>
Status Execute(Connection& db, std::string_view sql, BindFn&& bind) {
    return Query(db, sql, bind, [](Statement&) {});
}

// True when `sql` returns a row (write it to stop at the first: `SELECT 1 … LIMIT 1`).
template <typename BindFn>
Result<bool> Exists(Connection& db, std::string_view sql, BindFn&& bind) {
    bool found = false;
    Status status = Query(db, sql, bind, [&](Statement&) { found = true; });
    if (!status.ok()) {
        return status;
    }
    return found;
}

// Every row `sql` returns, each made by `read(statement)`.
template <typename T, typename BindFn, typename ReadFn>
Result<std::vector<T>> Rows(Connection& db, std::string_view sql, BindFn&& bind, ReadFn&& read) {
    std::vector<T> out;
    Status status = Query(db, sql, bind, [&](Statement& s) { out.push_back(read(s)); });
    if (!status.ok()) {
        return status;
    }
    return out;
}

// Reads at most one row, or kNotFound naming `what`.
template <typename T, typename BindFn, typename ReadFn>
Result<T> One(
    Connection& db, std::string_view sql, BindFn&& bind, ReadFn&& read, const std::string& what) {
    std::optional<T> found;
    Status status = Query(db, sql, bind, [&](Statement& s) { found = read(s); });
    if (!status.ok()) {
        return status;
    }
    if (!found) {
        return NotFound(what + " not found");
    }
    return std::move(*found);
}

// Rows per multi-row INSERT (MultiRowInsert): an insert's cursors stay open from row to row, so the
// indexes whose keys only grow take each row without a search from their root, and a statement is
// started and ended once per 64 rows.
inline constexpr std::size_t kRowsPerStatement = 64;

// Inserts `rows` into `target` (the table and its columns) in statements of up to
// kRowsPerStatement rows; `bind(statement, first, row)` binds one row's `columns` parameters
// from `first`.
template <typename Row, typename BindRow>
Status InsertInChunks(
    Connection& db, const char* target, int columns, const std::vector<Row>& rows, BindRow&& bind) {
    for (std::size_t start = 0; start < rows.size(); start += kRowsPerStatement) {
        const std::size_t count = std::min(kRowsPerStatement, rows.size() - start);
        PIPECRM_RETURN_IF_ERROR(
            Execute(db, MultiRowInsert(db, target, columns, count), [&](Statement& s) {
                for (std::size_t i = 0; i < count; ++i) {
                    bind(s, static_cast<int>(i) * columns + 1, rows[start + i]);
                }
            }));
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sql
