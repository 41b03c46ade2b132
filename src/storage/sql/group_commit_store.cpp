#include "storage/sql/group_commit_store.hpp"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <exception>

namespace pipecrm::storage::sql {
namespace {

// How often a batch is run again after conflicting with another server's transaction before
// its writes are reported as kConflict.
constexpr int kMaxConflictRetries = 50;

// Runs a job for `viewer` on the session, turning an escaped exception into kInternal so one
// bad job cannot take the writer down.
Status RunJobAs(const domain::StoreJob& job,
                const std::optional<domain::Viewer>& viewer,
                StoreSession& session) {
    PIPECRM_RETURN_IF_ERROR(session.SetViewer(viewer));
    try {
        return job(session.repositories());
    } catch (const std::exception& e) {
        return Internal(std::string("unexpected error in storage job: ") + e.what());
    }
}

}  // namespace

GroupCommitStore::GroupCommitStore(std::unique_ptr<StoreBackend> backend,
                                   std::unique_ptr<StoreSession> writer,
                                   StoreOptions options)
    : backend_(std::move(backend)), writer_(std::move(writer)), options_(options) {
    writer_thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "pipecrm-writer");
        WriterLoop();
    });
    completer_thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "pipecrm-done");
        CompleterLoop();
    });
}

GroupCommitStore::~GroupCommitStore() {
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

StoreStats GroupCommitStore::stats() const {
    StoreStats stats{transactions_.load(), writes_.load(), retries_.load()};
    std::lock_guard lock(durable_mutex_);
    stats.durable = durable_;
    stats.syncs = syncs_;
    return stats;
}

void GroupCommitStore::Write(domain::StoreJob job, domain::WriteDone done) {
    Enqueue(std::move(job), std::move(done), false);
}

void GroupCommitStore::WriteBulk(domain::StoreJob job, domain::WriteDone done) {
    Enqueue(std::move(job), std::move(done), true);
}

void GroupCommitStore::Enqueue(domain::StoreJob job, domain::WriteDone done, bool bulk) {
    {
        std::lock_guard lock(queue_mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(job), std::move(done), domain::CurrentViewer(), bulk});
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

void GroupCommitStore::WriterLoop() {
    std::vector<PendingWrite> batch;
    for (;;) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) {
                return;  // stopping, and everything queued has been written
            }
        }
        batch.clear();
        CommittedBatch committed = CommitBatch(batch);
        if (committed.commit != 0) {
            std::lock_guard lock(queue_mutex_);
            handed_ = committed.commit;  // the disk is busy until it is synced
        }
        {
            std::lock_guard lock(completions_mutex_);
            completions_.push_back(std::move(committed));
        }
        completions_cv_.notify_one();
    }
}

// Where the sync is deferred (SQLite), the writer commits as soon as the disk is free (no
// committed transaction waits for its sync), so the sync starts at once. While the disk is
// busy it keeps its transaction open, taking writes as they come, and commits when the sync
// ends, even with more writes queued: those join the next transaction, which runs while this
// one is synced. Busy callers so split into groups that take turns, one group's writes running
// while another's are synced, and neither the writer nor the disk waits for the other.
//
// Where COMMIT waits for the disk (PostgreSQL), many busy writers left alone split into two
// halves that take turns: while one half's batch commits, the other half, just answered,
// queues its next writes, and each commit serves only that half. So the writer keeps its
// transaction open until as many writes have joined it as were ever in flight at once
// (busiest_): the previous batch's callers are answered and queue again, and one commit serves
// every busy caller. The writes run as they arrive, so the writer works while the callers are
// woken instead of waiting for all of them. When everything queued has run it waits for the
// rest, no longer than the last COMMIT took, since a longer wait would cost more than the
// commit it saves (on a disk with a cheap fsync it hardly waits). A wait that runs out means
// callers may have gone: busiest_ drops to what is in flight now, and the batch commits.
bool GroupCommitStore::TakeMore(std::vector<PendingWrite>& batch, GatherState& state) {
    std::unique_lock lock(queue_mutex_);
    if (BulkEnds(batch)) {
        return false;
    }
    if (backend_->DefersSync()) {
        if (batch.size() >= options_.max_batch || (!batch.empty() && DiskIdle())) {
            return false;
        }
        if (queue_.empty() && !stopping_) {
            // Committing while the disk is busy would answer no one sooner (the next sync
            // starts when this one ends). Woken by every kBusyWrites-th write, not by each (a
            // context switch per write would cost more than the jobs), or when the sync ends.
            wake_at_ = kBusyWrites;
            queue_cv_.wait(lock,
                           [&] { return queue_.size() >= kBusyWrites || DiskIdle() || stopping_; });
            wake_at_ = 1;
        }
        return Take(batch);
    }
    if (state.first) {
        state.first = false;
        state.busy = busiest_ >= kBusyWrites;
    } else if (!state.busy || state.waited_out) {
        return false;
    }
    // Full: the batch holds every busy caller (more would be a later caller's second write,
    // which would only make this commit later).
    if (batch.size() >= options_.max_batch || (!batch.empty() && batch.size() >= busiest_)) {
        return false;
    }
    if (queue_.empty() && !stopping_) {
        const std::size_t missing = busiest_ - batch.size();
        wake_at_ = missing;  // the write that completes the batch wakes the writer
        const auto limit = std::min<std::chrono::steady_clock::duration>(kGatherWait, last_commit_);
        const bool all_back =
            queue_cv_.wait_for(lock, limit, [&] { return queue_.size() >= missing || stopping_; });
        wake_at_ = 1;
        if (!all_back) {
            busiest_ = in_flight_;
            state.waited_out = true;
        }
    }
    return Take(batch);
}

