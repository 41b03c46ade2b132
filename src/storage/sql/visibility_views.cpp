#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::sql {

std::string VisibilityPredicate(const char* owner) {
    const std::string o = owner;
    return "(pipecrm_viewer_user() IS NULL OR (workspace_id = pipecrm_viewer_workspace() AND ("
           "pipecrm_viewer_role() = 'admin' OR " +
           o + " = pipecrm_viewer_user() OR visible_to = 7 OR (visible_to IN (3, 5) AND " + o +
           " IN (SELECT mate.user_id FROM main.team_members me JOIN main.teams t ON t.id = "
           "me.team_id AND t.is_deleted = 0 JOIN main.team_members mate ON mate.workspace_id = "
           "me.workspace_id AND mate.team_id = me.team_id WHERE me.workspace_id = "
           "pipecrm_viewer_workspace() AND me.user_id = pipecrm_viewer_user())) OR "
           "(pipecrm_viewer_role() = 'manager' AND " +
           o +
           " IN (SELECT member.user_id FROM main.teams t JOIN main.team_members member ON "
           "member.workspace_id = t.workspace_id AND member.team_id = t.id WHERE t.workspace_id "
           "= pipecrm_viewer_workspace() AND t.is_deleted = 0 AND t.manager_user_id = "
           "pipecrm_viewer_user())))))";
}

namespace {

// The tables that have per-record visibility, with the column naming each record's owner.
struct ScopedTable {
    const char* name;
    const char* owner_column;
};
constexpr ScopedTable kScopedTables[] = {
    {"deals", "owner_id"},
    {"persons", "owner_id"},
    {"organizations", "owner_id"},
    {"activities", "owner_id"},
    {"notes", "user_id"},
    {"products", "owner_id"},
    {"forecast_snapshots", "owner_id"},
};

}  // namespace

std::string VisibilityViewsSql() {
    std::string sql;
    for (const ScopedTable& table : kScopedTables) {
        sql += std::string("CREATE TEMP VIEW ") + table.name + " AS SELECT * FROM main." +
               table.name + " WHERE " + VisibilityPredicate(table.owner_column) + ";";
    }
    return sql;
}

}  // namespace pipecrm::storage::sql
