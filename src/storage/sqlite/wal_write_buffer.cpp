#include "storage/sqlite/wal_write_buffer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>

#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {
namespace {

constexpr char kVfsName[] = "pipecrm-wal-buffer";
// https://sqlite.org/fileformat2.html#walformat: a frame header is 24 bytes; bytes 4-7 are,
// big-endian, the database size in pages after a commit for a commit frame, else zero.
constexpr int kFrameHeaderBytes = 24;
constexpr std::size_t kMaxGathered = std::size_t{4} << 20;
// The default VFS writes at most 128 KiB - 1 bytes per call (larger sizes are masked, and a
// multiple of 128 KiB would write nothing and report a full disk): 124 KiB per call.
constexpr std::size_t kMaxWrite = 124 * 1024;

// What SQLite allocates for each open file (szOsFile bytes): this, then the default VFS's
// own file right after it.
struct BufferedFile {
    sqlite3_file base;      // base.pMethods is kMethods once the default VFS opened the file
    sqlite3_file* real;     // the default VFS's file
    std::string* pending;   // gathered appends of a log; null for other files
    sqlite3_int64 start;    // the file offset of pending's first byte
    sqlite3_int64 end;      // where the log's frames end: writes from here on are appends
    bool commit_page_next;  // the last header gathered was a commit frame's
    int failed;             // a write that could not report its failure: every later call fails
};

sqlite3_vfs* g_default = nullptr;
sqlite3_vfs g_vfs;

BufferedFile* Of(sqlite3_file* file) {
    return reinterpret_cast<BufferedFile*>(file);
}

const sqlite3_io_methods& Real(BufferedFile* f) {
    return *f->real->pMethods;
}

// Writes what is gathered; SQLITE_OK when nothing is.
int Flush(BufferedFile* f) {
    if (f->failed != SQLITE_OK) {
        return f->failed;
    }
    if (f->pending == nullptr || f->pending->empty()) {
        return SQLITE_OK;
    }
    int rc = SQLITE_OK;
    for (std::size_t done = 0; done < f->pending->size() && rc == SQLITE_OK; done += kMaxWrite) {
        const std::size_t amount = std::min(kMaxWrite, f->pending->size() - done);
        rc = Real(f).xWrite(f->real, f->pending->data() + done, static_cast<int>(amount),
                            f->start + static_cast<sqlite3_int64>(done));
    }
    f->pending->clear();
    return rc;
}

// Flush where the caller cannot report a failure: later calls report it instead.
void FlushOrRemember(BufferedFile* f) {
    const int rc = Flush(f);
    if (rc != SQLITE_OK) {
        f->failed = rc;
    }
}

std::uint32_t BigEndian32(const void* bytes) {
    const auto* b = static_cast<const unsigned char*>(bytes);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
}

int Close(sqlite3_file* file) {
    BufferedFile* f = Of(file);
    const int flushed = Flush(f);
    const int rc = Real(f).xClose(f->real);
    delete f->pending;
    f->pending = nullptr;
    return flushed != SQLITE_OK ? flushed : rc;
}

int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    return rc != SQLITE_OK ? rc : Real(f).xRead(f->real, out, amount, offset);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    BufferedFile* f = Of(file);
    if (f->pending == nullptr) {
        return Real(f).xWrite(f->real, data, amount, offset);
    }
    if (f->failed != SQLITE_OK) {
        return f->failed;
    }
    if (offset == 0) {
        f->end = 0;  // a new log header: the log starts over from its beginning
    }
    const bool continues =
        !f->pending->empty() && offset == f->start + static_cast<sqlite3_int64>(f->pending->size());
    if (!continues) {
        const int rc = Flush(f);
        if (rc != SQLITE_OK) {
            return rc;
        }
        if (offset < f->end) {
            // A frame rewritten in place (a page spilled earlier in this transaction, or a
            // checksum): written at once, as without this VFS.
            return Real(f).xWrite(f->real, data, amount, offset);
        }
        f->start = offset;
    }
    f->pending->append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
    f->end = f->start + static_cast<sqlite3_int64>(f->pending->size());
    if (amount == kFrameHeaderBytes) {
        f->commit_page_next = BigEndian32(static_cast<const char*>(data) + 4) != 0;
        return SQLITE_OK;
    }
    if (f->commit_page_next || f->pending->size() >= kMaxGathered) {
        f->commit_page_next = false;
        return Flush(f);
    }
    return SQLITE_OK;
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    if (rc != SQLITE_OK) {
        return rc;
    }
    if (f->end > size) {
        f->end = size;
    }
    return Real(f).xTruncate(f->real, size);
}