bool GroupCommitStore::BulkEnds(const std::vector<PendingWrite>& batch) const {
    return !batch.empty() && (batch.back().bulk || (!queue_.empty() && queue_.front().bulk));
}

bool GroupCommitStore::Take(std::vector<PendingWrite>& batch) {
    const std::size_t before = batch.size();
    while (!queue_.empty() && batch.size() < options_.max_batch && !BulkEnds(batch)) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
    }
    return batch.size() > before;
}

// Takes every batch committed so far, makes them durable with one sync (so under load one
// fsync answers several transactions, and the writer never waits for it), then tells callers.
void GroupCommitStore::CompleterLoop() {
    for (;;) {
        std::deque<CommittedBatch> batches;
        {
            std::unique_lock lock(completions_mutex_);
            completions_cv_.wait(lock, [this] { return !completions_.empty() || writer_done_; });
            if (completions_.empty()) {
                return;  // the writer has stopped and every outcome was delivered
            }
            batches.swap(completions_);
        }
        std::uint64_t last_commit = 0;
        std::size_t writes = 0;
        for (const CommittedBatch& batch : batches) {
            last_commit = std::max(last_commit, batch.commit);
            writes += batch.outcomes.size();
        }
        const Status durable = MakeDurable(last_commit);
        {
            // Before the callers hear back: a caller told may queue its next write at once.
            std::lock_guard lock(queue_mutex_);
            in_flight_ -= writes;
        }
        for (CommittedBatch& batch : batches) {
            for (Completion& completion : batch.outcomes) {
                if (completion.status.ok() && !durable.ok()) {
                    completion.status =
                        Unavailable("the write was committed, but the disk did not confirm it: " +
                                    durable.message());
                }
                completion.done(std::move(completion.status));
            }
        }
    }
}

bool GroupCommitStore::DiskIdle() const {
    return sync_failed_ || (!syncing_now_ && synced_ >= handed_);
}

void GroupCommitStore::SyncStarts() {
    std::lock_guard lock(queue_mutex_);
    syncing_now_ = true;
}

void GroupCommitStore::SyncEnded(std::uint64_t durable, bool failed) {
    {
        std::lock_guard lock(queue_mutex_);
        syncing_now_ = false;
        synced_ = std::max(synced_, durable);
        sync_failed_ = sync_failed_ || failed;
    }
    queue_cv_.notify_one();  // a writer holding its transaction open commits now
}

std::uint64_t GroupCommitStore::CommitBegins() {
    std::lock_guard lock(durable_mutex_);
    return ++commits_begun_;
}

void GroupCommitStore::CommitReturned(std::uint64_t commit) {
    {
        std::lock_guard lock(durable_mutex_);
        commits_returned_ = commit;
        if (!backend_->DefersSync()) {
            durable_ = commit;
        }
    }
    durable_cv_.notify_all();
}

