// Forecast snapshots: the open deals by expected close month as they stand now, stored so a
// later forecast report shows each past month's forecast beside what was won in it.
#pragma once

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/repositories.hpp"
#include "domain/store.hpp"

namespace pipecrm::reports {

enum class SnapshotWhen { kAlways, kOncePerDay };

/// Stores a snapshot of the workspace's forecast (every open deal with an expected close date,
/// the caller's view of them) taken at `now`, in the base currency: one row per expected close
/// month, pipeline, owner and visibility, weighted by each deal's probability or its stage's.
/// With kOncePerDay nothing is stored when a snapshot was already taken that day (in the
/// workspace's time zone). Returns how many rows were stored. Call inside a write.
Result<int> TakeForecastSnapshot(domain::Repositories& repos,
                                 Id workspace_id,
                                 Instant now,
                                 SnapshotWhen when);

/// The daily snapshot of every workspace of the store that has none for its current day, each
/// in its own write. Returns the number of workspaces snapshotted.
Result<int> TakeDailyForecastSnapshots(domain::Store& store, Instant now);

}  // namespace pipecrm::reports
