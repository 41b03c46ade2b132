// Makes a database's write-ahead log durable from a thread other than the writer's. The writer
// commits with synchronous=NORMAL (SQLite writes the log but does not sync it), and the store
// syncs the log here before it answers the commit's callers, while the writer already runs the
// next transaction: the fsync no longer stops the writer.
#pragma once

#include <string>

#include "base/status.hpp"

namespace pipecrm::storage::sqlite {

/// Not safe for concurrent use (the store calls it under a lock).
class WalSync {
  public:
    /// `wal_path` is the log's file (sqlite3_filename_wal of the writer's database).
    explicit WalSync(std::string wal_path) : wal_path_(std::move(wal_path)) {}
    ~WalSync();
    WalSync(const WalSync&) = delete;
    WalSync& operator=(const WalSync&) = delete;

    /// fdatasync of the log: every frame written before the call is on the disk when it
    /// returns Ok. kUnavailable when the file cannot be opened or synced.
    Status Sync();

  private:
    const std::string wal_path_;
    int fd_ = -1;
};

}  // namespace pipecrm::storage::sqlite
