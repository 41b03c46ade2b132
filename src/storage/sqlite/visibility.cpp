#include "storage/sqlite/visibility.hpp"

#include <string>

namespace pipecrm::storage::sqlite {
namespace {

enum class Part { kUser, kWorkspace, kRole };

template <Part kPart>
void ViewerPart(sqlite3_context* context, int, sqlite3_value**) {
    const auto& viewer = *static_cast<const ViewerSlot*>(sqlite3_user_data(context));
    if (!viewer) {
        sqlite3_result_null(context);
        return;
    }
    switch (kPart) {
        case Part::kUser:
            sqlite3_result_int64(context, viewer->user_id);
            return;
        case Part::kWorkspace:
            sqlite3_result_int64(context, viewer->workspace_id);
            return;
        case Part::kRole: {
            const std::string_view role = domain::RoleName(viewer->role);
            sqlite3_result_text(context, role.data(), static_cast<int>(role.size()), SQLITE_STATIC);
            return;
        }
    }
}

// Who may see a row owned by `owner`: the system; an admin of the workspace; the owner;
// anyone in the workspace when visible_to is 7; the owner's team-mates when it is 3 or 5;
// the managers of the owner's teams always.
std::string Predicate(const char* owner) {
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

Status InstallVisibility(Connection& db, ViewerSlot& slot) {
    struct Function {
        const char* name;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
    };
    // Not deterministic (the viewer changes between jobs), but innocuous: no side effects,
    // so views may call them.
    for (const Function& f : {Function{"pipecrm_viewer_user", ViewerPart<Part::kUser>},
                              Function{"pipecrm_viewer_workspace", ViewerPart<Part::kWorkspace>},
                              Function{"pipecrm_viewer_role", ViewerPart<Part::kRole>}}) {
        const int rc =
            sqlite3_create_function_v2(db.raw(), f.name, 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, &slot,
                                       f.fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            return FromSqlite(rc, db.raw(), std::string("cannot register ") + f.name);
        }
    }
    std::string sql;
    for (const ScopedTable& table : kScopedTables) {
        sql += std::string("CREATE TEMP VIEW ") + table.name + " AS SELECT * FROM main." +
               table.name + " WHERE " + Predicate(table.owner_column) + ";";
    }
    return db.Exec(sql);
}

}  // namespace pipecrm::storage::sqlite