Status GroupCommitStore::MakeDurable(std::uint64_t commit) {
    if (!backend_->DefersSync()) {
        return Status::Ok();
    }
    std::unique_lock lock(durable_mutex_);
    for (;;) {
        if (!sync_failure_.ok()) {
            return sync_failure_;
        }
        if (durable_ >= commit) {
            return Status::Ok();
        }
        if (!syncing_ && commits_returned_ >= commit) {
            break;
        }
        durable_cv_.wait(lock);  // for a COMMIT to return, or another thread's sync
    }
    syncing_ = true;
    const std::uint64_t covered = commits_returned_;
    lock.unlock();
    SyncStarts();
    Status synced = backend_->SyncCommitted();
    lock.lock();
    syncing_ = false;
    ++syncs_;
    if (synced.ok()) {
        durable_ = std::max(durable_, covered);
    } else {
        // After a failed fsync the kernel may have dropped the pages it could not write, and a
        // later fsync may succeed without them: nothing written since can be promised either.
        sync_failure_ = synced;
    }
    const std::uint64_t durable = durable_;
    lock.unlock();
    durable_cv_.notify_all();
    SyncEnded(durable, !synced.ok());
    return synced;
}

// One transaction for the whole batch. Jobs run without savepoints; a job that fails without
// having changed a row (and, on PostgreSQL, without failing a statement) needs nothing undone.
// Only when a job fails after writing is the whole transaction rolled back and the batch run
// again, each job in its own savepoint, so that the failing job undoes only its own changes;
// a job alone in the transaction (a bulk write always is) is just rolled back.
// When the transaction conflicts with another server's (PostgreSQL: serialization failure or
// deadlock), the whole batch runs again on a fresh snapshot: jobs are re-runnable, so the
// later write applies on top of the earlier one. Outcomes are reported only after COMMIT.
GroupCommitStore::CommittedBatch GroupCommitStore::CommitBatch(std::vector<PendingWrite>& batch) {
    std::vector<Status> statuses;
    std::uint64_t commit = 0;
    bool savepoints = false;
    bool gather = true;  // only the first attempt takes writes from the queue
    for (int conflicts = 0;;) {
        statuses.clear();
        const Attempt attempt = RunBatch(batch, gather, savepoints, statuses, commit);
        gather = false;
        if (attempt == Attempt::kDone) {
            break;
        }
        if (attempt == Attempt::kNeedSavepoints) {
            savepoints = true;
            continue;
        }
        retries_.fetch_add(1, std::memory_order_relaxed);
        if (++conflicts > kMaxConflictRetries) {
            statuses.assign(batch.size(),
                            Status(ErrorCode::kConflict,
                                   "the write kept conflicting with writes of other servers; "
                                   "try again"));
            break;
        }
        // Let the other transaction finish; a little longer each time.
        std::this_thread::sleep_for(std::chrono::milliseconds(conflicts));
    }
    CommittedBatch committed{commit, {}};
    committed.outcomes.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        committed.outcomes.push_back({std::move(batch[i].done), std::move(statuses[i])});
    }
    return committed;
}

