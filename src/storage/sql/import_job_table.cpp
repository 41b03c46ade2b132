#include "storage/sql/import_job_table.hpp"

#include <functional>
#include <optional>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::ImportJob;

constexpr const char* kColumns =
    "status, dry_run, on_duplicate, file_name, rows_total, rows_done, created, updated, skipped, "
    "rejected, organizations_created, persons_created, ignored_columns, error, rejected_csv, "
    "update_time, finish_time";

// Binds kColumns from index `first`; returns the next free index.
int BindColumns(Statement& s, const ImportJob& job, int first) {
    int i = first;
    s.Bind(i, domain::ImportJobStatusName(job.status));
    s.Bind(++i, job.dry_run ? 1 : 0);
    s.Bind(++i, job.on_duplicate);
    s.Bind(++i, job.file_name);
    for (std::int64_t count : {job.rows_total, job.rows_done, job.created, job.updated, job.skipped,
                               job.rejected, job.organizations_created, job.persons_created}) {
        s.Bind(++i, count);
    }
    s.Bind(++i, job.ignored_columns);
    s.Bind(++i, job.error);
    s.Bind(++i, job.rejected_csv);
    s.Bind(++i, ToUnixSeconds(job.update_time));
    if (job.finish_time) {
        s.Bind(++i, ToUnixSeconds(*job.finish_time));
    } else {
        s.BindNull(++i);
    }
    return i + 1;
}

// A job's columns in ReadJob's order; the rejected rows (or a stand-in) go between the two.
constexpr const char* kSelectHead =
    "SELECT id, workspace_id, user_id, kind, add_time, status, dry_run, on_duplicate, file_name, "
    "rows_total, rows_done, created, updated, skipped, rejected, organizations_created, "
    "persons_created, ignored_columns, error, ";
constexpr const char* kSelectTail = ", update_time, finish_time FROM import_jobs";

ImportJob ReadJob(Statement& s) {
    ImportJob job;
    int c = 0;
    job.id = s.Int(c++);
    job.workspace_id = s.Int(c++);
    job.user_id = s.Int(c++);
    job.kind = s.Text(c++);
    job.add_time = FromUnixSeconds(s.Int(c++));
    job.status = domain::ParseImportJobStatus(s.Text(c++));
    job.dry_run = s.Int(c++) != 0;
    job.on_duplicate = s.Text(c++);
    job.file_name = s.Text(c++);
    for (std::int64_t* count :
         {&job.rows_total, &job.rows_done, &job.created, &job.updated, &job.skipped, &job.rejected,
          &job.organizations_created, &job.persons_created}) {
        *count = s.Int(c++);
    }
    job.ignored_columns = s.Text(c++);
    job.error = s.Text(c++);
    job.rejected_csv = s.Text(c++);
    job.update_time = FromUnixSeconds(s.Int(c++));
    if (auto finish = s.OptionalInt(c++)) {
        job.finish_time = FromUnixSeconds(*finish);
    }
    return job;
}

}  // namespace

Result<Id> ImportJobTable::Insert(const ImportJob& job) {
    auto stmt = db_.Cached(std::string("INSERT INTO import_jobs(workspace_id, user_id, kind, "
                                       "add_time, ") +
                           kColumns +
                           ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                           "RETURNING id");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = **stmt;
    s.Bind(1, job.workspace_id).Bind(2, job.user_id).Bind(3, job.kind);
    s.Bind(4, ToUnixSeconds(job.add_time));
    BindColumns(s, job, 5);
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    const Id id = s.Int(0);
    auto done = s.Step();
    if (!done.ok()) {
        return done.status();
    }
    return id;
}

Result<ImportJob> ImportJobTable::Get(Id workspace_id, Id id) {
    return One<ImportJob>(
        db_,
        std::string(kSelectHead) + "rejected_csv" + kSelectTail +
            " WHERE workspace_id = ? AND id = ?",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, ReadJob,
        "import " + std::to_string(id));
}

Result<std::vector<ImportJob>> ImportJobTable::ListByUser(Id workspace_id,
                                                          Id user_id,
                                                          int offset,
                                                          int limit) {
    // The rejected rows stay in the table: a list shows counts, the download reads one job.
    return Rows<ImportJob>(
        db_,
        std::string(kSelectHead) + "''" + kSelectTail +
            " WHERE workspace_id = ? AND user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, user_id).Bind(3, limit + 1).Bind(4, offset);
        },
        ReadJob);
}

Status ImportJobTable::Update(const ImportJob& job) {
    return Execute(
        db_,
        "UPDATE import_jobs SET status = ?, dry_run = ?, on_duplicate = ?, file_name = ?, "
        "rows_total = ?, rows_done = ?, created = ?, updated = ?, skipped = ?, "
        "rejected = ?, organizations_created = ?, persons_created = ?, "
        "ignored_columns = ?, error = ?, rejected_csv = ?, update_time = ?, "
        "finish_time = ? WHERE workspace_id = ? AND id = ?",
        [&](Statement& s) {
            const int next = BindColumns(s, job, 1);
            s.Bind(next, job.workspace_id).Bind(next + 1, job.id);
        });
}

Result<std::int64_t> ImportJobTable::FailRunning(const std::string& error, Instant now) {
    const std::int64_t before = db_.TotalChanges();
    PIPECRM_RETURN_IF_ERROR(
        Execute(db_,
                "UPDATE import_jobs SET status = 'failed', error = ?, "
                "update_time = ?, finish_time = ? WHERE status = 'running'",
                [&](Statement& s) {
                    s.Bind(1, error).Bind(2, ToUnixSeconds(now)).Bind(3, ToUnixSeconds(now));
                }));
    return db_.TotalChanges() - before;
}

}  // namespace pipecrm::storage::sql
