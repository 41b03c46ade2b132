// Per-record visibility, enforced in one place: every table whose records have an owner and
// a visible_to gets a view of the same name in the connection's temp schema, which SQLite
// resolves before the main table. So every unqualified read (lists, gets, counts, sums,
// searches, reports) sees only what the connection's current viewer may see; statements that
// write name main.<table>. The viewer reaches SQL through the functions pipecrm_viewer_user(),
// pipecrm_viewer_workspace() and pipecrm_viewer_role(), all NULL for system work.
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
