// The store of both backends: one writer thread that group-commits every queued write in one
// transaction (savepoints to undo just a failed job; the whole batch run again after a
// conflict with another server), a completer thread that makes the commits durable where the
// backend defers that (SQLite) and reports the outcomes, and a pool of reader connections.
// What differs per backend sits behind StoreBackend.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/store.hpp"
#include "domain/viewer.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace pipecrm::storage::sql {

/// The SQLite writer's page cache when StoreOptions names none (SQLite's own default is 2 MiB).
inline constexpr int kDefaultWriterCacheMib = 128;

struct StoreOptions {
    std::size_t max_batch = 4096;  ///< most writes one transaction takes from the queue
    /// SQLite only: the writer connection's page cache in MiB (0: kDefaultWriterCacheMib).
    /// Bulk writers into large databases (bench/'s generator, imports) avoid re-reading index
    /// pages.
    int sqlite_writer_cache_mib = 0;
};

/// Counters for benchmarks and logs.
struct StoreStats {
    std::uint64_t transactions = 0;
    std::uint64_t writes = 0;
    std::uint64_t retries = 0;  ///< batches run again after a conflict with another server
    /// Transactions known durable (all of them where COMMIT waits for the disk); every
    /// answered write's transaction is among them.
    std::uint64_t durable = 0;
    std::uint64_t syncs = 0;  ///< SyncCommitted calls (each may cover several transactions)
};

/// One connection with its repositories, and the way it tells SQL whose job runs.
class StoreSession {
  public:
    virtual ~StoreSession() = default;
    virtual Connection& connection() = 0;
    virtual SqlRepositories& repositories() = 0;
    /// Makes `viewer` (empty: system work) the one the temp views filter for, until the next
    /// call or the end of the transaction. Called inside the transaction.
    virtual Status SetViewer(const std::optional<domain::Viewer>& viewer) = 0;
};

/// What the group-commit store needs from a backend.
class StoreBackend {
  public:
    virtual ~StoreBackend() = default;
    /// A new reader session (the pool keeps it).
    virtual Result<std::unique_ptr<StoreSession>> OpenReader() = 0;
    /// Starts a write transaction; starts a read-only snapshot.
    virtual const char* BeginWrite() const = 0;
    virtual const char* BeginRead() const = 0;
    /// Called on the writer after each commit, before any caller is told.
    virtual Status AfterCommit(StoreSession& writer) = 0;
    /// Turns the writer's foreign-key checks off for bulk writes (WriteBulk) and on again for
    /// the others, outside any transaction; a backend that cannot keeps them on.
    virtual Status CheckForeignKeys(StoreSession& writer, bool check) {
        (void)writer;
        (void)check;
        return Status::Ok();
    }
    /// True when a COMMIT returns before it is durable, and SyncCommitted makes it so (SQLite:
    /// the writer commits with synchronous=NORMAL). False when COMMIT itself waits for the
    /// disk (PostgreSQL).
    virtual bool DefersSync() const { return false; }
    /// Makes every transaction whose COMMIT has returned durable. Called off the writer thread,
    /// by one thread at a time; only when DefersSync().
    virtual Status SyncCommitted() { return Status::Ok(); }
    virtual Result<std::uint64_t> DataVersion() = 0;
};

/// Safe for concurrent use from any number of threads.
class GroupCommitStore : public domain::Store {
  public:
    GroupCommitStore(std::unique_ptr<StoreBackend> backend,
                     std::unique_ptr<StoreSession> writer,
                     StoreOptions options);
    /// Finishes every queued write, then stops the writer.
    ~GroupCommitStore() override;
    GroupCommitStore(const GroupCommitStore&) = delete;
    GroupCommitStore& operator=(const GroupCommitStore&) = delete;

    Status Read(const domain::StoreJob& job) override;
    Status ReadWithoutSyncWait(const domain::StoreJob& job) override;
    void Write(domain::StoreJob job, domain::WriteDone done) override;
    /// Runs in a transaction of its own, with the backend's foreign-key checks off.
    void WriteBulk(domain::StoreJob job, domain::WriteDone done) override;
    Result<std::uint64_t> DataVersion() override { return backend_->DataVersion(); }

    StoreStats stats() const;

  private:
    struct PendingWrite {
        domain::StoreJob job;
        domain::WriteDone done;
        std::optional<domain::Viewer> viewer;  ///< whose write it is (CurrentViewer at Write)
        bool bulk = false;                     ///< WriteBulk: alone in its transaction
    };
    struct Completion {
        domain::WriteDone done;
        Status status;
    };
    /// A committed batch's outcomes, waiting to be made durable and told.
    struct CommittedBatch {
        std::uint64_t commit = 0;  ///< its number (CommitBegins); 0 when it did not COMMIT
        std::vector<Completion> outcomes;
    };
    /// How one attempt at a batch's transaction ended.
    enum class Attempt { kDone, kNeedSavepoints, kConflict };

    /// What TakeMore remembers about the batch it fills.
    struct GatherState {
        bool first = true;        ///< nothing taken yet
        bool busy = false;        ///< busiest_ >= kBusyWrites when the batch began
        bool waited_out = false;  ///< a wait for the rest of the batch ran out
    };

