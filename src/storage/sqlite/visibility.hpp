// Per-record visibility, enforced in one place: every table whose records have an owner and
// a visible_to gets a view of the same name in the connection's temp schema, which SQLite
// resolves before the main table. So every unqualified read (lists, gets, counts, sums,
// searches, reports) sees only what the connection's current viewer may see; statements that
// write name main.<table>. The viewer reaches SQL through the functions pipecrm_viewer_user(),
// pipecrm_viewer_workspace() and pipecrm_viewer_role(), all NULL for system work.
#pragma once

#include <optional>
#include <vector>

#include "base/status.hpp"
#include "domain/viewer.hpp"
#include "storage/sqlite/connection.hpp"

namespace pipecrm::storage::sqlite {

/// The viewer a connection's statements run for; set around each job.
class ViewerSlot {
  public:
    const std::optional<domain::Viewer>& viewer() const { return viewer_; }

  private:
    friend class ViewerSlotScope;
    std::optional<domain::Viewer> viewer_;
};

/// Sets the slot's viewer for one job and clears it afterwards.
class ViewerSlotScope {
  public:
    ViewerSlotScope(ViewerSlot& slot, const std::optional<domain::Viewer>& viewer) : slot_(slot) {
        slot_.viewer_ = viewer;
    }
    ~ViewerSlotScope() { slot_.viewer_.reset(); }
    ViewerSlotScope(const ViewerSlotScope&) = delete;
    ViewerSlotScope& operator=(const ViewerSlotScope&) = delete;

  private:
    ViewerSlot& slot_;
};

/// Registers the viewer functions (reading `slot`, which must outlive the connection) and
/// creates the temp views. Call after the migrations, once per connection.
Status InstallVisibility(Connection& db, ViewerSlot& slot);

/// The tables that have per-record visibility, with the column naming each record's owner.
struct ScopedTable {
    const char* name;
    const char* owner_column;
};
const std::vector<ScopedTable>& ScopedTables();

}  // namespace pipecrm::storage::sqlite
