#include "storage/sqlite/sqlite_store.hpp"

#include <pthread.h>

#include <algorithm>
#include <exception>

#include "storage/sqlite/migrations.hpp"

namespace pipecrm::storage::sqlite {
namespace {

// Runs a job with `viewer` in the connection's slot, turning an escaped exception into
// kInternal so one bad job cannot take the writer down.
Status RunJobAs(const domain::StoreJob& job,
                const std::optional<domain::Viewer>& viewer,
                ViewerSlot& slot,
                domain::Repositories& repositories) {
    ViewerSlotScope scope(slot, viewer);
    try {
        return job(repositories);
    } catch (const std::exception& e) {
        return Internal(std::string("unexpected error in storage job: ") + e.what());
    }
}

Status RunCached(Connection& db, const std::string& sql) {
    auto stmt = db.Cached(sql);
    if (!stmt.ok()) {
        return stmt.status();
    }
    return (*stmt)->Run();
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       StoreOptions options) {
    auto writer = Connection::Open(path, Connection::Mode::kReadWrite);
    if (!writer.ok()) {
        return writer.status();
    }
    PIPECRM_RETURN_IF_ERROR(ApplyMigrations(**writer));
    auto viewer = std::make_unique<ViewerSlot>();
    PIPECRM_RETURN_IF_ERROR(InstallVisibility(**writer, *viewer));
    return std::unique_ptr<SqliteStore>(
        new SqliteStore(path, options, std::move(*writer), std::move(viewer)));
}

SqliteStore::SqliteStore(std::string path,
                         StoreOptions options,
                         std::unique_ptr<Connection> writer,
                         std::unique_ptr<ViewerSlot> writer_viewer)
    : path_(std::move(path)),
      options_(options),
      writer_connection_(std::move(writer)),
      writer_viewer_(std::move(writer_viewer)),
      writer_repositories_(std::make_unique<SqliteRepositories>(*writer_connection_)) {
    writer_thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "pipecrm-writer");
        WriterLoop();
    });
    completer_thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "pipecrm-done");
        CompleterLoop();
    });
}

SqliteStore::~SqliteStore() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_cv_.notify_all();
    writer_thread_.join();
    {
        std::lock_guard lock(completions_mutex_);
        writer_done_ = true;
    }
    completions_cv_.notify_all();
    completer_thread_.join();
    idle_readers_.clear();
}

StoreStats SqliteStore::stats() const {
    return {transactions_.load(), writes_.load()};
}

Result<std::uint64_t> SqliteStore::DataVersion() {
    std::lock_guard lock(version_mutex_);
    if (version_connection_ == nullptr) {
        auto connection = Connection::Open(path_, Connection::Mode::kReadOnly);
        if (!connection.ok()) {
            return connection.status();
        }
        version_connection_ = std::move(*connection);
    }
    auto stmt = version_connection_->Cached("PRAGMA data_version");
    if (!stmt.ok()) {
        return stmt.status();
    }
    auto row = (*stmt)->Step();
    const std::uint64_t version =
        row.ok() && *row ? static_cast<std::uint64_t>((*stmt)->Int(0)) : 0;
    (*stmt)->Reset();
    if (!row.ok()) {
        return row.status();
    }
    return version;
}

void SqliteStore::Write(domain::StoreJob job, domain::WriteDone done) {
    {
        std::lock_guard lock(queue_mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(job), std::move(done), domain::CurrentViewer()});
            ++in_flight_;
            busiest_ = std::max(busiest_, in_flight_);
            // Only the write the writer waits for wakes it: the first one when it waits for an
            // empty queue, the last one it expects back when it gathers a busy batch. Waking it
            // on every push would cost a context switch per write for nothing.
            if (queue_.size() == wake_at_) {
                queue_cv_.notify_one();
            }
            return;
        }
    }
    done(Unavailable("the store is shutting down"));
}

void SqliteStore::WriterLoop() {
    std::vector<PendingWrite> batch;
    for (;;) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) {
                return;  // stopping, and everything queued has been written
            }
            if (busiest_ >= kBusyWrites) {
                GatherBusyBatch(lock);
            }
            const std::size_t take = std::min(queue_.size(), options_.max_batch);
            batch.clear();
            batch.reserve(take);
            for (std::size_t i = 0; i < take; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        std::vector<Completion> outcomes = CommitBatch(batch);
        {
            std::lock_guard lock(completions_mutex_);
            completions_.push_back(std::move(outcomes));
        }
        completions_cv_.notify_one();
    }
}

// Many writers are busy. Left alone, they split into two halves that take turns: while one
// half's batch commits, the other half, just answered, queues its next writes, and each
// commit serves only that half. So before taking the queue the writer waits until as many
// writes are queued as were ever in flight at once (busiest_): the previous batch's callers
// are answered and queue again, and one commit serves every busy caller. It waits no longer
// than the last COMMIT took, since a longer wait would cost more than the commit it saves
// (on a disk with a cheap fsync it hardly waits). A wait that runs out means callers may
// have gone: busiest_ drops to what is in flight now.
void SqliteStore::GatherBusyBatch(std::unique_lock<std::mutex>& lock) {
    if (queue_.size() >= busiest_ || stopping_) {
        return;
    }
    wake_at_ = busiest_;  // the write that completes the batch wakes the writer
    const auto limit = std::min<std::chrono::steady_clock::duration>(kGatherWait, last_commit_);
    const bool all_back =
        queue_cv_.wait_for(lock, limit, [this] { return queue_.size() >= busiest_ || stopping_; });
    wake_at_ = 1;
    if (!all_back) {
        busiest_ = in_flight_;
    }
}

