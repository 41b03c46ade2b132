// Who the work in hand is done for. Storage scopes every read of a record with per-record
// visibility by it (see docs/security.md); work with no viewer (the CLI, migrations,
// benchmarks) is the system's and sees every row.
#pragma once

#include <optional>

#include "base/ids.hpp"
#include "domain/user.hpp"

namespace pipecrm::domain {

struct Viewer {
    Id workspace_id = 0;
    Id user_id = 0;
    Role role = Role::kMember;
};

/// The viewer of the work this thread is doing now; nullopt for system work.
const std::optional<Viewer>& CurrentViewer();

/// Makes `viewer` this thread's current viewer for the scope's lifetime, then restores the
/// previous one. The store reads it when a job is handed over (Store::Read, Store::Write).
class ViewerScope {
  public:
    explicit ViewerScope(std::optional<Viewer> viewer);
    ~ViewerScope();
    ViewerScope(const ViewerScope&) = delete;
    ViewerScope& operator=(const ViewerScope&) = delete;

  private:
    std::optional<Viewer> previous_;
};

}  // namespace pipecrm::domain
