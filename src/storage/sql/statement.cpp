#include "storage/sql/statement.hpp"

#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

Status Statement::Run() {
    for (;;) {
        auto row = Step();
        if (!row.ok()) {
            return row.status();
        }
        if (!*row) {
            return Status::Ok();
        }
    }
}

Status RunCached(Connection& db, std::string_view sql) {
    auto stmt = db.Cached(sql);
    if (!stmt.ok()) {
        return stmt.status();
    }
    return (*stmt)->Run();
}

}  // namespace pipecrm::storage::sql
