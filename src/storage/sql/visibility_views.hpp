// Per-record visibility, enforced in one place for both backends: every table whose records
// have an owner and a visible_to gets a TEMP VIEW of the same name on each connection, which
// both SQLite and PostgreSQL resolve before the table in `main`. So every unqualified read
// (lists, gets, counts, sums, searches, reports) sees only what the job's viewer may see;
// statements that write name main.<table>. The views call pipecrm_viewer_user(),
// pipecrm_viewer_workspace() and pipecrm_viewer_role(), all NULL for system work: functions
// registered per connection on SQLite (sqlite/visibility.cpp), SQL functions reading
// per-transaction settings on PostgreSQL (migration 0008).
#pragma once

#include <string>

namespace pipecrm::storage::sql {

/// Who may see a row owned by the column `owner`, with its row's `workspace_id` and
/// `visible_to`: the system; an admin of the workspace; the owner; anyone in the workspace when
/// visible_to is 7; the owner's team-mates when it is 3 or 5; the managers of the owner's teams
/// always. For tables that copy a record's owner and visibility (derived report data).
std::string VisibilityPredicate(const char* owner);

/// The statements creating the views, for Connection::Exec once per connection.
std::string VisibilityViewsSql();

}  // namespace pipecrm::storage::sql
