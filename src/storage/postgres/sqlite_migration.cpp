#include "storage/postgres/sqlite_migration.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"

namespace pipecrm::storage::postgres {
namespace {

constexpr std::int64_t kProgressEvery = 1000;

struct Column {
    std::string name;
    std::string type;  ///< PostgreSQL's data_type
};

// The tables of schema main, parents before the tables that reference them.
Result<std::vector<std::string>> TablesInCopyOrder(Connection& pg) {
    auto tables = pg.Query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND "
        "table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name");
    if (!tables.ok()) {
        return tables.status();
    }
    auto references = pg.Query(
        "SELECT DISTINCT child.relname, parent.relname FROM pg_constraint c "
        "JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = "
        "c.confrelid JOIN pg_namespace n ON n.oid = child.relnamespace "
        "WHERE c.contype = 'f' AND n.nspname = 'main' AND child.oid <> parent.oid");
    if (!references.ok()) {
        return references.status();
    }
    std::map<std::string, std::set<std::string>> parents;
    for (int row = 0; row < tables->size(); ++row) {
        parents[tables->Text(row, 0)];
    }
    for (int row = 0; row < references->size(); ++row) {
        parents[references->Text(row, 0)].insert(references->Text(row, 1));
    }
    std::vector<std::string> order;
    std::set<std::string> placed;
    while (order.size() < parents.size()) {
        bool progressed = false;
        for (const auto& [table, needs] : parents) {
            if (placed.count(table) == 0 &&
                std::all_of(needs.begin(), needs.end(),
                            [&](const std::string& p) { return placed.count(p) > 0; })) {
                order.push_back(table);
                placed.insert(table);
                progressed = true;
            }
        }
        if (!progressed) {
            return Internal("the tables' foreign keys form a cycle; cannot order the copy");
        }
    }
    return order;
}

Result<std::vector<Column>> ColumnsOf(Connection& pg, const std::string& table) {
    auto rows = pg.Query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
        "'main' AND table_name = $1 ORDER BY ordinal_position",
        Params().Add(table));
    if (!rows.ok()) {
        return rows.status();
    }
    std::vector<Column> columns;
    for (int row = 0; row < rows->size(); ++row) {
        columns.push_back({rows->Text(row, 0), rows->Text(row, 1)});
    }
    return columns;
}

// One value of a query's first row read as text ("" when it returned none).
Result<std::string> FirstValue(sql::Connection& db, const std::string& sql_text) {
    auto stmt = db.Cached(sql_text);
    if (!stmt.ok()) {
        return stmt.status();
    }
    auto row = (*stmt)->Step();
    if (!row.ok()) {
        return row.status();
    }
    std::string value = *row && !(*stmt)->IsNull(0) ? std::to_string((*stmt)->Int(0)) : "0";
    (*stmt)->Reset();
    return value;
}

