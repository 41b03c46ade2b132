#include "storage/sqlite/wal_checkpointer.hpp"

#include <pthread.h>

namespace pipecrm::storage::sqlite {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path) {
    auto connection = Connection::Open(path, Connection::Mode::kReadWrite);
    if (!connection.ok()) {
        return connection.status();
    }
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(*connection)));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<Connection> connection)
    : connection_(std::move(connection)) {
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "pipecrm-ckpt");
        Loop();
    });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wanted_cv_.notify_one();
    thread_.join();
}

void WalCheckpointer::Attach(Connection& writer) {
    sqlite3_wal_hook(writer.raw(), &WalCheckpointer::OnCommit, this);
}

int WalCheckpointer::checkpoints() const {
    std::lock_guard lock(mutex_);
    return checkpoints_;
}

// Called by SQLite on the writer's thread after each commit, with the WAL's length in pages.
int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages) {
    if (wal_pages >= kWriterCheckpointPages) {
        // The checkpointer fell far behind (long readers, a slow disk): do it here, as SQLite's
        // automatic checkpoint would. Busy is fine: a checkpoint is running already.
        const int rc =
            sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return rc == SQLITE_BUSY ? SQLITE_OK : rc;
    }
    if (wal_pages >= kCheckpointPages) {
        auto* checkpointer = static_cast<WalCheckpointer*>(self);
        {
            std::lock_guard lock(checkpointer->mutex_);
            checkpointer->wanted_ = true;
        }
        checkpointer->wanted_cv_.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::Loop() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wanted_cv_.wait(lock, [this] { return wanted_ || stopping_; });
            if (stopping_) {
                return;
            }
            wanted_ = false;
        }
        // PASSIVE copies what no reader still needs and never waits for the writer or the
        // readers; what it leaves, the next one copies. An error (busy, I/O) leaves the WAL
        // as it is, and the next request tries again.
        (void)sqlite3_wal_checkpoint_v2(connection_->raw(), "main", SQLITE_CHECKPOINT_PASSIVE,
                                        nullptr, nullptr);
        std::lock_guard lock(mutex_);
        ++checkpoints_;
    }
}

}  // namespace pipecrm::storage::sqlite
