#include "storage/sql/dialect.hpp"

namespace pipecrm::storage::sql {

std::string IdListSubquery(Dialect dialect, const std::string& placeholder) {
    if (dialect == Dialect::kPostgres) {
        return "SELECT unnest(CAST(" + placeholder + " AS BIGINT[]))";
    }
    return "SELECT value FROM json_each(" + placeholder + ")";
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