    void Enqueue(domain::StoreJob job, domain::WriteDone done, bool bulk);
    void WriterLoop();
    /// Moves queued writes into the open transaction's batch; false when the batch is
    /// complete. Called by the writer whenever every write taken so far has run.
    bool TakeMore(std::vector<PendingWrite>& batch, GatherState& state);
    /// Moves what is queued (up to max_batch) into the batch; false when nothing was. A bulk
    /// write is taken only into an empty batch, and ends it. Called with queue_mutex_ held.
    bool Take(std::vector<PendingWrite>& batch);
    /// True when the batch can take no more writes because of a bulk write: it holds one, or
    /// one is next in the queue. Called with queue_mutex_ held.
    bool BulkEnds(const std::vector<PendingWrite>& batch) const;
    void CompleterLoop();
    /// Commits the batch and returns each write's outcome, in order.
    CommittedBatch CommitBatch(std::vector<PendingWrite>& batch);
    /// One attempt at the batch's transaction, filling `statuses` when kDone. With `gather`
    /// the batch starts empty and takes writes from the queue as it runs (TakeMore).
    Attempt RunBatch(std::vector<PendingWrite>& batch,
                     bool gather,
                     bool savepoints,
                     std::vector<Status>& statuses,
                     std::uint64_t& commit);
    /// Returns when every transaction up to `commit` (counted by commits_begun_) is durable:
    /// waits for their COMMITs to return, then syncs unless another thread's sync covered
    /// them. A failed sync fails this and every later call (the log may have lost frames).
    Status MakeDurable(std::uint64_t commit);
    /// The number of the transaction about to COMMIT; CommitReturned(number) once it has.
    std::uint64_t CommitBegins();
    /// True when no committed transaction waits for a sync (or a sync failed, so none will
    /// run): the writer commits at once. Called with queue_mutex_ held.
    bool DiskIdle() const;
    /// Tell the writer when a sync starts and ends (TakeMore holds its transaction open
    /// meanwhile); `durable` is the last transaction known durable.
    void SyncStarts();
    void SyncEnded(std::uint64_t durable, bool failed);
    void CommitReturned(std::uint64_t commit);
    /// Runs a read job on a snapshot of a reader connection (Read without the durability wait).
    Status ReadSnapshot(const domain::StoreJob& job);
    Result<std::unique_ptr<StoreSession>> AcquireReader();
    void ReleaseReader(std::unique_ptr<StoreSession> reader);

    const std::unique_ptr<StoreBackend> backend_;
    const std::unique_ptr<StoreSession> writer_;
    const StoreOptions options_;
    // How long the last COMMIT took; used by the writer thread only.
    std::chrono::steady_clock::duration last_commit_{};
    // Whether the writer's foreign-key checks are on (off after a bulk write until the next
    // other one); used by the writer thread only.
    bool foreign_keys_checked_ = true;

    /// Writes in flight at once from which the writer treats the store as busy.
    static constexpr std::size_t kBusyWrites = 8;
    /// The longest TakeMore waits, however long commits take.
    static constexpr std::chrono::microseconds kGatherWait{500};

    std::mutex queue_mutex_;  // guards the members down to busiest_
    std::condition_variable queue_cv_;
    std::deque<PendingWrite> queue_;
    bool stopping_ = false;
    std::size_t wake_at_ = 1;    // the queue length at which Write wakes the writer
    std::size_t in_flight_ = 0;  // writes queued, running or committed but not yet answered
    std::size_t busiest_ = 0;    // the most writes ever in flight at once (until callers go)
    bool syncing_now_ = false;   // a SyncCommitted call is running (SyncStarts, SyncEnded)
    std::uint64_t handed_ = 0;   // the last transaction the writer handed to the completer
    std::uint64_t synced_ = 0;   // every transaction up to this number is durable
    bool sync_failed_ = false;   // a sync failed: none will run again

    std::mutex readers_mutex_;  // guards idle_readers_
    std::vector<std::unique_ptr<StoreSession>> idle_readers_;

    // Outcomes of committed batches wait here for the completer thread, which tells the
    // callers; the writer meanwhile starts the next transaction.
    std::mutex completions_mutex_;  // guards completions_ and writer_done_
    std::condition_variable completions_cv_;
    std::deque<CommittedBatch> completions_;
    bool writer_done_ = false;

    // Where the commits stand: a reader that may have seen a transaction, and the completer
    // before it answers one, wait here until it is durable (MakeDurable).
    mutable std::mutex durable_mutex_;  // guards the members down to sync_failure_
    std::condition_variable durable_cv_;
    std::uint64_t commits_begun_ = 0;     // COMMITs issued
    std::uint64_t commits_returned_ = 0;  // of those, the ones returned: all up to this number
    std::uint64_t durable_ = 0;           // all transactions up to this number are durable
    std::uint64_t syncs_ = 0;
    bool syncing_ = false;  // a thread is in SyncCommitted
    Status sync_failure_;   // the first failed sync, for good

    std::atomic<std::uint64_t> transactions_{0};
    std::atomic<std::uint64_t> writes_{0};
    std::atomic<std::uint64_t> retries_{0};
    std::thread writer_thread_;
    std::thread completer_thread_;
};

}  // namespace pipecrm::storage::sql