int Sync(sqlite3_file* file, int flags) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    return rc != SQLITE_OK ? rc : Real(f).xSync(f->real, flags);
}

int FileSize(sqlite3_file* file, sqlite3_int64* size) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    return rc != SQLITE_OK ? rc : Real(f).xFileSize(f->real, size);
}

int Lock(sqlite3_file* file, int level) {
    return Real(Of(file)).xLock(Of(file)->real, level);
}

int Unlock(sqlite3_file* file, int level) {
    return Real(Of(file)).xUnlock(Of(file)->real, level);
}

int CheckReservedLock(sqlite3_file* file, int* out) {
    return Real(Of(file)).xCheckReservedLock(Of(file)->real, out);
}

int FileControl(sqlite3_file* file, int op, void* arg) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    return rc != SQLITE_OK ? rc : Real(f).xFileControl(f->real, op, arg);
}

int SectorSize(sqlite3_file* file) {
    return Real(Of(file)).xSectorSize(Of(file)->real);
}

int DeviceCharacteristics(sqlite3_file* file) {
    return Real(Of(file)).xDeviceCharacteristics(Of(file)->real);
}

int ShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return Real(Of(file)).xShmMap(Of(file)->real, region, size, extend, out);
}

int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
    BufferedFile* f = Of(file);
    FlushOrRemember(f);
    return Real(f).xShmLock(f->real, offset, n, flags);
}

// The log's index is published to other connections behind this barrier: every frame it
// names must be in the file first.
void ShmBarrier(sqlite3_file* file) {
    BufferedFile* f = Of(file);
    FlushOrRemember(f);
    Real(f).xShmBarrier(f->real);
}

int ShmUnmap(sqlite3_file* file, int delete_flag) {
    return Real(Of(file)).xShmUnmap(Of(file)->real, delete_flag);
}

int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    BufferedFile* f = Of(file);
    const int rc = Flush(f);
    return rc != SQLITE_OK ? rc : Real(f).xFetch(f->real, offset, amount, out);
}

int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    return Real(Of(file)).xUnfetch(Of(file)->real, offset, page);
}

// Version 3, the default VFS's; the shared-memory and memory-map methods are used only when
// the default file has them (the methods below are installed only then).
const sqlite3_io_methods kMethods = {3,
                                     Close,
                                     Read,
                                     Write,
                                     Truncate,
                                     Sync,
                                     FileSize,
                                     Lock,
                                     Unlock,
                                     CheckReservedLock,
                                     FileControl,
                                     SectorSize,
                                     DeviceCharacteristics,
                                     ShmMap,
                                     ShmLock,
                                     ShmBarrier,
                                     ShmUnmap,
                                     Fetch,
                                     Unfetch};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = new (file) BufferedFile{};
    f->base.pMethods = nullptr;  // SQLite closes nothing if the open fails
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(BufferedFile));
    const int rc = g_default->xOpen(g_default, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK || f->real->pMethods == nullptr) {
        return rc;
    }
    if (f->real->pMethods->iVersion < 3) {
        return SQLITE_CANTOPEN;  // every default VFS since 3.7.17 has version 3 files
    }
    if ((flags & SQLITE_OPEN_WAL) != 0) {
        f->pending = new std::string();
        f->pending->reserve(256 * 1024);
    }
    f->failed = SQLITE_OK;
    f->base.pMethods = &kMethods;
    return SQLITE_OK;
}

const char* Register() {
    // sqlite3_vfs_find is SQLite's first use in a process that opens a store.
    ConfigureSqliteOnce();
    g_default = sqlite3_vfs_find(nullptr);
    if (g_default == nullptr) {
        return nullptr;
    }
    g_vfs = *g_default;  // the other methods are the default VFS's
    g_vfs.pNext = nullptr;
    g_vfs.zName = kVfsName;
    g_vfs.szOsFile = static_cast<int>(sizeof(BufferedFile)) + g_default->szOsFile;
    g_vfs.xOpen = Open;
    if (sqlite3_vfs_register(&g_vfs, /*makeDflt=*/0) != SQLITE_OK) {
        return nullptr;
    }
    return kVfsName;
}

static_assert(sizeof(BufferedFile) % 8 == 0,
              "the default VFS's file follows this struct and needs 8-byte alignment");

}  // namespace

const char* WalWriteBufferVfs() {
    static const char* const kName = Register();
    return kName;
}

}  // namespace pipecrm::storage::sqlite
