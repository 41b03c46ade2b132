// Per-record visibility on SQLite: the functions pipecrm_viewer_user(),
// pipecrm_viewer_workspace() and pipecrm_viewer_role() that the shared temp views call
// (storage/sql/visibility_views.hpp), reading a per-connection slot; all NULL for system work.
#pragma once

#include <optional>

#include "base/status.hpp"
#include "domain/viewer.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {

/// The viewer a connection's statements run for; empty between jobs and for system work.
using ViewerSlot = std::optional<domain::Viewer>;

/// Sets the slot's viewer for one job and clears it afterwards.
class ViewerSlotScope {
  public:
    ViewerSlotScope(ViewerSlot& slot, const std::optional<domain::Viewer>& viewer) : slot_(slot) {
        slot_ = viewer;
    }
    ~ViewerSlotScope() { slot_.reset(); }
    ViewerSlotScope(const ViewerSlotScope&) = delete;
    ViewerSlotScope& operator=(const ViewerSlotScope&) = delete;

  private:
    ViewerSlot& slot_;
};

/// Registers the viewer functions (reading `slot`, which must outlive the connection) and
/// creates the temp views. Call after the migrations, once per connection.
Status InstallVisibility(Connection& db, ViewerSlot& slot);

}  // namespace pipecrm::storage::sqlite
