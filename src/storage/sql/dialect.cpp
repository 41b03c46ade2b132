#include "storage/sql/dialect.hpp"

namespace pipecrm::storage::sql {

std::string IdListSubquery(Dialect dialect, const std::string& placeholder) {
    if (dialect == Dialect::kPostgres) {
        return "SELECT unnest(CAST(" + placeholder + " AS BIGINT[]))";
    }
    return "SELECT value FROM json_each(" + placeholder + ")";
}

std::string MultiRowInsert(const Connection& db,
                           std::string_view target,
                           int columns,
                           std::size_t rows) {
    std::string values = "(?";
    for (int i = 1; i < columns; ++i) {
        values += ",?";
    }
    values += ")";
    std::string sql = db.dialect() == Dialect::kSqlite && db.job_alone()
                          ? "INSERT OR ROLLBACK INTO "
                          : "INSERT INTO ";
    sql += target;
    sql += " VALUES";
    for (std::size_t i = 0; i < rows; ++i) {
        sql += i == 0 ? "" : ",";
        sql += values;
    }
    return sql;
}

std::string_view InsertedIdClause(Dialect dialect) {
    return dialect == Dialect::kPostgres ? " RETURNING id" : "";
}

std::string IdListValue(Dialect dialect, const std::vector<Id>& ids) {
    std::string text;
    for (Id id : ids) {
        text += (text.empty() ? "" : ",") + std::to_string(id);
    }
    return dialect == Dialect::kPostgres ? "{" + text + "}" : "[" + text + "]";
}

}  // namespace pipecrm::storage::sql
