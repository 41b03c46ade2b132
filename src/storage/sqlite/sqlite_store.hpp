// The embedded SQLite store: one writer thread that group-commits every queued write in one
// transaction, a completer thread that reports the outcomes, and a pool of reader connections.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "domain/store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_repositories.hpp"
#include "storage/sqlite/visibility.hpp"

namespace pipecrm::storage::sqlite {

struct StoreOptions {
    std::size_t max_batch = 4096;  ///< most writes one transaction takes from the queue
};

/// Counters for benchmarks and logs.
struct StoreStats {
    std::uint64_t transactions = 0;
    std::uint64_t writes = 0;
};

/// Safe for concurrent use from any number of threads.
class SqliteStore final : public domain::Store {
  public:
    /// Opens (creating if needed) the database, applies migrations and starts the writer.
    /// kUnavailable when the file cannot be opened; kFailedPrecondition for a newer schema.
    static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                     StoreOptions options = {});
    /// Finishes every queued write, then stops the writer.
    ~SqliteStore() override;

    Status Read(const domain::StoreJob& job) override;
    void Write(domain::StoreJob job, domain::WriteDone done) override;
    /// SQLite's data_version, read on a connection of its own that never writes: it changes
    /// with every commit of any connection or process.
    Result<std::uint64_t> DataVersion() override;

    StoreStats stats() const;

  private:
    struct Reader {
        std::unique_ptr<Connection> connection;
        std::unique_ptr<ViewerSlot> viewer;
        std::unique_ptr<SqliteRepositories> repositories;
    };
    struct PendingWrite {
        domain::StoreJob job;
        domain::WriteDone done;
        std::optional<domain::Viewer> viewer;  ///< whose write it is (CurrentViewer at Write)
    };

    struct Completion {
        domain::WriteDone done;
        Status status;
    };

    SqliteStore(std::string path,
                StoreOptions options,
                std::unique_ptr<Connection> writer,
                std::unique_ptr<ViewerSlot> writer_viewer);
    void WriterLoop();
    /// Called by the writer, with queue_mutex_ held, before it takes the queue while
    /// busiest_ >= kBusyWrites.
    void GatherBusyBatch(std::unique_lock<std::mutex>& lock);
    void CompleterLoop();
    /// Commits the batch and returns each write's outcome, in order.
    std::vector<Completion> CommitBatch(std::vector<PendingWrite>& batch);
    /// One attempt at the batch's transaction; empty when it had to be abandoned because a job
    /// failed after changing rows without `savepoints` to undo just that job.
    std::vector<Status> RunBatch(std::vector<PendingWrite>& batch, bool savepoints);
    Result<std::unique_ptr<Reader>> AcquireReader();
    void ReleaseReader(std::unique_ptr<Reader> reader);

    const std::string path_;
    const StoreOptions options_;
    std::unique_ptr<Connection> writer_connection_;
    std::unique_ptr<ViewerSlot> writer_viewer_;
    std::unique_ptr<SqliteRepositories> writer_repositories_;
    // How long the last COMMIT took; used by the writer thread only.
    std::chrono::steady_clock::duration last_commit_{};

    /// Writes in flight at once from which the writer treats the store as busy.
    static constexpr std::size_t kBusyWrites = 8;
    /// The longest GatherBusyBatch waits, however long commits take.
    static constexpr std::chrono::microseconds kGatherWait{500};

    std::mutex queue_mutex_;  // guards the members down to busiest_
    std::condition_variable queue_cv_;
    std::deque<PendingWrite> queue_;
    bool stopping_ = false;
    std::size_t wake_at_ = 1;    // the queue length at which Write wakes the writer
    std::size_t in_flight_ = 0;  // writes queued, running or committed but not yet answered
    std::size_t busiest_ = 0;    // the most writes ever in flight at once (until callers go)

    std::mutex version_mutex_;  // guards version_connection_
    std::unique_ptr<Connection> version_connection_;

    std::mutex readers_mutex_;  // guards idle_readers_
    std::vector<std::unique_ptr<Reader>> idle_readers_;

    // Outcomes of committed batches wait here for the completer thread, which tells the
    // callers; the writer meanwhile starts the next transaction.
    std::mutex completions_mutex_;  // guards completions_ and writer_done_
    std::condition_variable completions_cv_;
    std::deque<std::vector<Completion>> completions_;
    bool writer_done_ = false;

    std::atomic<std::uint64_t> transactions_{0};
    std::atomic<std::uint64_t> writes_{0};
    std::thread writer_thread_;
    std::thread completer_thread_;
};

/// Copies a live database to `to` with SQLite's online backup API; consistent even while a
/// server writes. Fails with kUnavailable when either file cannot be opened.
Status BackupDatabase(const std::string& from, const std::string& to);

}  // namespace pipecrm::storage::sqlite