GroupCommitStore::Attempt GroupCommitStore::RunBatch(std::vector<PendingWrite>& batch,
                                                     bool gather,
                                                     bool savepoints,
                                                     std::vector<Status>& statuses,
                                                     std::uint64_t& commit) {
    Connection& db = writer_->connection();
    WriteBatchCache& cache = writer_->repositories().batch_cache();
    auto abandon = [&db, &cache](Attempt attempt) {
        cache.End();
        (void)db.Exec("ROLLBACK");
        return attempt;
    };
    GatherState gathering;
    if (gather) {
        TakeMore(batch, gathering);  // what is queued now; more joins while it runs
    }
    // A bulk write is alone in its batch (Take), and runs without foreign-key checks; the
    // checks go back on before the next other batch. Both only outside a transaction.
    // After a failed change the checks are taken to be off, so the next other batch sets them
    // again: a bulk write then runs either way, a write whose checks could not be turned on
    // fails.
    const bool check_foreign_keys = !batch.front().bulk;
    if (check_foreign_keys != foreign_keys_checked_) {
        Status set = backend_->CheckForeignKeys(*writer_, check_foreign_keys);
        foreign_keys_checked_ = set.ok() && check_foreign_keys;
        if (!set.ok() && check_foreign_keys) {
            statuses.assign(batch.size(), set);
            return Attempt::kDone;
        }
    }
    Status begun = RunCached(db, backend_->BeginWrite());
    if (!begun.ok()) {
        statuses.assign(batch.size(), begun);
        return Attempt::kDone;
    }
    cache.Begin();
    db.set_job_alone(batch.front().bulk);
    for (std::size_t next = 0;; ++next) {
        if (next == batch.size() && !(gather && TakeMore(batch, gathering))) {
            break;
        }
        PendingWrite& write = batch[next];
        if (!savepoints) {
            const std::int64_t changes_before = db.TotalChanges();
            Status outcome = RunJobAs(write.job, write.viewer, *writer_);
            if (!outcome.ok()) {
                if (db.RetryableConflict()) {
                    return abandon(Attempt::kConflict);
                }
                if (db.TotalChanges() != changes_before || db.TransactionAborted()) {
                    if (batch.size() > 1) {
                        return abandon(Attempt::kNeedSavepoints);
                    }
                    // Alone in the transaction (so far): rolling it back undoes just this job,
                    // with no need to run it again in a savepoint.
                    statuses.push_back(std::move(outcome));
                    return abandon(Attempt::kDone);
                }
            }
            statuses.push_back(std::move(outcome));
            continue;
        }
        Status outcome = RunCached(db, "SAVEPOINT job");
        if (outcome.ok()) {
            outcome = RunJobAs(write.job, write.viewer, *writer_);
            if (!outcome.ok()) {
                if (db.RetryableConflict()) {
                    return abandon(Attempt::kConflict);
                }
                cache.Forget();  // it may hold rows the job wrote
                (void)RunCached(db, "ROLLBACK TO SAVEPOINT job");
            }
            Status released = RunCached(db, "RELEASE SAVEPOINT job");
            if (!released.ok() && outcome.ok()) {
                outcome = released;
            }
        }
        statuses.push_back(std::move(outcome));
    }
    cache.End();
    const auto commit_started = std::chrono::steady_clock::now();
    commit = CommitBegins();
    Status committed = RunCached(db, "COMMIT");
    CommitReturned(commit);
    last_commit_ = std::chrono::steady_clock::now() - commit_started;
    if (!committed.ok()) {
        if (db.RetryableConflict()) {
            return abandon(Attempt::kConflict);
        }
        (void)db.Exec("ROLLBACK");
        for (Status& status : statuses) {
            if (status.ok()) {
                status = Unavailable("the write could not be committed: " + committed.message());
            }
        }
        return Attempt::kDone;
    }
    Status after = backend_->AfterCommit(*writer_);
    if (!after.ok()) {
        for (Status& status : statuses) {
            if (status.ok()) {
                status = after;  // committed, but other servers may not know yet: say so
            }
        }
    }
    transactions_.fetch_add(1, std::memory_order_relaxed);
    writes_.fetch_add(batch.size(), std::memory_order_relaxed);
    return Attempt::kDone;
}

Result<std::unique_ptr<StoreSession>> GroupCommitStore::AcquireReader() {
    {
        std::lock_guard lock(readers_mutex_);
        if (!idle_readers_.empty()) {
            auto reader = std::move(idle_readers_.back());
            idle_readers_.pop_back();
            return reader;
        }
    }
    return backend_->OpenReader();
}

void GroupCommitStore::ReleaseReader(std::unique_ptr<StoreSession> reader) {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(reader));
}

Status GroupCommitStore::Read(const domain::StoreJob& job) {
    Status status = ReadSnapshot(job);
    // The snapshot may hold a transaction whose callers are not answered yet: no reader is
    // shown what a crash could still take back (not even as a "not found").
    std::uint64_t seen = 0;
    {
        std::lock_guard lock(durable_mutex_);
        seen = commits_begun_;
    }
    Status durable = MakeDurable(seen);
    return durable.ok() ? status : durable;
}

Status GroupCommitStore::ReadWithoutSyncWait(const domain::StoreJob& job) {
    {
        std::lock_guard lock(durable_mutex_);
        if (!sync_failure_.ok()) {
            return sync_failure_;  // as Read: nothing is served after a failed sync
        }
    }
    return ReadSnapshot(job);
}

Status GroupCommitStore::ReadSnapshot(const domain::StoreJob& job) {
    auto reader = AcquireReader();
    if (!reader.ok()) {
        return reader.status();
    }
    Connection& db = (*reader)->connection();
    Status status = RunCached(db, backend_->BeginRead());
    if (status.ok()) {
        status = RunJobAs(job, domain::CurrentViewer(), **reader);
        Status ended = RunCached(db, "COMMIT");
        if (!ended.ok()) {
            (void)db.Exec("ROLLBACK");
            if (status.ok()) {
                status = ended;
            }
        }
    }
    if (status.code() != ErrorCode::kUnavailable) {  // else the connection may be gone
        ReleaseReader(std::move(*reader));
    }
    return status;
}

}  // namespace pipecrm::storage::sql
