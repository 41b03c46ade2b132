// A SQLite VFS that gathers what one commit appends to its write-ahead log and writes it to
// the file with one write call. SQLite writes each frame of the log with two calls (its
// 24-byte header, then the page), so a commit of 40 pages cost 80 system calls on the writer's
// thread, a third of its time under load. Everything else passes to SQLite's default VFS
// unchanged.
//
// When the gathered bytes reach the file (in calls of at most 124 KiB):
// - at once after the page of a commit frame (a frame whose header holds the database size),
//   so a commit's COMMIT returns only after its frames are written, and a failed write fails
//   that COMMIT as before;
// - before any other operation on the log (a read, a sync, a size, a truncation, a write
//   elsewhere in the file, closing it) and before the log's index is published to other
//   connections (the shared-memory barrier), so nothing ever reads or syncs a frame that is
//   only in memory;
// - when more than 4 MiB are gathered (a large transaction's pages spilled before its commit).
//
// Only files opened as write-ahead logs are buffered, and only their appends; a rewrite of an
// earlier frame in place is written at once. Used by the store's writer connection only.
#pragma once

namespace pipecrm::storage::sqlite {

/// The VFS's name, for sqlite3_open_v2; registered (not as the default) on the first call.
/// Null when SQLite has no default VFS to wrap.
const char* WalWriteBufferVfs();

}  // namespace pipecrm::storage::sqlite