void SqliteStore::CompleterLoop() {
    for (;;) {
        std::vector<Completion> batch;
        {
            std::unique_lock lock(completions_mutex_);
            completions_cv_.wait(lock, [this] { return !completions_.empty() || writer_done_; });
            if (completions_.empty()) {
                return;  // the writer has stopped and every outcome was delivered
            }
            batch = std::move(completions_.front());
            completions_.pop_front();
        }
        {
            // Before the callers hear back: a caller told may queue its next write at once.
            std::lock_guard lock(queue_mutex_);
            in_flight_ -= batch.size();
        }
        for (Completion& completion : batch) {
            completion.done(std::move(completion.status));
        }
    }
}

// One transaction for the whole batch. Jobs run without savepoints; a job that fails without
// having changed a row needs nothing undone. Only when a job fails after writing is the whole
// transaction rolled back and the batch run again, each job in its own savepoint, so that the
// failing job undoes only its own changes. Outcomes are reported only after COMMIT returned.
std::vector<SqliteStore::Completion> SqliteStore::CommitBatch(std::vector<PendingWrite>& batch) {
    std::vector<Status> statuses = RunBatch(batch, /*savepoints=*/false);
    if (statuses.empty()) {
        statuses = RunBatch(batch, /*savepoints=*/true);
    }
    std::vector<Completion> outcomes;
    outcomes.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        outcomes.push_back({std::move(batch[i].done), std::move(statuses[i])});
    }
    return outcomes;
}

std::vector<Status> SqliteStore::RunBatch(std::vector<PendingWrite>& batch, bool savepoints) {
    Connection& db = *writer_connection_;
    Status begun = RunCached(db, "BEGIN IMMEDIATE");
    if (!begun.ok()) {
        return std::vector<Status>(batch.size(), begun);
    }
    std::vector<Status> statuses;
    statuses.reserve(batch.size());
    for (PendingWrite& write : batch) {
        if (!savepoints) {
            const std::int64_t changes_before = db.TotalChanges();
            Status outcome =
                RunJobAs(write.job, write.viewer, *writer_viewer_, *writer_repositories_);
            if (!outcome.ok() && db.TotalChanges() != changes_before) {
                (void)db.Exec("ROLLBACK");
                return {};  // the caller runs the batch again with savepoints
            }
            statuses.push_back(std::move(outcome));
            continue;
        }
        Status outcome = RunCached(db, "SAVEPOINT job");
        if (outcome.ok()) {
            outcome = RunJobAs(write.job, write.viewer, *writer_viewer_, *writer_repositories_);
            if (!outcome.ok()) {
                (void)RunCached(db, "ROLLBACK TO job");
            }
            Status released = RunCached(db, "RELEASE job");
            if (!released.ok() && outcome.ok()) {
                outcome = released;
            }
        }
        statuses.push_back(std::move(outcome));
    }
    const auto commit_started = std::chrono::steady_clock::now();
    Status committed = RunCached(db, "COMMIT");
    last_commit_ = std::chrono::steady_clock::now() - commit_started;
    if (!committed.ok()) {
        (void)db.Exec("ROLLBACK");
        for (Status& status : statuses) {
            if (status.ok()) {
                status = Unavailable("the write could not be committed: " + committed.message());
            }
        }
    } else {
        transactions_.fetch_add(1, std::memory_order_relaxed);
        writes_.fetch_add(batch.size(), std::memory_order_relaxed);
    }
    return statuses;
}

Result<std::unique_ptr<SqliteStore::Reader>> SqliteStore::AcquireReader() {
    {
        std::lock_guard lock(readers_mutex_);
        if (!idle_readers_.empty()) {
            auto reader = std::move(idle_readers_.back());
            idle_readers_.pop_back();
            return reader;
        }
    }
    auto connection = Connection::Open(path_, Connection::Mode::kReadOnly);
    if (!connection.ok()) {
        return connection.status();
    }
    auto reader = std::make_unique<Reader>();
    reader->connection = std::move(*connection);
    reader->viewer = std::make_unique<ViewerSlot>();
    PIPECRM_RETURN_IF_ERROR(InstallVisibility(*reader->connection, *reader->viewer));
    reader->repositories = std::make_unique<SqliteRepositories>(*reader->connection);
    return reader;
}

void SqliteStore::ReleaseReader(std::unique_ptr<Reader> reader) {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(reader));
}

Status SqliteStore::Read(const domain::StoreJob& job) {
    auto reader = AcquireReader();
    if (!reader.ok()) {
        return reader.status();
    }
    Connection& db = *(*reader)->connection;
    Status status = RunCached(db, "BEGIN");
    if (status.ok()) {
        status =
            RunJobAs(job, domain::CurrentViewer(), *(*reader)->viewer, *(*reader)->repositories);
        Status ended = RunCached(db, "COMMIT");
        if (!ended.ok()) {
            (void)db.Exec("ROLLBACK");
            if (status.ok()) {
                status = ended;
            }
        }
    }
    ReleaseReader(std::move(*reader));
    return status;
}

Status BackupDatabase(const std::string& from, const std::string& to) {
    auto source = Connection::Open(from, Connection::Mode::kReadOnly);
    if (!source.ok()) {
        return source.status();
    }
    auto target = Connection::Open(to, Connection::Mode::kReadWrite);
    if (!target.ok()) {
        return target.status();
    }
    sqlite3_backup* backup =
        sqlite3_backup_init((*target)->raw(), "main", (*source)->raw(), "main");
    if (backup == nullptr) {
        return FromSqlite(sqlite3_errcode((*target)->raw()), (*target)->raw(), "backup failed");
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        return FromSqlite(rc, (*target)->raw(), "backup failed");
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sqlite