// Every row of a grouped report query, each as "k1 k2 ... count sum", for comparison.
Result<std::vector<std::string>> ReportLines(sql::Connection& db,
                                             const std::string& sql_text,
                                             int columns) {
    auto stmt = db.Cached(sql_text);
    if (!stmt.ok()) {
        return stmt.status();
    }
    std::vector<std::string> lines;
    for (;;) {
        auto row = (*stmt)->Step();
        if (!row.ok()) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        std::string line;
        for (int c = 0; c < columns; ++c) {
            line += (c ? " " : "") + ((*stmt)->IsNull(c) ? std::string("-") : (*stmt)->Text(c));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

Status CopyTable(sqlite::Connection& from,
                 Connection& to,
                 const std::string& table,
                 const std::vector<Column>& columns,
                 const MigrationProgress& progress) {
    auto total = FirstValue(from, "SELECT COUNT(*) FROM main." + table);
    if (!total.ok()) {
        return total.status();
    }
    const std::int64_t count = std::stoll(*total);
    std::string names;
    std::string marks;
    for (const Column& column : columns) {
        names += (names.empty() ? "" : ", ") + column.name;
        marks += marks.empty() ? "?" : ", ?";
    }
    auto read = from.Cached("SELECT " + names + " FROM main." + table + " ORDER BY 1");
    if (!read.ok()) {
        return read.status();
    }
    auto write = to.Cached("INSERT INTO main." + table + " (" + names + ") VALUES (" + marks + ")");
    if (!write.ok()) {
        return write.status();
    }
    std::int64_t done = 0;
    progress(table, 0, count);
    for (;;) {
        auto row = (*read)->Step();
        if (!row.ok()) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        (*write)->Reset();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int at = static_cast<int>(i);
            const std::string& type = columns[i].type;
            if ((*read)->IsNull(at)) {
                (*write)->BindNull(at + 1);
            } else if (type == "bigint" || type == "integer" || type == "smallint") {
                (*write)->Bind(at + 1, (*read)->Int(at));
            } else if (type == "double precision" || type == "real" || type == "numeric") {
                (*write)->Bind(at + 1, (*read)->Real(at));
            } else {
                (*write)->Bind(at + 1, (*read)->Text(at));
            }
        }
        PIPECRM_RETURN_IF_ERROR((*write)->Run());
        if (++done % kProgressEvery == 0) {
            progress(table, done, count);
        }
    }
    progress(table, done, count);
    return Status::Ok();
}

// What a report shows, compared on both sides after the copy.
struct Report {
    const char* what;
    const char* sql;
    int columns;
};
constexpr Report kReports[] = {
    {"deal totals per workspace, pipeline, stage, status and currency",
     "SELECT workspace_id, pipeline_id, stage_id, status, currency, COUNT(*), SUM(value) FROM "
     "main.deals GROUP BY workspace_id, pipeline_id, stage_id, status, currency ORDER BY "
     "workspace_id, pipeline_id, stage_id, status, currency",
     7},
    {"deal events per workspace and kind",
     "SELECT workspace_id, kind, COUNT(*), SUM(COALESCE(to_value, 0)) FROM main.deal_events "
     "GROUP BY workspace_id, kind ORDER BY workspace_id, kind",
     4},
};

}  // namespace

Result<std::vector<MigrationCheck>> MigrateSqliteToPostgres(const std::string& sqlite_path,
                                                            const std::string& url,
                                                            const MigrationProgress& progress) {
    auto source = sqlite::Connection::Open(sqlite_path, sqlite::Connection::Mode::kReadWrite);
    if (!source.ok()) {
        return source.status();
    }
    PIPECRM_RETURN_IF_ERROR(sqlite::ApplyMigrations(**source));
    auto target = Connection::Open(url);
    if (!target.ok()) {
        return target.status();
    }
    auto migrated = ApplyMigrations(**target);
    if (!migrated.ok()) {
        return migrated.status();
    }
    sqlite::Connection& from = **source;
    Connection& to = **target;
    auto tables = TablesInCopyOrder(to);
    if (!tables.ok()) {
        return tables.status();
    }

    // One snapshot of the source, one transaction on the target: all or nothing.
    PIPECRM_RETURN_IF_ERROR(from.Exec("BEGIN"));
    Status copied = to.Exec("BEGIN");
    if (copied.ok()) {
        auto existing = FirstValue(to, "SELECT COUNT(*) FROM main.workspaces");
        if (!existing.ok()) {
            copied = existing.status();
        } else if (*existing != "0") {
            copied = AlreadyExists(RedactUrl(url) +
                                   " already holds workspaces; migrate into an empty database");
        }
    }
    for (const std::string& table : *tables) {
        if (!copied.ok()) {
            break;
        }
        auto columns = ColumnsOf(to, table);
        copied = columns.ok() ? CopyTable(from, to, table, *columns, progress) : columns.status();
        const bool has_id =
            columns.ok() && std::any_of(columns->begin(), columns->end(),
                                        [](const Column& c) { return c.name == "id"; });
        if (copied.ok() && has_id) {  // new rows get ids after the copied ones
            copied = to.Query("SELECT setval(pg_get_serial_sequence('main." + table +
                              "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM main." + table)
                         .status();
        }
    }
    if (copied.ok()) {
        copied = to.Exec("SELECT nextval('main.data_version'); COMMIT");
    }
    (void)from.Exec("COMMIT");
    if (!copied.ok()) {
        (void)to.Exec("ROLLBACK");
        return copied;
    }

    std::vector<MigrationCheck> checks;
    for (const std::string& table : *tables) {
        const std::string count = "SELECT COUNT(*) FROM main." + table;
        auto source_count = FirstValue(from, count);
        auto target_count = FirstValue(to, count);
        if (!source_count.ok() || !target_count.ok()) {
            return source_count.ok() ? target_count.status() : source_count.status();
        }
        checks.push_back({"rows in " + table, *source_count, *target_count});
    }
    for (const Report& report : kReports) {
        auto source_lines = ReportLines(from, report.sql, report.columns);
        auto target_lines = ReportLines(to, report.sql, report.columns);
        if (!source_lines.ok() || !target_lines.ok()) {
            return source_lines.ok() ? target_lines.status() : source_lines.status();
        }
        const std::size_t rows = std::max(source_lines->size(), target_lines->size());
        for (std::size_t i = 0; i < rows; ++i) {
            checks.push_back({report.what,
                              i < source_lines->size() ? (*source_lines)[i] : "(missing)",
                              i < target_lines->size() ? (*target_lines)[i] : "(missing)"});
        }
    }
    return checks;
}

}  // namespace pipecrm::storage::postgres
