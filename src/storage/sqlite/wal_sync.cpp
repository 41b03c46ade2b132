#include "storage/sqlite/wal_sync.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pipecrm::storage::sqlite {

WalSync::~WalSync() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

Status WalSync::Sync() {
    if (fd_ < 0) {
        // Opened on first use: the log exists once the writer has committed. The writer's
        // connection stays open, so SQLite neither deletes nor replaces the file meanwhile (it
        // rewrites it from the start after a checkpoint: the same file).
        fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
            return Unavailable("cannot open the write-ahead log " + wal_path_ + ": " +
                               std::strerror(errno));
        }
    }
    if (::fdatasync(fd_) != 0) {
        return Unavailable("cannot sync the write-ahead log " + wal_path_ +
                           " to the disk: " + std::strerror(errno));
    }
    return Status::Ok();
}

}  // namespace pipecrm::storage::sqlite
