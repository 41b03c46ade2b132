// The unit of work: reads on a snapshot, writes in a transaction that commits before the
// caller hears back.
#pragma once

#include <cstdint>
#include <functional>

#include "base/status.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// A job runs against the repositories of one connection. Returning an error undoes every
/// change the job made (and only those). A write job may run more than once before it commits
/// (when another job of its batch fails after writing, the batch is redone), so it must have no
/// effect outside the repositories other than overwriting its own outputs.
using StoreJob = std::function<Status(Repositories&)>;
/// Hears the outcome of a write: ok only once the transaction holding it is durable.
using WriteDone = std::function<void(Status)>;

/// Implementations are safe for concurrent use from any number of threads.
class Store {
  public:
    virtual ~Store() = default;
    /// Runs `job` on a consistent read snapshot, on the calling thread. Writes fail. Returns
    /// only once everything the snapshot may show is durable (nobody is shown what a crash
    /// could take back).
    virtual Status Read(const StoreJob& job) = 0;
    /// Read, without waiting for what the snapshot may show to become durable. Only for checks
    /// of a secret the caller holds (an API token, a session): a credential's row is durable
    /// before anybody is given the secret, so what is not yet durable can only be a later
    /// change to it (a revocation, a disabled user), which is then honoured a moment early.
    /// The HTTP threads check a credential on every request, and must not stop for the disk.
    virtual Status ReadWithoutSyncWait(const StoreJob& job) { return Read(job); }
    /// Queues `job` for the writer; `done` runs on the store's own thread after the commit (or
    /// the failure), never inside the caller. `done` must be quick and must not call Write and
    /// wait.
    virtual void Write(StoreJob job, WriteDone done) = 0;
    /// Write() and wait for the outcome.
    Status WriteAndWait(StoreJob job);
    /// Write, for one batch of a bulk load (an import): in a transaction of its own, in which
    /// the backend may leave out its foreign-key checks (SQLite does: they were a tenth of an
    /// import's time). Only for a job each of whose references is a row it created, or one it
    /// read that is never deleted (workspaces, users, stages, pipelines, products and custom
    /// fields never are; persons and organizations are only marked deleted). A write that fails
    /// may end the whole transaction at once (SQLite's multi-row inserts do), so the job must
    /// return the failure rather than go on.
    virtual void WriteBulk(StoreJob job, WriteDone done) { Write(std::move(job), std::move(done)); }
    /// WriteBulk() and wait for the outcome.
    Status WriteBulkAndWait(StoreJob job);
    /// A number that changes whenever committed data changes, whoever committed it (this
    /// store, or another process on the same database); two equal readings mean nothing was
    /// committed in between. Read before a snapshot, it tells how long what the snapshot
    /// showed stays true.
    virtual Result<std::uint64_t> DataVersion() = 0;
};

}  // namespace pipecrm::domain
