// The few spots where SQLite and PostgreSQL need different SQL. Everything else in the shared
// repositories is written once: `?` placeholders, RETURNING id, COALESCE, ON CONFLICT, CASE
// instead of summed comparisons.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// A subquery yielding the ids bound as one parameter at `placeholder` ("?" or "?N"), for
/// "column IN (...)": one cached statement serves every list length.
std::string IdListSubquery(Dialect dialect, const std::string& placeholder);
/// What an INSERT appends to hand its new row's id back: "RETURNING id" on PostgreSQL; nothing
/// on SQLite, whose RETURNING begins a write transaction on the connection's TEMP database for
/// every statement (a quarter of the work of a bulk import's inserts): the id is read from
/// Connection::LastInsertedId instead.
std::string_view InsertedIdClause(Dialect dialect);
/// "INSERT INTO target VALUES(?,…,?),…" for `rows` rows of `columns` parameters each, where
/// `target` is the table and its columns. Inside a transaction SQLite keeps a statement journal
/// for a statement that may fail after changing rows: before the statement first changes a page
/// that existed when it began, it copies the page aside. A 64-row insert into tables whose
/// indexes take new entries in many places copied about three pages per row, 5% of a bulk
/// import's writer thread. So when the job is alone in its transaction (Connection::job_alone)
/// the statement is "INSERT OR ROLLBACK": a failure rolls the whole transaction back, which
/// needs no journal.
std::string MultiRowInsert(const Connection& db,
                           std::string_view target,
                           int columns,
                           std::size_t rows);
/// The text to bind for IdListSubquery: a JSON array on SQLite, an array literal on PostgreSQL.
std::string IdListValue(Dialect dialect, const std::vector<Id>& ids);

}  // namespace pipecrm::storage::sql
