// Copies the writer's committed WAL pages back into the database file on a thread of its own.
// By default SQLite checkpoints inside the COMMIT that pushes the WAL past 1000 pages, on the
// committing connection: for the group-commit writer that means copying a thousand pages and
// syncing the database file while every caller of the next batch waits. With the checkpointer
// attached, the writer's commits only signal it; it checkpoints PASSIVE on its own
// connection (never blocking the writer or readers) while the writer goes on. Should it fall
// far behind (the WAL past kWriterCheckpointPages), the writer checkpoints itself, as SQLite
// would, so the WAL cannot grow without bound.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {

class WalCheckpointer {
  public:
    /// WAL pages after which a commit asks for a checkpoint (SQLite's own default).
    static constexpr int kCheckpointPages = 1000;
    /// WAL pages after which the writer checkpoints on its own connection (16 MiB of 4 KiB
    /// pages). Under a steady stream of commits the checkpointer's PASSIVE checkpoints never
    /// find the WAL idle, so SQLite never starts it over from its beginning; the writer's own
    /// checkpoint, between two of its transactions, copies the few pages left and lets the next
    /// transaction start it over.
    static constexpr int kWriterCheckpointPages = 4000;

    /// Opens the checkpointer's connection to `path` and starts its thread.
    static Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path);
    /// Stops the thread (after the checkpoint it may be running).
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// Hands the writer's checkpoints over to this checkpointer (replaces SQLite's automatic
    /// checkpoint on `writer`). The checkpointer must outlive the writer connection.
    void Attach(Connection& writer);

    /// Checkpoints run so far (for tests).
    int checkpoints() const;

  private:
    explicit WalCheckpointer(std::unique_ptr<Connection> connection);
    static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
    void Loop();

    std::unique_ptr<Connection> connection_;  // used by the thread only
    mutable std::mutex mutex_;                // guards the members below
    std::condition_variable wanted_cv_;
    bool wanted_ = false;
    bool stopping_ = false;
    int checkpoints_ = 0;
    std::thread thread_;
};

}  // namespace pipecrm::storage::sqlite
